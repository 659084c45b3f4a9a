using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Funds;

/// <summary>The funds_in_place table as the API reads it.</summary>
public sealed class FundsStore(DbSession session)
{
    /// <summary>The columns of <c>funds_in_place f JOIN deals d</c>: the amount is in the deal's currency.</summary>
    public const string Columns = "f.id, f.deal_id, f.on_date AS \"on\", f.amount_minor, d.currency, f.note, f.by_user_id, f.created_at";

    public const string From = "funds_in_place f JOIN deals d ON d.id = f.deal_id";

    public async Task<FundsResponse> GetAsync(long id, CancellationToken cancellationToken) =>
        (await session.QuerySingleAsync<Row>($"SELECT {Columns} FROM {From} WHERE f.id = @id", new { id }, cancellationToken)).ToResponse();

    public sealed record Row
    {
        public long Id { get; init; }

        public long DealId { get; init; }

        public DateOnly On { get; init; }

        public long AmountMinor { get; init; }

        public string Currency { get; init; } = "";

        public string? Note { get; init; }

        public long? ByUserId { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public FundsResponse ToResponse() => new()
        {
            Id = Id, DealId = DealId, On = On, Amount = Money.FromMinor(AmountMinor), Currency = Currency.Trim(), Note = Note, ByUserId = ByUserId, CreatedAt = CreatedAt,
        };
    }
}
