using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Http;

namespace DealPipeline.Api.Features.Evaluation;

public sealed class DealScoreStore(DbSession session)
{
    public const string Columns = "id, deal_id, set_id, revision, total_tenths, band, scores, vetoes, note, by_user_id, created_at";

    internal static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web);

    /// <summary>The vetoes a score stored (none when it stored none).</summary>
    public static IReadOnlyList<VetoApplied> VetoesOf(string? json) => json is null ? [] : JsonSerializer.Deserialize<List<VetoApplied>>(json, Stored) ?? [];

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
            Vetoes = VetoesOf(Vetoes),
            Note = Note,
            ByUserId = ByUserId,
            CreatedAt = CreatedAt,
        };
    }
}
