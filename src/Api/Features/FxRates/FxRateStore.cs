namespace DealPipeline.Api.Features.FxRates;

/// <summary>
/// The fx_rates table, and what the FxRates area publishes to the others: the rates in force on a day
/// (<see cref="InForceAsync"/>) and whether a currency can be converted (<see cref="HasRateAsync"/>).
/// Rates are stored as integers, yuan per unit times 10^8: exact, and the same in every database.
/// </summary>
public sealed class FxRateStore(DbSession session, IClock clock)
{
    public const int Decimals = 8;

    /// <summary>No currency is worth 1,000 yuan a unit; the bound keeps converted sums exact (see <see cref="Money.MaxAmount"/>).</summary>
    public const decimal MaxRate = 1_000m;

    private const decimal Scale = 100_000_000m;

    /// <summary>
    /// For each currency, the rate in force on <paramref name="on"/>: the latest effective on or
    /// before it, or, for a date before a currency's first rate, that first rate.
    /// </summary>
    public async Task<RateTable> InForceAsync(DateOnly on, CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync<Row>(
            "SELECT currency, effective_on, rate_e8 FROM fx_rates f WHERE effective_on = COALESCE(" +
            "(SELECT MAX(effective_on) FROM fx_rates g WHERE g.currency = f.currency AND g.effective_on <= @on), " +
            "(SELECT MIN(effective_on) FROM fx_rates h WHERE h.currency = f.currency))",
            new { on },
            cancellationToken);
        return new RateTable(rows.ToDictionary(r => r.Currency.Trim(), r => FromE8(r.RateE8), StringComparer.Ordinal));
    }

    public async Task<bool> HasRateAsync(string currency, CancellationToken cancellationToken) =>
        currency == RateTable.Cny
        || await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fx_rates WHERE currency = @currency", new { currency }, cancellationToken) > 0;

    /// <summary>Every rate, newest first per currency.</summary>
    public async Task<IReadOnlyList<FxRateResponse>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await session.QueryAsync<Row>("SELECT currency, effective_on, rate_e8 FROM fx_rates ORDER BY currency, effective_on DESC", null, cancellationToken))
            .Select(r => r.ToResponse())];

    /// <summary>Sets the currency's rate from a day on, replacing one set for that day (an upsert written once for every database: the command's transaction makes it atomic).</summary>
    public async Task<FxRateResponse> SetAsync(string currency, DateOnly effectiveOn, decimal rate, CancellationToken cancellationToken)
    {
        var row = new Row { Currency = currency, EffectiveOn = effectiveOn, RateE8 = ToE8(rate) };
        var args = new { row.Currency, On = row.EffectiveOn, row.RateE8, At = clock.UtcNow };
        var updated = await session.ExecuteAsync(
            "UPDATE fx_rates SET rate_e8 = @RateE8, updated_at = @At WHERE currency = @Currency AND effective_on = @On", args, cancellationToken);
        if (updated == 0)
        {
            await session.ExecuteAsync(
                "INSERT INTO fx_rates (currency, effective_on, rate_e8, updated_at) VALUES (@Currency, @On, @RateE8, @At)", args, cancellationToken);
        }

        return row.ToResponse();
    }

    /// <summary>A rate as stored: yuan per unit times 10^8.</summary>
    public static long ToE8(decimal rate) => (long)(rate * Scale);

    private static decimal FromE8(long rateE8) => rateE8 / Scale;

    private sealed record Row
    {
        public string Currency { get; init; } = "";

        public DateOnly EffectiveOn { get; init; }

        public long RateE8 { get; init; }

        public FxRateResponse ToResponse() => new(Currency.Trim(), FromE8(RateE8), EffectiveOn);
    }
}
