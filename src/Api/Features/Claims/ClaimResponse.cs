using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Claims;

/// <summary>Where a claim stands today: held, held but past its expiry, or released.</summary>
public enum ClaimState
{
    Held,
    Expired,
    Released,
}

/// <summary>A unit's claim on a company's project (首报首谈), with its history.</summary>
public sealed record ClaimResponse : IVersioned
{
    /// <summary>The row's version: answered as the ETag, not in the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; }

    public long Id { get; init; }

    public long CompanyId { get; init; }

    /// <summary>The park the claim is held for, or null when a team holds it.</summary>
    public long? ParkId { get; init; }

    /// <summary>The team the claim is held for, or null when a park holds it.</summary>
    public long? TeamId { get; init; }

    /// <summary>The day the project was first reported (首报).</summary>
    public DateOnly FirstReportedOn { get; init; }

    /// <summary>The day of the first talk (首谈), once held.</summary>
    public DateOnly? FirstTalkOn { get; init; }

    /// <summary>The evidence of the basis; null for a caller other than a manager, an admin, its reporter or a member of the holding team.</summary>
    public string? Evidence { get; init; }

    /// <summary>The project's intended investment in <see cref="Currency"/>, as the claim reported it (the office's thresholds are checked on it).</summary>
    public decimal? IntendedInvestment => Money.FromMinor(IntendedMinor);

    public string Currency { get; init; } = RateTable.Cny;

    /// <summary>A foreign-funded project (外资): the FDI threshold applies, in USD.</summary>
    public bool ForeignFunded { get; init; }

    public long? SectorId { get; init; }

    public ClaimState State { get; init; }

    /// <summary>The last day the claim holds, unless renewed.</summary>
    public DateOnly ExpiresOn { get; init; }

    /// <summary>Who registered it (null for the bootstrap admin key).</summary>
    public long? ByUserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>What happened to it, oldest first: registered, renewed, transferred, released, overridden (another unit's deal let through by a manager).</summary>
    public IReadOnlyList<ClaimEventResponse> History { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    internal long? IntendedMinor { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    internal ClaimStatus Status { get; init; }

    internal ClaimHolder Holder => new(ParkId, TeamId);

    internal ProjectClaim ToClaim() => ProjectClaim.Load(CompanyId, Holder, FirstReportedOn, FirstTalkOn, Evidence ?? "", ExpiresOn, Status);
}

/// <summary>One thing that happened to a claim.</summary>
public sealed record ClaimEventResponse
{
    [System.Text.Json.Serialization.JsonIgnore]
    internal long ClaimId { get; init; }

    public ClaimEventKind Kind { get; init; }

    /// <summary>The business day it happened (China Standard Time).</summary>
    public DateOnly On => OnDate;

    [System.Text.Json.Serialization.JsonIgnore]
    internal DateOnly OnDate { get; init; }

    public DateTimeOffset At { get; init; }

    public long? ByUserId { get; init; }

    /// <summary>Why (a release, a transfer, an override).</summary>
    public string? Reason { get; init; }

    /// <summary>The holder after it: the park …</summary>
    public long? ParkId { get; init; }

    /// <summary>… or the team.</summary>
    public long? TeamId { get; init; }

    /// <summary>For an override, the deal another unit was let open …</summary>
    public long? DealId { get; init; }

    /// <summary>… or the lead another unit was let take in.</summary>
    public long? LeadId { get; init; }
}
