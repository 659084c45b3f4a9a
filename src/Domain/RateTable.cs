namespace DealPipeline.Domain;

/// <summary>
/// The exchange rates in force on one day (yuan per unit of each currency) and the conversion of
/// amounts in minor units to CNY fen at them. A currency without a rate cannot be converted: that is
/// a conflict with the data (code fx.missing), not a fault of the request.
/// </summary>
public sealed class RateTable(IReadOnlyDictionary<string, decimal> rates)
{
    public const string Cny = "CNY";

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
