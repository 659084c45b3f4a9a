using System.Text.Json.Serialization;

namespace DealPipeline.Api.Features.Deals;

/// <summary>An item of the deals list: a deal, or, with includeDeleted=true, the tombstone of a deleted one.</summary>
[JsonDerivedType(typeof(DealResponse))]
[JsonDerivedType(typeof(DealTombstone))]
public abstract record DealListItem
{
    [JsonPropertyOrder(-100)]
    public long Id { get; init; }

    [JsonPropertyOrder(100)]
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A deleted deal, as an incremental (updatedSince) pull sees it, so that BI copies can drop it.</summary>
public sealed record DealTombstone : DealListItem, Http.ITombstone
{
    [JsonPropertyOrder(50)]
    public bool Deleted => true;
}

/// <summary>A deal. Amounts are in <see cref="Currency"/>, exact to two decimals.</summary>
public sealed record DealResponse : DealListItem, IVersioned, IAlsoChanged
{
    /// <summary>What opening the deal changed beside it: the claims a manager overrode for it (<see cref="CreateDeal.ClaimOverride"/>).</summary>
    [JsonIgnore]
    public IReadOnlyList<OtherChange> AlsoChanged { get; init; } = [];

    public string Name { get; init; } = "";

    public long CompanyId { get; init; }

    public long ParkId { get; init; }

    public long SectorId { get; init; }

    public long OwnerId { get; init; }

    public long? TeamId { get; init; }

    public DealSource Source { get; init; }

    public long? SourceEventId { get; init; }

    public long? ReferrerCompanyId { get; init; }

    public Stage Stage { get; init; }

    public DealStatus Status { get; init; }

    public LostReason? LostReason { get; init; }

    public bool IsKeyProject { get; init; }

    public bool Confidential { get; init; }

    public string? CodeName { get; init; }

    public decimal IntendedInvestment { get; init; }

    public string Currency { get; init; } = "";

    public decimal? ContractedInvestment { get; init; }

    public decimal? ExpectedAnnualOutput { get; init; }

    public decimal? ExpectedAnnualTax { get; init; }

    /// <summary>The part of the intended investment in fixed assets (固定资产投资), in <see cref="Currency"/>; at most the intended investment.</summary>
    public decimal? FixedAssetInvestment { get; init; }

    public int? ExpectedJobs { get; init; }

    /// <summary>The land the project takes, in 亩 (mu, 1/15 hectare), two decimals; for per-亩 figures (亩均投资, 亩均税收).</summary>
    public decimal? LandArea { get; init; }

    /// <summary>The deal's latest score under the evaluation index (POST /deals/{id}/scores); null before its first. Scoring does not change the deal's version.</summary>
    public DealEvaluation? Evaluation { get; init; }

    /// <summary>The deal's number in the office's own ledger (台账编号), unique among live deals; null when the office gave none.</summary>
    public string? ExternalRef { get; init; }

    /// <summary>The earlier deal this one continues, and how (capitalIncrease, upgrade, resigning); null when it continues none.</summary>
    public long? PriorDealId { get; init; }

    public PriorKind? PriorKind { get; init; }

    public DateOnly? PlannedLandingOn { get; init; }

    public DateOnly OpenedOn { get; init; }

    public DateOnly? SignedOn { get; init; }

    public DateOnly? LandedOn { get; init; }

    public DateOnly? ConstructionStartedOn { get; init; }

    public DateOnly? ProductionStartedOn { get; init; }

    [JsonPropertyOrder(99)]
    public DateTimeOffset CreatedAt { get; init; }

    [JsonPropertyOrder(101)]
    public int Version { get; init; }

    /// <summary>The deal as the API shows it, from its row.</summary>
    public static DealResponse Of(DealRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new DealResponse
        {
            Id = row.Id,
            Name = row.Name,
            CompanyId = row.CompanyId,
            ParkId = row.ParkId,
            SectorId = row.SectorId,
            OwnerId = row.OwnerId,
            TeamId = row.TeamId,
            Source = row.Source,
            SourceEventId = row.SourceEventId,
            ReferrerCompanyId = row.ReferrerCompanyId,
            Stage = row.Stage,
            Status = row.Status,
            LostReason = row.LostReason,
            IsKeyProject = row.IsKeyProject,
            Confidential = row.Confidential,
            CodeName = row.CodeName,
            IntendedInvestment = Money.FromMinor(row.IntendedMinor),
            Currency = row.Currency,
            ContractedInvestment = Money.FromMinor(row.ContractedMinor),
            ExpectedAnnualOutput = Money.FromMinor(row.ExpectedOutputMinor),
            ExpectedAnnualTax = Money.FromMinor(row.ExpectedTaxMinor),
            FixedAssetInvestment = Money.FromMinor(row.FixedAssetMinor),
            ExpectedJobs = row.ExpectedJobs,
            PlannedLandingOn = row.PlannedLandingOn,
            OpenedOn = row.OpenedOn,
            SignedOn = row.SignedOn,
            LandedOn = row.LandedOn,
            ConstructionStartedOn = row.ConstructionStartedOn,
            ProductionStartedOn = row.ProductionStartedOn,
            CreatedAt = row.CreatedAt,
            UpdatedAt = row.UpdatedAt,
            Version = row.Version,
            LandArea = row.LandAreaCentimu is { } centimu ? centimu / 100m : null,
            ExternalRef = row.ExternalRef,
            PriorDealId = row.PriorDealId,
            PriorKind = row.PriorKind,
            Evaluation = row.ScoreSetId is { } set
                ? new DealEvaluation(set, row.ScoreRevision!.Value, row.ScoreTenths!.Value / 10m, row.ScoreBand!.Trim(), DealEvaluation.VetoesOf(row.ScoreVetoes), row.ScoredAt!.Value)
                : null,
        };
    }

}
