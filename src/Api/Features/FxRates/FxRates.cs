namespace DealPipeline.Api.Features.FxRates;

/// <summary>Rates are stored as integers, yuan per unit times 10^8: exact, and the same in both databases.</summary>
public static class FxRates
{
    public const string Cny = "CNY";
    public const int Decimals = 8;
    /// <summary>No currency is worth 1,000 yuan a unit; the bound keeps converted sums exact (see <see cref="Money.MaxAmount"/>).</summary>
    public const decimal MaxRate = 1_000m;
    private const decimal Scale = 100_000_000m;

    public static long ToE8(decimal rate) => (long)(rate * Scale);

    public static decimal FromE8(long rateE8) => rateE8 / Scale;

    /// <summary>
    /// For each currency, the rate in force on <paramref name="on"/>: the latest effective on or
    /// before it, or, for a date before a currency's first rate, that first rate.
    /// </summary>
    public static async Task<RateTable> InForceAsync(DbSession session, DateOnly on, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var rows = await session.QueryAsync<Row>(
            "SELECT currency, effective_on, rate_e8 FROM fx_rates f WHERE effective_on = COALESCE(" +
            "(SELECT MAX(effective_on) FROM fx_rates g WHERE g.currency = f.currency AND g.effective_on <= @on), " +
            "(SELECT MIN(effective_on) FROM fx_rates h WHERE h.currency = f.currency))",
            new { on },
            cancellationToken);
        return new RateTable(rows.ToDictionary(r => r.Currency.Trim(), r => FromE8(r.RateE8), StringComparer.Ordinal));
    }

    public static async Task<bool> HasRateAsync(DbSession session, string currency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return currency == Cny
            || await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fx_rates WHERE currency = @currency", new { currency }, cancellationToken) > 0;
    }

    public sealed record Row
    {
        public string Currency { get; init; } = "";

        public DateOnly EffectiveOn { get; init; }

        public long RateE8 { get; init; }
    }
}
