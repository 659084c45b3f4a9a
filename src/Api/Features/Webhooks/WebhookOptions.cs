using System.ComponentModel.DataAnnotations;

namespace DealPipeline.Api.Features.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Receivers inside the office's own networks that may be called although they are private
    /// (and may then use plain http): CIDR networks (<c>10.20.0.0/16</c>) or host names
    /// (<c>oa.zone.gov.cn</c>). Everything private, loopback, link-local, multicast or reserved is
    /// refused otherwise.
    /// </summary>
    public string[] AllowedNetworks { get; set; } = [];

    /// <summary>Run the delivery worker in this instance (every instance may; leases keep them from sending the same attempt).</summary>
    public bool Deliver { get; set; } = true;

    [Range(1, 120, ErrorMessage = "Webhooks:TimeoutSeconds is between 1 and 120.")]
    public int TimeoutSeconds { get; set; } = 10;

    [Range(1, 168, ErrorMessage = "Webhooks:RetryHours is between 1 and 168.")]
    public int RetryHours { get; set; } = 24;

    /// <summary>The first retry's delay; each next one doubles, up to an hour, with jitter.</summary>
    [Range(0.05, 600, ErrorMessage = "Webhooks:RetryBaseSeconds is between 0.05 and 600.")]
    public double RetryBaseSeconds { get; set; } = 5;

    [Range(50, 60_000, ErrorMessage = "Webhooks:PollMilliseconds is between 50 and 60000.")]
    public int PollMilliseconds { get; set; } = 1000;

    public static bool IsNetworkOrHost(string entry) =>
        System.Net.IPNetwork.TryParse(entry, out _) || Uri.CheckHostName(entry) == UriHostNameType.Dns;
}

/// <summary>The events a subscription can ask for.</summary>
public static class WebhookEventTypes
{
    public const string DealCreated = "deal.created";
    public const string DealUpdated = "deal.updated";
    public const string DealStageChanged = "deal.stageChanged";
    public const string DealStatusChanged = "deal.statusChanged";
    public const string DealDeleted = "deal.deleted";
    public const string ActivityCreated = "activity.created";
    public const string LetterCreated = "letter.created";
    public const string EventCreated = "event.created";
    public const string EventUpdated = "event.updated";
    public const string ClaimCreated = "claim.created";
    public const string ClaimUpdated = "claim.updated";
    public const string LeadCreated = "lead.created";
    public const string LeadUpdated = "lead.updated";
    public const string LeadEscalated = "lead.escalated";
    public const string MilestoneRecorded = "milestone.recorded";
    public const string MilestoneRemoved = "milestone.removed";
    public const string NeedCreated = "need.created";
    public const string NeedDecided = "need.decided";
    public const string AttachmentCreated = "attachment.created";

    public static readonly IReadOnlyList<string> All =
        [DealCreated, DealUpdated, DealStageChanged, DealStatusChanged, DealDeleted, ActivityCreated, LetterCreated, EventCreated, EventUpdated, ClaimCreated, ClaimUpdated, LeadCreated, LeadUpdated, LeadEscalated, MilestoneRecorded, MilestoneRemoved, NeedCreated, NeedDecided, AttachmentCreated];

    /// <summary>The event a committed command announces, if any.</summary>
    public static string? Of(string entity, string command, string kind) => (entity, command, kind) switch
    {
        ("deal", "MoveDealStage", _) => DealStageChanged,
        ("deal", "ChangeDealStatus", _) => DealStatusChanged,
        ("deal", _, "created") => DealCreated,
        ("deal", _, "deleted") => DealDeleted,
        ("deal", _, _) => DealUpdated,
        ("activity", _, "created") => ActivityCreated,
        ("letter", _, "created") => LetterCreated,
        ("event", _, "created") => EventCreated,
        ("event", _, "updated") => EventUpdated,
        ("claim", _, "created") => ClaimCreated,
        ("claim", _, _) => ClaimUpdated,
        ("lead", _, "created") => LeadCreated,
        ("lead", _, "escalated") => LeadEscalated,
        ("lead", _, _) => LeadUpdated,
        ("dealMilestone", _, "created") => MilestoneRecorded,
        ("dealMilestone", _, "deleted") => MilestoneRemoved,
        ("dealNeed", _, "created") => NeedCreated,
        ("dealNeed", _, _) => NeedDecided,
        ("dealAttachment", _, "created") => AttachmentCreated,
        _ => null,
    };
}
