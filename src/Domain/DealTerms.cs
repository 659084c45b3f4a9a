namespace DealPipeline.Domain;

/// <summary>
/// The plain fields of a deal: what officers fill in and may correct at any time. Amounts are in
/// minor units of <see cref="Currency"/>. Stage, status and the stage dates are not here: they
/// change only through the deal's actions. A confidential deal is seen only by its owner, its team,
/// managers and admins; <see cref="CodeName"/> ("Project Falcon") stands for it where others see it counted.
/// </summary>
public sealed record DealTerms(
    string Name,
    long CompanyId,
    long ParkId,
    long SectorId,
    long OwnerId,
    long? TeamId,
    DealSource Source,
    long? SourceEventId,
    long? ReferrerCompanyId,
    bool IsKeyProject,
    bool Confidential,
    string? CodeName,
    long IntendedInvestment,
    string Currency,
    long? ContractedInvestment,
    long? ExpectedAnnualOutput,
    long? ExpectedAnnualTax,
    int? ExpectedJobs,
    DateOnly? PlannedLandingOn,
    long? LandAreaCentimu = null,
    long? FixedAssetInvestment = null,
    string? ExternalRef = null,
    long? PriorDealId = null,
    PriorKind? PriorKind = null)
{
    /// <summary>The most land a deal may take, in hundredths of a 亩: 1,000,000 亩 (about 667 km²).</summary>
    public const long MaxLandAreaCentimu = 100_000_000;

    public const int MaxNameLength = 200;

    public const int MaxCodeNameLength = 100;

    /// <summary>The longest number an office's own ledger (台账) may give a deal.</summary>
    public const int MaxExternalRefLength = 64;

    /// <summary>Refuses terms that no deal may have, naming the field at fault.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new DomainException("name.required", RuleTexts.DealNeedsName, "name");
        }

        if (Name.Length > MaxNameLength)
        {
            throw new DomainException("name.tooLong", RuleTexts.DealNameHasMostNCharacters.With(("n", MaxNameLength)), "name");
        }

        if (CodeName?.Length > MaxCodeNameLength)
        {
            throw new DomainException("codeName.tooLong", RuleTexts.CodeNameHasMostNCharacters.With(("n", MaxCodeNameLength)), "codeName");
        }

        if (ExternalRef is not null && (ExternalRef.Length is 0 or > MaxExternalRefLength || ExternalRef.Any(char.IsControl) || ExternalRef.Trim().Length != ExternalRef.Length))
        {
            throw new DomainException("externalRef.format", RuleTexts.ExternalRefFormat.With(("n", MaxExternalRefLength)), "externalRef");
        }

        if (PriorDealId.HasValue != PriorKind.HasValue || (PriorKind is { } kind && !Enum.IsDefined(kind)))
        {
            throw new DomainException("priorKind.pair", RuleTexts.PriorDealNeedsKind, PriorDealId is null ? "priorDealId" : "priorKind");
        }

        RequireNonNegative(IntendedInvestment, "intendedInvestment");
        RequireNonNegative(ContractedInvestment, "contractedInvestment");
        RequireNonNegative(ExpectedAnnualOutput, "expectedAnnualOutput");
        RequireNonNegative(ExpectedAnnualTax, "expectedAnnualTax");
        RequireNonNegative(FixedAssetInvestment, "fixedAssetInvestment");
        if (FixedAssetInvestment > IntendedInvestment)
        {
            throw new DomainException(
                "fixedAssetInvestment.exceedsTotal",
                RuleTexts.DealFixedAssetInvestmentPartIntended,
                "fixedAssetInvestment");
        }

        if (LandAreaCentimu is < 0 or > MaxLandAreaCentimu)
        {
            throw new DomainException("landArea.range", RuleTexts.DealLandAreaFrom01, "landArea");
        }

        if (ExpectedJobs is < 0)
        {
            throw new DomainException("expectedJobs.negative", RuleTexts.ExpectedJobsCannotNegative, "expectedJobs");
        }

        if (SourceEventId is not null && Source is not (DealSource.Event or DealSource.OutboundTrip))
        {
            throw new DomainException(
                "sourceEventId.source",
                RuleTexts.SourceEventGivenOnlyDealsWhose,
                "sourceEventId");
        }

        if (ReferrerCompanyId is not null && Source != DealSource.Referral)
        {
            throw new DomainException(
                "referrerCompanyId.source",
                RuleTexts.ReferringCompanyGivenOnlyDealsWhose,
                "referrerCompanyId");
        }

        if (ReferrerCompanyId is not null && ReferrerCompanyId == CompanyId)
        {
            throw new DomainException("referrerCompanyId.self", RuleTexts.CompanyCannotReferItself, "referrerCompanyId");
        }
    }

    private static void RequireNonNegative(long? minor, string field)
    {
        if (minor is < 0)
        {
            throw new DomainException(field + ".negative", RuleTexts.AmountsCannotNegative, field);
        }
    }
}
