using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Parks;

public sealed record ParkResponse : IHasId, IVersioned
{
    /// <summary>The row's version: answered as the ETag, not in the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; } = 1;

    public long Id { get; init; }

    public string Name { get; init; } = "";

    public string City { get; init; } = "";

    /// <summary>The park's GB/T 2260 region code (its county or city), e.g. 330114.</summary>
    public string? RegionCode { get; init; }
}
