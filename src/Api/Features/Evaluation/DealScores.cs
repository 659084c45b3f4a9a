using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Http;

namespace DealPipeline.Api.Features.Evaluation;

/// <summary>One criterion's score, with the scorer's note.</summary>
public sealed record CriterionScore(string? Criterion, decimal? Score, string? Note = null);

/// <summary>A veto item that applies, with its reason.</summary>
public sealed record VetoApplied(string? Veto, string? Reason);

/// <summary>A deal's evaluation under a revision of a criteria set: its scores, total, band and vetoes.</summary>
public sealed record DealScoreResponse : IHasId
{
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

public sealed record AddDealScore(long DealId, long? CriteriaSetId, IReadOnlyList<CriterionScore>? Scores, IReadOnlyList<VetoApplied>? Vetoes, string? Note)
    : ICommand<DealScoreResponse>, IAudited
{
    string IAudited.AuditEntity => "dealScore";

    string? IAudited.AuditId => null;
}

public sealed class AddDealScoreValidator : AbstractValidator<AddDealScore>
{
    public AddDealScoreValidator()
    {
        RuleFor(x => x.CriteriaSetId).NotNull().WithMessage("'criteriaSetId' is required: the criteria set the deal is scored under.").Id();
        RuleFor(x => x.Scores).NotNull().WithMessage("'scores' is required: each criterion's score.")
            .Must(s => s is null || s.All(c => c is { Criterion: not null, Score: not null })).WithMessage("Each score names its criterion and gives its score.");
        RuleFor(x => x.Vetoes).Must(v => v is null || v.All(x => x is { Veto: not null })).WithMessage("Each veto names its veto item.");
        RuleFor(x => x.Note).MaximumLength(Validation.MaxTextLength);
    }
}

/// <summary>Scores a deal the caller may change under the current revision of a criteria set; the deal's earlier scores stay in its history.</summary>
public sealed class AddDealScoreHandler(DealReader reader, DbSession session, ICurrentUser caller, IClock clock) : IRequestHandler<AddDealScore, DealScoreResponse>
{
    public async Task<DealScoreResponse> Handle(AddDealScore request, CancellationToken cancellationToken)
    {
        await reader.LoadAsync(request.DealId, null, cancellationToken);
        if (!await References.ExistsAsync(session, "criteria_sets", request.CriteriaSetId!.Value, cancellationToken))
        {
            throw ProblemException.Invalid("criteriaSetId", $"There is no criteria set {request.CriteriaSetId}.");
        }

        var set = await CriteriaSetQueries.GetAsync(session, request.CriteriaSetId.Value, null, cancellationToken);
        var scores = request.Scores!;
        if (scores.GroupBy(s => s.Criterion).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw ProblemException.Invalid("scores", $"'{twice.Key}' is scored twice.");
        }

        var vetoes = request.Vetoes ?? [];
        if (vetoes.GroupBy(v => v.Veto).FirstOrDefault(g => g.Count() > 1) is { } vetoTwice)
        {
            throw ProblemException.Invalid("vetoes", $"'{vetoTwice.Key}' is given twice.");
        }

        var (total, band) = new Domain.CriteriaDefinition(set.Criteria, set.Bands, set.Vetoes)
            .Score(scores.ToDictionary(s => s.Criterion!, s => s.Score!.Value), vetoes.ToDictionary(v => v.Veto!, v => v.Reason?.Trim()));
        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId(
                "deal_scores",
                "deal_id, set_id, revision, total_tenths, band, scores, vetoes, note, by_user_id, created_at",
                "@DealId, @setId, @Revision, @tenths, @band, @scores, @vetoes, @note, @by, @at"),
            new
            {
                request.DealId,
                setId = set.Id,
                set.Revision,
                tenths = (long)(total * 10),
                band,
                scores = JsonSerializer.Serialize(scores.Select(s => s with { Note = string.IsNullOrWhiteSpace(s.Note) ? null : s.Note.Trim() }), DealScoreQueries.Stored),
                vetoes = vetoes.Count == 0 ? null : JsonSerializer.Serialize(vetoes.Select(v => v with { Reason = v.Reason!.Trim() }), DealScoreQueries.Stored),
                note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
                by = caller.UserId,
                at = clock.UtcNow,
            },
            cancellationToken);
        return await DealScoreQueries.GetAsync(session, id, cancellationToken);
    }
}

public sealed record ListDealScores(long DealId) : IQuery<Page<DealScoreResponse>>;

public sealed class ListDealScoresHandler(DealReader reader, DbSession session) : IRequestHandler<ListDealScores, Page<DealScoreResponse>>
{
    public async Task<Page<DealScoreResponse>> Handle(ListDealScores request, CancellationToken cancellationToken)
    {
        await reader.GetAsync(request.DealId, cancellationToken);
        var rows = await session.QueryAsync<DealScoreQueries.Row>(
            $"SELECT {DealScoreQueries.Columns} FROM deal_scores WHERE deal_id = @DealId ORDER BY id DESC", request, cancellationToken);
        return new Page<DealScoreResponse>([.. rows.Select(r => r.ToResponse())], null);
    }
}

public static class DealScoreQueries
{
    public const string Columns = "id, deal_id, set_id, revision, total_tenths, band, scores, vetoes, note, by_user_id, created_at";

    internal static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web);

    /// <summary>The vetoes a score stored (none when it stored none).</summary>
    public static IReadOnlyList<VetoApplied> VetoesOf(string? json) => json is null ? [] : JsonSerializer.Deserialize<List<VetoApplied>>(json, Stored) ?? [];

    public static async Task<DealScoreResponse> GetAsync(DbSession session, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return (await session.QuerySingleAsync<Row>($"SELECT {Columns} FROM deal_scores WHERE id = @id", new { id }, cancellationToken)).ToResponse();
    }

    public sealed record Row
    {
        public long Id { get; init; }

        public long DealId { get; init; }

        public long SetId { get; init; }

        public int Revision { get; init; }

        public long TotalTenths { get; init; }

        public string Band { get; init; } = "";

        public string Scores { get; init; } = "[]";

        public string? Vetoes { get; init; }

        public string? Note { get; init; }

        public long? ByUserId { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DealScoreResponse ToResponse() => new()
        {
            Id = Id,
            DealId = DealId,
            CriteriaSetId = SetId,
            Revision = Revision,
            Total = TotalTenths / 10m,
            Band = Band.Trim(),
            Scores = JsonSerializer.Deserialize<List<CriterionScore>>(Scores, Stored) ?? [],
            Vetoes = VetoesOf(Vetoes),
            Note = Note,
            ByUserId = ByUserId,
            CreatedAt = CreatedAt,
        };
    }
}
