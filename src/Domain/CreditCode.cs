namespace DealPipeline.Domain;

/// <summary>
/// The 18-character unified social credit code (统一社会信用代码, GB 32100-2015): 17 characters
/// from a 31-symbol alphabet (no I, O, S, V, Z) and a check character computed from them.
/// </summary>
public static class CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code)
    {
        if (code is null || code.Length != 18)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(code[i], StringComparison.Ordinal);
            if (value < 0)
            {
                return false;
            }

            sum += value * Weights[i];
        }

        return code[17] == CheckCharacter(sum);
    }

    /// <summary>Computes the check character for the first 17 characters (for tools and tests that make valid codes).</summary>
    public static char ComputeCheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17)
        {
            throw new ArgumentException("Needs the 17 characters before the check character.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not a credit-code character.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        return CheckCharacter(sum);
    }

    private static char CheckCharacter(int weightedSum)
    {
        var check = 31 - (weightedSum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }
}
