namespace DealPipeline.Domain;

/// <summary>How a published rate is cut to its decimals: rounded half away from zero, or truncated as some offices publish them.</summary>
public enum RateRounding
{
    Round = 1,

    /// <summary>Cut, never rounded up: Weinan published 291 / 292 as 99.65 %, Jiangmen 129 / 270 as 47 %.</summary>
    Truncate = 2,
}

/// <summary>A rate as a report publishes it: its numerator and denominator, and their quotient cut to <see cref="Decimals"/> as <see cref="Rounding"/> says (null when the denominator is 0).</summary>
public sealed record PublishedRate(decimal Numerator, decimal Denominator, decimal? Value, RateRounding Rounding, int Decimals)
{
    public const int MaxDecimals = 6;

    public static PublishedRate Of(decimal numerator, decimal denominator, RateRounding rounding, int decimals)
    {
        if (denominator == 0)
        {
            return new PublishedRate(numerator, denominator, null, rounding, decimals);
        }

        var quotient = numerator / denominator;
        var value = rounding == RateRounding.Truncate
            ? decimal.Truncate(quotient * Pow10(decimals)) / Pow10(decimals)
            : decimal.Round(quotient, decimals, MidpointRounding.AwayFromZero);
        return new PublishedRate(numerator, denominator, value, rounding, decimals);
    }

    private static decimal Pow10(int decimals)
    {
        var p = 1m;
        for (var i = 0; i < decimals; i++)
        {
            p *= 10m;
        }

        return p;
    }
}
