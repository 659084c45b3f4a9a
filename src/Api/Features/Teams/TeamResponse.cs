using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Teams;

public sealed record TeamResponse : IHasId, IVersioned
{
    /// <summary>The row's version: answered as the ETag, not in the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; } = 1;

    public long Id { get; init; }

    public string Name { get; init; } = "";
}
