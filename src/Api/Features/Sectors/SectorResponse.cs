using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Sectors;

public sealed record SectorResponse : IHasId, IVersioned
{
    /// <summary>The row's version: answered as the ETag, not in the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; } = 1;

    public long Id { get; init; }

    public string Name { get; init; } = "";

    public long? ParentId { get; init; }

    /// <summary>The national industry code (GB/T 4754-2017) the sector matches, e.g. C276.</summary>
    public string? IndustryCode { get; init; }
}
