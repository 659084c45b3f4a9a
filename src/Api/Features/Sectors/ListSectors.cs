using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Sectors;

public sealed record ListSectors(int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<SectorResponse>>, IPagedRequest;

public sealed class ListSectorsHandler(IdPages pages) : IRequestHandler<ListSectors, Page<SectorResponse>>
{
    public Task<Page<SectorResponse>> Handle(ListSectors request, CancellationToken cancellationToken) =>
        pages.PageAsync<SectorResponse>(request, "SELECT id, name, parent_id, industry_code FROM sectors WHERE 1 = 1", new { }, cancellationToken);
}
