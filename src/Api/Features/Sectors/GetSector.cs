using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Sectors;

public sealed record GetSector(long Id) : IQuery<SectorResponse>, IGetReference;

public sealed class GetSectorHandler(ReferenceStore rows) : GetReferenceHandler<GetSector, SectorResponse>(rows, Select, "sector")
{
    public const string Select = "SELECT id, name, parent_id, industry_code, version FROM sectors";
}
