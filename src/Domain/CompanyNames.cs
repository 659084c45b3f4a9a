using System.Globalization;
using System.Text;

namespace DealPipeline.Domain;

/// <summary>
/// When two company names are the same company written differently (撞单 starts with a second record of a company
/// already being chased): full-width and half-width forms (ＡＢＣ, （）), spaces, brackets and punctuation, case,
/// and the legal form at the end (有限公司, 股份有限公司, 有限责任公司, Co., Ltd., Inc.). <see cref="KeyOf"/> is the name
/// with all of these taken out: two names with one key are a near-duplicate. What is inside brackets stays
/// (浙江华海（台州）药业 is another company than 浙江华海药业).
/// </summary>
public static class CompanyNames
{
    // Longest first, so that 股份有限公司 is taken whole rather than as 有限公司 leaving 股份. No form of two letters
    // ("co", "ag"): stripped from the end of a name they would merge Pepsico with a company called Peps.
    private static readonly string[] LegalForms =
    [
        "股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "股份公司", "分公司", "公司",
        "corporation", "company", "limited", "coltd", "gmbh", "corp", "inc", "llc", "ltd", "plc",
    ];

    public static string KeyOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var folded = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKC).ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                folded.Append(c);
            }
        }

        var key = folded.ToString();
        for (var stripped = true; stripped;)
        {
            stripped = false;
            foreach (var form in LegalForms)
            {
                // A name that is only a legal form ("公司") keeps it: an empty key would match every such name.
                if (key.Length > form.Length && key.EndsWith(form, StringComparison.Ordinal))
                {
                    key = key[..^form.Length];
                    stripped = true;
                    break;
                }
            }
        }

        return key;
    }
}
