using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Parks;

public sealed record PatchPark(long Id, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<ParkResponse>, IChangesOne, IPatchReference
{
    string IAudited.AuditEntity => "park";
}

public sealed class PatchParkHandler(ReferenceStore rows, IValidator<CreatePark> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : PatchReferenceHandler<PatchPark, ParkResponse, CreatePark>(rows, validator, json, GetParkHandler.Select, "park", "parks")
{
    protected override CreatePark FieldsOf(ParkResponse current) => new(current.Name, current.City, current.RegionCode);

    protected override Task<(ParkResponse Changed, string Set, object Columns)> ApplyAsync(ParkResponse current, CreatePark fields, CancellationToken cancellationToken)
    {
        var changed = current with
        {
            Name = fields.Name!.Trim(), City = fields.City!.Trim(), RegionCode = string.IsNullOrWhiteSpace(fields.RegionCode) ? null : fields.RegionCode.Trim(), Version = current.Version + 1,
        };
        return Task.FromResult<(ParkResponse, string, object)>((changed, "name = @Name, city = @City, region_code = @RegionCode", new { changed.Name, changed.City, changed.RegionCode }));
    }
}
