using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;

namespace DealPipeline.Api.Features.Evaluation;

/// <summary>One criterion's score, with the scorer's note.</summary>
public sealed record CriterionScore(string? Criterion, decimal? Score, string? Note = null);

/// <summary>A deal's evaluation under a revision of a criteria set: its scores, total, band and vetoes.</summary>
public sealed record DealScoreResponse : IHasId, IDealScoped
{
    long? IDealScoped.DealOf => DealId;

    public long Id { get; init; }

    public long DealId { get; init; }

    public long CriteriaSetId { get; init; }

    public int Revision { get; init; }

    /// <summary>The sum of the criteria's scores, 0 to 100 points.</summary>
    public decimal Total { get; init; }

    /// <summary>The key of the band the total falls in, or "vetoed" when a veto applied.</summary>
    public string Band { get; init; } = "";

    public IReadOnlyList<CriterionScore> Scores { get; init; } = [];

    public IReadOnlyList<VetoApplied> Vetoes { get; init; } = [];

    public string? Note { get; init; }

    public long? ByUserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

public sealed record ScoreBody(long? CriteriaSetId, IReadOnlyList<CriterionScore>? Scores, IReadOnlyList<VetoApplied>? Vetoes = null, string? Note = null) : IRequestBody
{
    public static IReadOnlyList<string> Required => ["criteriaSetId", "scores"];

    public static object Example => new ScoreBody(
        1,
        [new("investmentPerMu", 22m, "约 350 万元/亩"), new("taxPerMu", 20.5m), new("outputPerMu", 12m), new("sectorFit", 15m, "合成生物，园区主导产业"), new("technology", 8m), new("jobs", 6m)],
        [],
        "招商委员会 2026 年第 11 次会议评审");
}
