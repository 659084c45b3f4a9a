using DealPipeline.Domain;

namespace DealPipeline.Domain.Tests;

public class MoneyTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("0.01", 1L)]
    [InlineData("1200000000.00", 120000000000L)]
    [InlineData("12345678901.23", 1234567890123L)]
    [InlineData("10000000000000", 1000000000000000L)]
    public void Amounts_become_exact_minor_units_and_back(string text, long minor)
    {
        var amount = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(minor, Money.ToMinor(amount));
        Assert.Equal(amount, Money.FromMinor(minor));
        Assert.Equal(2, (decimal.GetBits(Money.FromMinor(minor))[3] >> 16) & 0xFF);
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("0.001")]
    [InlineData("10000000000000.01")]
    public void Amounts_outside_the_rules_are_refused(string text)
    {
        var amount = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        Assert.False(Money.IsValidAmount(amount));
        Assert.ThrowsAny<ArgumentException>(() => Money.ToMinor(amount));
    }

    [Theory]
    [InlineData(100L, "7.1004", 710L)]
    [InlineData(5L, "0.1", 1L)]
    [InlineData(15L, "0.1", 2L)]
    [InlineData(123456789L, "0.005214", 643704L)]
    public void Conversion_rounds_half_away_from_zero_to_the_fen(long minor, string rate, long expected)
    {
        Assert.Equal(expected, Money.Convert(minor, decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)));
    }
}

public class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000600037341L")]
    public void Real_codes_are_valid(string code) => Assert.True(CreditCode.IsValid(code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100Y44")]
    [InlineData("91350100M000100Y433")]
    [InlineData("91350100I000100Y43")]
    [InlineData("91350100m000100Y43")]
    public void Malformed_codes_are_refused(string? code) => Assert.False(CreditCode.IsValid(code));

    [Fact]
    public void Changing_any_one_character_breaks_the_check()
    {
        const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        const string Valid = "91350100M000100Y43";
        for (var i = 0; i < Valid.Length; i++)
        {
            foreach (var c in Alphabet.Where(c => c != Valid[i]))
            {
                var changed = Valid[..i] + c + Valid[(i + 1)..];
                Assert.False(CreditCode.IsValid(changed), changed);
            }
        }
    }

    [Fact]
    public void The_computed_check_character_validates()
    {
        var random = new Random(42);
        const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (var n = 0; n < 500; n++)
        {
            var body = new string(Enumerable.Range(0, 17).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
            Assert.True(CreditCode.IsValid(body + CreditCode.ComputeCheckCharacter(body)));
        }
    }
}

public class RateTableTests
{
    [Fact]
    public void Amounts_convert_to_cny_fen_rounded_half_away_from_zero_and_a_missing_rate_is_a_conflict_with_the_data()
    {
        var rates = new RateTable(new Dictionary<string, decimal> { ["USD"] = 7.1234m, ["EUR"] = 7.7312m });
        Assert.Equal(12_345m, rates.ToCny("CNY", 12_345m));
        Assert.Equal(71_234m, rates.ToCny("USD", 10_000m));

        // 0.05 USD × 7.1234 = 0.35617 yuan → 35.617 fen → 36; 0.07 EUR × 7.7312 = 54.1184 fen → 54.
        Assert.Equal(36m, rates.ToCny("USD", 5m));
        Assert.Equal(54m, rates.ToCny("EUR ", 7m));
        var missing = Assert.Throws<DomainException>(() => rates.ToCny("JPY", 1m));
        Assert.Equal(("fx.missing", null), (missing.Code, missing.Field));
        Assert.Equal(712_340_00L, (long)rates.ToCny("USD", Money.ToMinor(100_000m)));
    }

    [Theory]
    [InlineData("CNY", 10_000_000_000L)]
    [InlineData("USD", 10_000_000_000L)]
    [InlineData("USD", 36L)]
    [InlineData("EUR", 1L)]
    [InlineData("EUR", 999_999_999_999L)]
    [InlineData("TINY", 5L)]
    public void The_least_amount_reaching_a_cny_threshold_reaches_it_and_one_less_does_not(string currency, long threshold)
    {
        var rates = new RateTable(new Dictionary<string, decimal> { ["USD"] = 7.1234m, ["EUR"] = 7.7312m, ["TINY"] = 0.0001m });

        var least = rates.LeastReaching(currency, threshold)!.Value;

        Assert.True(rates.ToCny(currency, least) >= threshold);
        Assert.True(rates.ToCny(currency, least - 1) < threshold);
        Assert.Equal(0L, rates.LeastReaching(currency, 0));
        Assert.Null(new RateTable(new Dictionary<string, decimal> { ["ZERO"] = 0m }).LeastReaching("ZERO", 1));
        Assert.Equal(["CNY", "USD", "EUR", "TINY"], rates.Currencies);
    }
}

public sealed class CompanyNameTests
{
    [Theory]
    [InlineData("浙江华海药业股份有限公司", "浙江华海药业")]
    [InlineData("浙江华海药业有限公司", "浙江华海药业")]
    [InlineData(" 浙江 华海药业　有限责任公司 ", "浙江华海药业")]
    [InlineData("浙江华海（台州）药业有限公司", "浙江华海台州药业")]
    [InlineData("浙江华海(台州)药业有限公司", "浙江华海台州药业")]
    [InlineData("ＺＨＥＪＩＡＮＧ Ａｂｃ Ｃｏ．， Ｌｔｄ．", "zhejiangabc")]
    [InlineData("Zhejiang ABC Limited", "zhejiangabc")]
    [InlineData("Helix Therapeutics, Inc.", "helixtherapeutics")]
    [InlineData("公司", "公司")]
    public void A_name_s_key_leaves_out_width_case_spaces_brackets_punctuation_and_the_legal_form(string name, string key) =>
        Assert.Equal(key, CompanyNames.KeyOf(name));

    [Fact]
    public void Different_companies_keep_different_keys()
    {
        Assert.NotEqual(CompanyNames.KeyOf("浙江华海药业有限公司"), CompanyNames.KeyOf("浙江华海制药有限公司"));
        Assert.NotEqual(CompanyNames.KeyOf("浙江华海药业有限公司"), CompanyNames.KeyOf("浙江华海（台州）药业有限公司"));
    }
}
