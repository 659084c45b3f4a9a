using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http;

namespace DealPipeline.Api.Features.Parks;

public sealed record ListParks(int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<ParkResponse>>, IPagedRequest;

public sealed class ListParksHandler(DbSession session, Cursors cursors) : IRequestHandler<ListParks, Page<ParkResponse>>
{
    public Task<Page<ParkResponse>> Handle(ListParks request, CancellationToken cancellationToken) =>
        ListById.PageAsync<ParkResponse>(session, cursors, request, "SELECT id, name, city, region_code FROM parks WHERE 1 = 1", new { }, cancellationToken);
}
