namespace DealPipeline.Api.Features.Deals;

/// <summary>The plain fields of a deal as the API carries them: what create sets and a merge patch changes.</summary>
public record DealFields : IRequestBody
{
    public static IReadOnlyList<string> Required => ["name", "companyId", "parkId", "sectorId", "intendedInvestment"];

    public static object Example => new CreateDeal
    {
        Name = "合成生物中试基地", CompanyId = 2, ParkId = 3, SectorId = 3, Source = DealSource.ChainTargeting, IntendedInvestment = 500_000_000m, Currency = "CNY",
        IsKeyProject = true, PlannedLandingOn = new DateOnly(2026, 6, 30), Stage = Domain.Stage.Negotiation, OpenedOn = new DateOnly(2025, 11, 3),
    };

    public string? Name { get; init; }

    public long? CompanyId { get; init; }

    public long? ParkId { get; init; }

    public long? SectorId { get; init; }

    public long? OwnerId { get; init; }

    public long? TeamId { get; init; }

    public DealSource? Source { get; init; }

    public long? SourceEventId { get; init; }

    public long? ReferrerCompanyId { get; init; }

    public bool? IsKeyProject { get; init; }

    public bool? Confidential { get; init; }

    /// <summary>What those who may not see a confidential deal see instead of its name ("Project Falcon").</summary>
    public string? CodeName { get; init; }

    public decimal? IntendedInvestment { get; init; }

    public string? Currency { get; init; }

    public decimal? ContractedInvestment { get; init; }

    public decimal? ExpectedAnnualOutput { get; init; }

    public decimal? ExpectedAnnualTax { get; init; }

    /// <summary>The part of the intended investment in fixed assets (固定资产投资: buildings, plant, equipment), in the deal's currency; at most the intended investment.</summary>
    public decimal? FixedAssetInvestment { get; init; }

    public int? ExpectedJobs { get; init; }

    public DateOnly? PlannedLandingOn { get; init; }

    /// <summary>The land the project takes, in 亩, at most two decimals (for 亩均投资 and 亩均税收).</summary>
    public decimal? LandArea { get; init; }

    /// <summary>
    /// The deal's number in the office's own ledger (台账编号, up to 64 characters), unique among live deals: what a ledger import
    /// (POST /imports?kind=deals) matches a row by. Another live deal's number is a 409 (deal.externalRefTaken).
    /// </summary>
    public string? ExternalRef { get; init; }

    /// <summary>The earlier deal this one continues (with priorKind): a capital increase (增资), an upgrade (升级), or the same project signed again (再签约).</summary>
    public long? PriorDealId { get; init; }

    /// <summary>capitalIncrease, upgrade or resigning, with priorDealId: event cohorts count a project once, an upgrade without investment, a capital increase by its increment.</summary>
    public PriorKind? PriorKind { get; init; }

    /// <summary>A deal's current terms as the API carries them: what a merge patch is applied to.</summary>
    public static DealFields Of(DealTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return new DealFields
        {
            Name = terms.Name,
            CompanyId = terms.CompanyId,
            ParkId = terms.ParkId,
            SectorId = terms.SectorId,
            OwnerId = terms.OwnerId,
            TeamId = terms.TeamId,
            Source = terms.Source,
            SourceEventId = terms.SourceEventId,
            ReferrerCompanyId = terms.ReferrerCompanyId,
            IsKeyProject = terms.IsKeyProject,
            Confidential = terms.Confidential,
            CodeName = terms.CodeName,
            IntendedInvestment = Money.FromMinor(terms.IntendedInvestment),
            Currency = terms.Currency,
            ContractedInvestment = Money.FromMinor(terms.ContractedInvestment),
            ExpectedAnnualOutput = Money.FromMinor(terms.ExpectedAnnualOutput),
            ExpectedAnnualTax = Money.FromMinor(terms.ExpectedAnnualTax),
            FixedAssetInvestment = Money.FromMinor(terms.FixedAssetInvestment),
            ExpectedJobs = terms.ExpectedJobs,
            PlannedLandingOn = terms.PlannedLandingOn,
            LandArea = terms.LandAreaCentimu is { } centimu ? centimu / 100m : null,
            ExternalRef = terms.ExternalRef,
            PriorDealId = terms.PriorDealId,
            PriorKind = terms.PriorKind,
        };
    }

    /// <summary>The domain's terms from validated fields.</summary>
    public DealTerms ToTerms(long ownerId, long? teamId) =>
        new(
            Name!.Trim(),
            CompanyId!.Value,
            ParkId!.Value,
            SectorId!.Value,
            ownerId,
            teamId,
            Source ?? DealSource.Other,
            SourceEventId,
            ReferrerCompanyId,
            IsKeyProject ?? false,
            Confidential ?? false,
            string.IsNullOrWhiteSpace(CodeName) ? null : CodeName.Trim(),
            Money.ToMinor(IntendedInvestment!.Value),
            Currency ?? RateTable.Cny,
            ContractedInvestment is { } c ? Money.ToMinor(c) : null,
            ExpectedAnnualOutput is { } o ? Money.ToMinor(o) : null,
            ExpectedAnnualTax is { } t ? Money.ToMinor(t) : null,
            ExpectedJobs,
            PlannedLandingOn,
            LandArea is { } mu ? (long)(mu * 100) : null,
            FixedAssetInvestment is { } fa ? Money.ToMinor(fa) : null,
            string.IsNullOrWhiteSpace(ExternalRef) ? null : ExternalRef.Trim(),
            PriorDealId,
            PriorKind);
}

/// <summary>Shape rules of the plain fields, for create and patch alike.</summary>
public sealed class DealFieldsValidator : AbstractValidator<DealFields>
{
    public const int MaxExpectedJobs = 10_000_000;

    public DealFieldsValidator()
    {
        RuleFor(x => x.Name).RequiredName(DealTerms.MaxNameLength);
        RuleFor(x => x.CompanyId).NotNull().WithMessage(ProblemTexts.FieldRequired.With(("field", "companyId"))).Id();
        RuleFor(x => x.ParkId).NotNull().WithMessage(ProblemTexts.FieldRequired.With(("field", "parkId"))).Id();
        RuleFor(x => x.SectorId).NotNull().WithMessage(ProblemTexts.FieldRequired.With(("field", "sectorId"))).Id();
        RuleFor(x => x.CodeName).MaximumLength(DealTerms.MaxCodeNameLength);
        RuleFor(x => x.ExternalRef).Must(r => r is null || (r.Trim().Length is > 0 and <= DealTerms.MaxExternalRefLength && !r.Any(char.IsControl)))
            .WithMessage(RuleTexts.ExternalRefFormat.With(("n", DealTerms.MaxExternalRefLength)));
        RuleFor(x => x.LandArea).Must(mu => mu is null || (mu >= 0 && mu <= DealTerms.MaxLandAreaCentimu / 100 && decimal.Round(mu.Value, 2) == mu))
            .WithMessage(ProblemTexts.LandAreaLandProjectTakesFrom0);
        RuleFor(x => x.OwnerId).Id();
        RuleFor(x => x.TeamId).Id();
        RuleFor(x => x.SourceEventId).Id();
        RuleFor(x => x.ReferrerCompanyId).Id();
        RuleFor(x => x.PriorDealId).Id();
        RuleFor(x => x.IntendedInvestment).NotNull().WithMessage(ProblemTexts.FieldRequired.With(("field", "intendedInvestment"))).Amount();
        RuleFor(x => x.ContractedInvestment).Amount();
        RuleFor(x => x.ExpectedAnnualOutput).Amount();
        RuleFor(x => x.ExpectedAnnualTax).Amount();
        RuleFor(x => x.FixedAssetInvestment).Amount();
        RuleFor(x => x.ExpectedJobs).InclusiveBetween(0, MaxExpectedJobs);
        RuleFor(x => x.Currency)
            .Must(c => c is null || IsoCodes.IsCurrency(c))
            .WithMessage(ProblemTexts.CurrencyISO4217CodeCapitalsE);
        RuleFor(x => x.PlannedLandingOn).BusinessDate();
    }
}
