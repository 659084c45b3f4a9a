using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Parks;

public sealed record GetPark(long Id) : IQuery<ParkResponse>, IGetReference;

public sealed class GetParkHandler(ReferenceStore rows) : GetReferenceHandler<GetPark, ParkResponse>(rows, Select, "park")
{
    public const string Select = "SELECT id, name, city, region_code, version FROM parks";
}
