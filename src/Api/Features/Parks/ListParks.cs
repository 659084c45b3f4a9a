using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Parks;

public sealed record ListParks(int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<ParkResponse>>, IPagedRequest;

public sealed class ListParksHandler(IdPages pages) : IRequestHandler<ListParks, Page<ParkResponse>>
{
    public Task<Page<ParkResponse>> Handle(ListParks request, CancellationToken cancellationToken) =>
        pages.PageAsync<ParkResponse>(request, "SELECT id, name, city, region_code FROM parks WHERE 1 = 1", new { }, cancellationToken);
}
