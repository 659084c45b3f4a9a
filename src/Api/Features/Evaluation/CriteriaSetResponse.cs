using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Evaluation;

/// <summary>A criteria set (指标评价体系) as its current revision defines it.</summary>
public sealed record CriteriaSetResponse : IHasId, IVersioned
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; } = 1;

    public long Id { get; init; }

    public string Name { get; init; } = "";

    /// <summary>The revision of the definition: a change to a set that has scores makes a new one, and old scores keep theirs.</summary>
    public int Revision { get; init; }

    public IReadOnlyList<Criterion> Criteria { get; init; } = [];

    public IReadOnlyList<ScoreBand> Bands { get; init; } = [];

    public IReadOnlyList<VetoItem> Vetoes { get; init; } = [];

    /// <summary>Whether deals were scored under this revision.</summary>
    public bool Scored { get; init; }
}
