using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;

namespace DealPipeline.Api.Features.Evaluation;

public sealed class DealScoreStore(DbSession session, IClock clock)
{
    /// <summary>Records a deal's score under a revision of a criteria set (scored by the set's definition first); answers its id.</summary>
    public Task<long> AddAsync(AddDealScore request, CriteriaSetResponse set, decimal total, string? band, long? byUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(set);
        var vetoes = request.Vetoes ?? [];
        return session.QuerySingleAsync<long>(
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
                scores = JsonSerializer.Serialize(request.Scores!.Select(s => s with { Note = string.IsNullOrWhiteSpace(s.Note) ? null : s.Note.Trim() }), Stored),
                vetoes = vetoes.Count == 0 ? null : JsonSerializer.Serialize(vetoes.Select(v => v with { Reason = v.Reason!.Trim() }), Stored),
                note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
                by = byUserId,
                at = clock.UtcNow,
            },
            cancellationToken);
    }

    public const string Columns = "id, deal_id, set_id, revision, total_tenths, band, scores, vetoes, note, by_user_id, created_at";

    internal static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web);

    /// <summary>The vetoes a score stored (none when it stored none).</summary>

    public async Task<DealScoreResponse> GetAsync(long id, CancellationToken cancellationToken)
    {
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
            Vetoes = DealEvaluation.VetoesOf(Vetoes),
            Note = Note,
            ByUserId = ByUserId,
            CreatedAt = CreatedAt,
        };
    }
}
