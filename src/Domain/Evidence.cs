namespace DealPipeline.Domain;

/// <summary>
/// What an evidence file (佐证材料) is: bank receipts (银行回单), capital verification reports (验资报告), FX registration certificates
/// (外汇登记凭证), contracts and business or tax registrations, scanned or printed to PDF, PNG or JPEG.
/// </summary>
public enum EvidenceKind
{
    BankReceipt = 1,
    CapitalVerification = 2,
    FxCertificate = 3,
    Contract = 4,
    Registration = 5,
    Other = 6,
}

/// <summary>
/// The rules an evidence file obeys before it is kept: a document type recognised from its first bytes (PDF, PNG or JPEG; nothing
/// else, so nothing executable), the same type the upload declares, and a file name with that type's extension and no path.
/// </summary>
public static class EvidenceFiles
{
    public const int MaxNameLength = 200;

    /// <summary>The types kept, each with the extensions its name may end with.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Types = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["application/pdf"] = [".pdf"],
        ["image/png"] = [".png"],
        ["image/jpeg"] = [".jpg", ".jpeg"],
    };

    /// <summary>The type the content is, from its signature (magic bytes); null for anything else.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content) =>
        content.StartsWith("%PDF-"u8) ? "application/pdf"
        : content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : null;

    /// <summary>
    /// Checks a file before it is kept: the content's type (415 unless PDF, PNG or JPEG), the declared type the same (415), the name
    /// (400 naming fileName: 1 to 200 characters, no path or control characters, the type's extension). Answers the type.
    /// </summary>
    public static string Check(ReadOnlySpan<byte> content, string? declared, string? fileName)
    {
        var name = fileName?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength || name.Any(c => char.IsControl(c) || c is '/' or '\\' or ':' or '"') || name.StartsWith('.'))
        {
            throw new DomainException("fileName.format", RuleTexts.EvidenceFileName.With(("n", MaxNameLength)), "fileName");
        }

        var sniffed = Sniff(content) ?? throw new DomainException("attachment.type", RuleTexts.EvidenceTypeUnknown);
        var stated = declared?.Split(';')[0].Trim().ToLowerInvariant();
        if (stated != sniffed)
        {
            throw new DomainException("attachment.typeDiffers", RuleTexts.EvidenceTypeDiffers.With(("declared", stated ?? ""), ("actual", sniffed)));
        }

        return Types[sniffed].Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            ? sniffed
            : throw new DomainException("fileName.extension", RuleTexts.EvidenceExtension.With(("type", sniffed), ("extensions", string.Join(", ", Types[sniffed]))), "fileName");
    }
}
