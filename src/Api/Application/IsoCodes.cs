namespace DealPipeline.Api.Application;

/// <summary>ISO 3166-1 alpha-2 countries and ISO 4217 currencies, as the platform's ICU data knows them.</summary>
public static class IsoCodes
{
    private static readonly Lazy<(HashSet<string> Countries, HashSet<string> Currencies)> Codes = new(Load);

    public static bool IsCountry(string? code) => code is { Length: 2 } && Codes.Value.Countries.Contains(code);

    public static bool IsCurrency(string? code) => code is { Length: 3 } && Codes.Value.Currencies.Contains(code);

    private static (HashSet<string>, HashSet<string>) Load()
    {
        var countries = new HashSet<string>(StringComparer.Ordinal);
        var currencies = new HashSet<string>(StringComparer.Ordinal) { "CNY", "USD", "EUR", "JPY", "KRW", "HKD", "GBP", "SGD", "CHF" };
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            try
            {
                var region = new RegionInfo(culture.Name);
                if (region.TwoLetterISORegionName.Length == 2 && region.TwoLetterISORegionName.All(char.IsAsciiLetterUpper))
                {
                    countries.Add(region.TwoLetterISORegionName);
                }

                if (region.ISOCurrencySymbol.Length == 3 && region.ISOCurrencySymbol.All(char.IsAsciiLetterUpper))
                {
                    currencies.Add(region.ISOCurrencySymbol);
                }
            }
            catch (ArgumentException)
            {
                // a culture without a region
            }
        }

        // Territories that investors come from even where the platform has no culture for them.
        foreach (var code in new[] { "CN", "HK", "MO", "TW", "US", "DE", "JP", "KR", "SG", "GB", "FR", "CH", "NL", "IL", "AU", "CA" })
        {
            countries.Add(code);
        }

        return (countries, currencies);
    }
}
