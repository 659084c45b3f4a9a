using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Funds;

/// <summary>An amount actually invested in a deal (到位资金) on a date, in the deal's currency.</summary>
public sealed record FundsResponse : IHasId, IDealScoped
{
    long? IDealScoped.DealOf => DealId;

    public long Id { get; init; }

    public long DealId { get; init; }

    public DateOnly On { get; init; }

    public decimal Amount { get; init; }

    public string Currency { get; init => field = value.Trim(); } = "";

    public string? Note { get; init; }

    public long? ByUserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The amount as stored (fen, or the currency's hundredths): read from the row, never serialized.</summary>
    internal long AmountMinor
    {
        init => Amount = Money.FromMinor(value);
    }
}
