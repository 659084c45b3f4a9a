using DealPipeline.Api.Http;

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
        };
    }
}

/// <summary>Shape rules of the plain fields, for create and patch alike.</summary>
public sealed class DealFieldsValidator : AbstractValidator<DealFields>
{
    public const int MaxExpectedJobs = 10_000_000;

    public DealFieldsValidator()
    {
        RuleFor(x => x.Name).RequiredName(DealTerms.MaxNameLength);
        RuleFor(x => x.CompanyId).NotNull().WithMessage("'companyId' is required.").Id();
        RuleFor(x => x.ParkId).NotNull().WithMessage("'parkId' is required.").Id();
        RuleFor(x => x.SectorId).NotNull().WithMessage("'sectorId' is required.").Id();
        RuleFor(x => x.CodeName).MaximumLength(DealTerms.MaxCodeNameLength);
        RuleFor(x => x.LandArea).Must(mu => mu is null || (mu >= 0 && mu <= DealTerms.MaxLandAreaCentimu / 100 && decimal.Round(mu.Value, 2) == mu))
            .WithMessage("'landArea' is the land the project takes in 亩, from 0 to 1,000,000 with at most two decimals.");
        RuleFor(x => x.OwnerId).Id();
        RuleFor(x => x.TeamId).Id();
        RuleFor(x => x.SourceEventId).Id();
        RuleFor(x => x.ReferrerCompanyId).Id();
        RuleFor(x => x.IntendedInvestment).NotNull().WithMessage("'intendedInvestment' is required.").Amount();
        RuleFor(x => x.ContractedInvestment).Amount();
        RuleFor(x => x.ExpectedAnnualOutput).Amount();
        RuleFor(x => x.ExpectedAnnualTax).Amount();
        RuleFor(x => x.FixedAssetInvestment).Amount();
        RuleFor(x => x.ExpectedJobs).InclusiveBetween(0, MaxExpectedJobs);
        RuleFor(x => x.Currency)
            .Must(c => c is null || IsoCodes.IsCurrency(c))
            .WithMessage("'currency' is an ISO 4217 code in capitals, e.g. CNY or USD.");
        RuleFor(x => x.PlannedLandingOn).BusinessDate();
    }
}

/// <summary>Checks that the ids a deal points at exist, reporting every missing one in one 400.</summary>
public static class DealReferences
{
    public static async Task<long?> CheckAsync(DbSession session, DealFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new Dictionary<string, string[]>();
        async Task Require(string table, string field, long? id, string what)
        {
            if (id is { } value && !await References.ExistsAsync(session, table, value, cancellationToken))
            {
                errors[field] = [$"There is no {what} {id}."];
            }
        }

        await Require("companies", "companyId", fields.CompanyId, "company");
        await Require("parks", "parkId", fields.ParkId, "park");
        await Require("sectors", "sectorId", fields.SectorId, "sector");
        await Require("teams", "teamId", fields.TeamId, "team");
        await Require("events", "sourceEventId", fields.SourceEventId, "event");
        await Require("companies", "referrerCompanyId", fields.ReferrerCompanyId, "company");

        long? ownerTeam = null;
        if (fields.OwnerId is { } ownerId)
        {
            var owner = await session.QuerySingleOrDefaultAsync<OwnerRow>(
                "SELECT role, team_id FROM users WHERE id = @ownerId", new { ownerId }, cancellationToken);
            if (owner is null)
            {
                errors["ownerId"] = [$"There is no user {ownerId}."];
            }
            else if (owner.Role == Names.Of(Role.Analyst))
            {
                errors["ownerId"] = ["An analyst cannot own deals."];
            }
            else
            {
                ownerTeam = owner.TeamId;
            }
        }

        if (fields.Currency is { } currency && !errors.ContainsKey("currency") && !await Features.FxRates.FxRates.HasRateAsync(session, currency, cancellationToken))
        {
            errors["currency"] = [$"There is no rate for {currency}: set one with PUT /api/v1/fx-rates/{currency} first."];
        }

        if (errors.Count > 0)
        {
            throw new ProblemException(StatusCodes.Status400BadRequest, "One or more validation errors occurred.", errors.First().Value[0], errors);
        }

        return ownerTeam;
    }

    /// <summary>The domain's terms from validated fields.</summary>
    public static DealTerms ToTerms(DealFields f, long ownerId, long? teamId)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new DealTerms(
            f.Name!.Trim(),
            f.CompanyId!.Value,
            f.ParkId!.Value,
            f.SectorId!.Value,
            ownerId,
            teamId,
            f.Source ?? DealSource.Other,
            f.SourceEventId,
            f.ReferrerCompanyId,
            f.IsKeyProject ?? false,
            f.Confidential ?? false,
            string.IsNullOrWhiteSpace(f.CodeName) ? null : f.CodeName.Trim(),
            Money.ToMinor(f.IntendedInvestment!.Value),
            f.Currency ?? Features.FxRates.FxRates.Cny,
            f.ContractedInvestment is { } c ? Money.ToMinor(c) : null,
            f.ExpectedAnnualOutput is { } o ? Money.ToMinor(o) : null,
            f.ExpectedAnnualTax is { } t ? Money.ToMinor(t) : null,
            f.ExpectedJobs,
            f.PlannedLandingOn,
            f.LandArea is { } mu ? (long)(mu * 100) : null,
            f.FixedAssetInvestment is { } fa ? Money.ToMinor(fa) : null);
    }

    private sealed record OwnerRow
    {
        public string Role { get; init; } = "";

        public long? TeamId { get; init; }
    }
}
