namespace DealPipeline.Api.Application;

/// <summary>
/// What text the service stores: no control characters but tab and line breaks, no lone
/// surrogates, and none of the invisible characters that make a name read differently from what
/// it is (bidirectional overrides and isolates, zero-width spaces, byte-order marks). A company
/// called "‮abc" displays backwards in every report and export; a NUL truncates it in C tools.
/// </summary>
public static class CleanText
{
    public static bool IsClean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return false;
            }

            if (char.IsLowSurrogate(c) || IsRefused(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsRefused(char c) => c switch
    {
        '\t' or '\n' or '\r' => false,
        < '\u0020' => true,
        >= '\u007F' and <= '\u009F' => true,
        '\u200B' or '\u200E' or '\u200F' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2060' and <= '\u2064' => true,
        >= '\u2066' and <= '\u2069' => true,
        '\uFEFF' => true,
        _ => false,
    };
}
