using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Teams;

public sealed record ListTeams(int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<TeamResponse>>, IPagedRequest;

public sealed class ListTeamsHandler(IdPages pages) : IRequestHandler<ListTeams, Page<TeamResponse>>
{
    public Task<Page<TeamResponse>> Handle(ListTeams request, CancellationToken cancellationToken) =>
        pages.PageAsync<TeamResponse>(request, "SELECT id, name FROM teams WHERE 1 = 1", new { }, cancellationToken);
}
