namespace DealPipeline.Api.Features.Deals;

/// <summary>A deal's latest evaluation: the criteria set and revision, the total, the band ("vetoed" when a veto applied) and the vetoes that applied, with their reasons.</summary>
public sealed record DealEvaluation(long CriteriaSetId, int Revision, decimal Total, string Band, IReadOnlyList<VetoApplied> Vetoes, DateTimeOffset ScoredAt)
{
    private static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web);

    /// <summary>The vetoes of a score as stored (a JSON array), none for null.</summary>
    public static IReadOnlyList<VetoApplied> VetoesOf(string? json) => json is null ? [] : JsonSerializer.Deserialize<List<VetoApplied>>(json, Stored) ?? [];
}

/// <summary>A veto item that applies, with its reason.</summary>
public sealed record VetoApplied(string? Veto, string? Reason);
