using System.Globalization;

namespace DealPipeline.Domain;

/// <summary>
/// Money is carried as integer minor units (fen for CNY, cents for USD …) everywhere below the
/// API: storage and sums are exact Int64 arithmetic, never floating point.
/// </summary>
public static class Money
{
    /// <summary>
    /// 10^13 yuan (ten trillion), far above any single project. One Int64 holds the sum of only
    /// about 9,200 such amounts in minor units, so reports never sum them in one: the database
    /// sums them in two halves (ExactSum) and the service adds and converts in decimal, which stays
    /// exact for about 7.9×10^10 deals at this maximum converted at the highest accepted rate.
    /// </summary>
    public const decimal MaxAmount = 10_000_000_000_000m;

    public static long ToMinor(decimal amount)
    {
        if (amount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), "Amounts are never negative.");
        }

        if (amount > MaxAmount)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), "Amount is too large.");
        }

        var minor = amount * 100m;
        if (minor != decimal.Truncate(minor))
        {
            throw new ArgumentException("Amounts have at most two decimals.", nameof(amount));
        }

        return (long)minor;
    }

    /// <summary>True when the amount can be stored exactly: 0 to <see cref="MaxAmount"/>, at most two decimals.</summary>
    public static bool IsValidAmount(decimal amount) =>
        amount >= 0 && amount <= MaxAmount && amount * 100m == decimal.Truncate(amount * 100m);

    /// <summary>Minor units back to a decimal with exactly two decimals (1200 → 12.00).</summary>
    public static decimal FromMinor(long minor) => decimal.Divide(minor, 100m) + 0.00m;

    public static decimal? FromMinor(long? minor) => minor is null ? null : FromMinor(minor.Value);

    /// <summary>A sum of minor units (a whole number held in a decimal) in major units with two decimals.</summary>
    public static decimal FromMinor(decimal minor) => decimal.Divide(decimal.Truncate(minor), 100m) + 0.00m;

    /// <summary>Converts an amount in a foreign currency's minor units to CNY fen at
    /// <paramref name="rate"/> yuan per unit, rounding half away from zero to the fen.</summary>
    public static decimal Convert(decimal minor, decimal rate) =>
        decimal.Round(minor * rate, 0, MidpointRounding.AwayFromZero);

    public static string Format(long minor) => FromMinor(minor).ToString("0.00", CultureInfo.InvariantCulture);
}
