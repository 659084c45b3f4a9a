using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deadlines;

namespace DealPipeline.Api.Features.Leads;

/// <summary>Where a lead stands: in the shared pool, in a team's queue (a team, no officer), with an officer, converted or dropped.</summary>
public enum LeadState
{
    Pool,
    Queued,
    Assigned,
    Converted,
    Dropped,
}

/// <summary>A lead (线索): a project heard of before a deal exists, where it came from, who has it, its deadlines from intake and its history.</summary>
public sealed record LeadResponse : IVersioned, IAlsoChanged, IDealScoped
{
    long? IDealScoped.DealOf => DealId;

    /// <summary>What the change did beside the lead: a claim a manager overrode for it, the leads a sweep changed.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<OtherChange> AlsoChanged { get; init; } = [];

    /// <summary>The row's version: answered as the ETag, not in the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; }

    public long Id { get; init; }

    public long CompanyId { get; init; }

    public string Title { get; init; } = "";

    public LeadSource Source { get; init; }

    /// <summary>For an event's lead, the event.</summary>
    public long? SourceEventId { get; init; }

    /// <summary>For a referrer's lead, the referrer (引荐人).</summary>
    public long? ReferrerId { get; init; }

    public long? SectorId { get; init; }

    /// <summary>The park the project is meant for, when known (a park's claim covers its leads).</summary>
    public long? ParkId { get; init; }

    /// <summary>The intended investment in <see cref="Currency"/>, when the lead says it.</summary>
    public decimal? IntendedInvestment => Money.FromMinor(IntendedMinor);

    public string Currency { get; init; } = RateTable.Cny;

    /// <summary>Who to talk to at the company, as the lead gave it.</summary>
    public string? Contact { get; init; }

    public string? Note { get; init; }

    /// <summary>The day the lead came in (China Standard Time): its deadlines run from it, and a converted deal opens on it.</summary>
    public DateOnly ReceivedOn { get; init; }

    public LeadState State { get; init; }

    public long? OwnerId { get; init; }

    public long? TeamId { get; init; }

    /// <summary>The dispatch rule that placed it on intake; null when none matched (the shared pool) or it was placed by hand.</summary>
    public long? RuleId { get; init; }

    /// <summary>The first contact with the company: meets the answer deadline.</summary>
    public DateOnly? FirstContactOn { get; init; }

    /// <summary>The day it was last taken, assigned or contacted: a lead with an officer untouched for Leads:RecycleAfterWorkingDays goes back to the pool.</summary>
    public DateOnly TouchedOn { get; init; }

    /// <summary>How far it has been escalated for a deadline it is late on: none, owner, teamLead, flagged.</summary>
    public Escalation Escalation { get; init; }

    /// <summary>True once escalated to the end (Leads:FlagAfterWorkingDays after a deadline it still misses).</summary>
    public bool Flagged => Escalation == Escalation.Flagged;

    /// <summary>The day it was converted or dropped: meets the assess deadline.</summary>
    public DateOnly? DecidedOn { get; init; }

    /// <summary>The deal it converted to.</summary>
    public long? DealId { get; init; }

    public long? ByUserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Its deadlines today under the office's deadline rule for its amount (answer, assess), from the day received; empty when no rule covers it.</summary>
    public IReadOnlyList<DeadlineResponse> Deadlines { get; init; } = [];

    /// <summary>What happened to it, oldest first.</summary>
    public IReadOnlyList<LeadEventResponse> History { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    internal long? IntendedMinor { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    internal LeadStatus Status { get; init; }

    internal LeadPosition ToPosition() => new(Status, OwnerId, TeamId);
}

/// <summary>One thing that happened to a lead.</summary>
public sealed record LeadEventResponse
{
    [System.Text.Json.Serialization.JsonIgnore]
    internal long LeadId { get; init; }

    public LeadEventKind Kind { get; init; }

    /// <summary>The business day it happened (China Standard Time); for a contact, the day of the contact.</summary>
    public DateOnly On => OnDate;

    [System.Text.Json.Serialization.JsonIgnore]
    internal DateOnly OnDate { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>Who did it; null for the service's own sweep and the bootstrap admin key.</summary>
    public long? ByUserId { get; init; }

    /// <summary>What was said: a contact's summary, a reason.</summary>
    public string? Note { get; init; }

    /// <summary>For a contact, how.</summary>
    public ActivityType? ActivityType { get; init; }

    /// <summary>Who has the lead after it …</summary>
    public long? OwnerId { get; init; }

    /// <summary>… and which team.</summary>
    public long? TeamId { get; init; }

    /// <summary>For a dispatch, the rule.</summary>
    public long? RuleId { get; init; }

    /// <summary>For an escalation (or an easing), the level after it.</summary>
    public Escalation? Level { get; init; }

    /// <summary>For an escalation, the users told (the owner; the team's managers, or the office's when the team has none).</summary>
    public IReadOnlyList<long>? NotifiedUserIds => Notified is null ? null : [.. Notified.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse)];

    [System.Text.Json.Serialization.JsonIgnore]
    internal string? Notified { get; init; }

    /// <summary>For a conversion, the deal.</summary>
    public long? DealId { get; init; }
}

/// <summary>A dispatch rule (分派规则): which leads it takes, and the team or officer it gives them to.</summary>
public sealed record LeadRuleResponse : IVersioned
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; }

    public long Id { get; init; }

    public string Name { get; init; } = "";

    /// <summary>The lowest number wins among the rules a lead matches; then the oldest rule.</summary>
    public int Priority { get; init; }

    /// <summary>Leads of this sector or one under it.</summary>
    public long? SectorId { get; init; }

    /// <summary>Leads of companies from this GB/T 2260 region (a province covers its cities and counties).</summary>
    public string? RegionCode { get; init; }

    /// <summary>Leads whose intended investment in CNY is at least this …</summary>
    public decimal? MinIntendedInvestment => Money.FromMinor(MinMinor);

    /// <summary>… and below this.</summary>
    public decimal? MaxIntendedInvestment => Money.FromMinor(MaxMinor);

    public long? TeamId { get; init; }

    public long? OwnerId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    internal long? MinMinor { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    internal long? MaxMinor { get; init; }

    internal DispatchRule ToRule() => new(Id, Name, Priority, SectorId, RegionCode, MinMinor, MaxMinor, TeamId, OwnerId);
}
