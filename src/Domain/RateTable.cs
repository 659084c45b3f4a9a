namespace DealPipeline.Domain;

/// <summary>
/// The exchange rates in force on one day (yuan per unit of each currency) and the conversion of
/// amounts in minor units to CNY fen at them. A currency without a rate cannot be converted: that is
/// a conflict with the data (code fx.missing), not a fault of the request.
/// </summary>
public sealed class RateTable(IReadOnlyDictionary<string, decimal> rates)
{
    public const string Cny = "CNY";

    /// <summary>The currencies the table converts: CNY and every one with a rate.</summary>
    public IEnumerable<string> Currencies => rates.Keys.Prepend(Cny).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// The least amount in minor units of <paramref name="currency"/> that is worth at least <paramref name="cnyMinor"/> fen
    /// once converted (<see cref="ToCny"/>), or null when no amount is: conversion never gives less for more, so an amount
    /// reaches the threshold exactly when it is this one or more, a comparison a database can make without converting.
    /// </summary>
    public long? LeastReaching(string currency, long cnyMinor)
    {
        if (cnyMinor <= 0)
        {
            return 0;
        }

        bool Reaches(long amount) => ToCny(currency, amount) >= cnyMinor;
        long high = 1;
        while (!Reaches(high))
        {
            if (high > long.MaxValue / 4)
            {
                return null;
            }

            high *= 2;
        }

        // Reaches(high) and, below low + 1, nothing does.
        var low = high / 2;
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (Reaches(middle))
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return Reaches(low) ? low : high;
    }

    /// <summary>The rate of a currency other than CNY, when the table has one.</summary>
    public bool TryGetRate(string currency, out decimal rate) => rates.TryGetValue(currency, out rate);

    /// <summary>An amount (or subtotal) in minor units of <paramref name="currency"/> as CNY fen, rounded half away from zero.</summary>
    public decimal ToCny(string currency, decimal minor)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var code = currency.Trim();
        if (code == Cny)
        {
            return minor;
        }

        return rates.TryGetValue(code, out var rate)
            ? Money.Convert(minor, rate)
            : throw new DomainException("fx.missing", RuleTexts.NoRateToConvert.With(("currency", code), ("code", code)));
    }
}
