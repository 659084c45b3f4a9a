using DealPipeline.Api.Features.Activities;
using DealPipeline.Api.Features.Claims;
using DealPipeline.Api.Features.Events;
using DealPipeline.Api.Features.Leads;
using DealPipeline.Api.Features.Letters;
using DealPipeline.Api.Features.Milestones;
using System.ComponentModel;

namespace DealPipeline.Api.Features.Webhooks;

// The shapes of the messages POSTed to receivers, for the OpenAPI document's webhooks section
// (WebhookOutbox writes them; WebhookTests checks every delivered message against these schemas).

/// <summary>A message: {type, timestamp, data}.</summary>
public abstract record WebhookMessage<TData>
{
    [Description("The event: deal.created, deal.stageChanged …")]
    public required string Type { get; init; }

    [Description("When the change was committed (UTC).")]
    public required DateTimeOffset Timestamp { get; init; }

    public required TData Data { get; init; }
}

/// <summary>A deal.* event.</summary>
public sealed record DealWebhookMessage : WebhookMessage<DealWebhookData>;

/// <summary>activity.created.</summary>
public sealed record ActivityWebhookMessage : WebhookMessage<ActivityWebhookData>;

/// <summary>letter.created.</summary>
public sealed record LetterWebhookMessage : WebhookMessage<LetterWebhookData>;

/// <summary>event.created, event.updated.</summary>
public sealed record EventWebhookMessage : WebhookMessage<EventWebhookData>;

/// <summary>claim.created, claim.updated.</summary>
public sealed record ClaimWebhookMessage : WebhookMessage<ClaimWebhookData>;

/// <summary>lead.created, lead.updated, lead.escalated.</summary>
public sealed record LeadWebhookMessage : WebhookMessage<LeadWebhookData>;

/// <summary>milestone.recorded, milestone.removed.</summary>
public sealed record MilestoneWebhookMessage : WebhookMessage<MilestoneWebhookData>;

/// <summary>need.created, need.decided.</summary>
public sealed record NeedWebhookMessage : WebhookMessage<NeedWebhookData>;

/// <summary>attachment.created.</summary>
public sealed record AttachmentWebhookMessage : WebhookMessage<AttachmentWebhookData>;

public sealed record AttachmentWebhookData
{
    [Description("The file as listed (never its content); for a confidential deal without fileName and note.")]
    public required Attachments.AttachmentResponse Attachment { get; init; }

    public WebhookDealReference? Deal { get; init; }

    public required WebhookActor By { get; init; }
}

public sealed record MilestoneWebhookData
{
    [Description("The milestone: its step's code and its day (as it was, for milestone.removed).")]
    public required DealMilestoneResponse Milestone { get; init; }

    public WebhookDealReference? Deal { get; init; }

    public required WebhookActor By { get; init; }
}

public sealed record NeedWebhookData
{
    [Description("The need after the change; for a confidential deal without its notes.")]
    public required NeedResponse Need { get; init; }

    public WebhookDealReference? Deal { get; init; }

    public required WebhookActor By { get; init; }
}

public sealed record DealWebhookData
{
    [Description("The deal after the change (as it was, for deal.deleted).")]
    public required WebhookDeal Deal { get; init; }

    [Description("deal.stageChanged: the stage before; deal.statusChanged: the status before.")]
    public string? From { get; init; }

    [Description("deal.stageChanged: the new stage; deal.statusChanged: the new status.")]
    public string? To { get; init; }

    [Description("deal.stageChanged, deal.statusChanged: the business date the change records (China Standard Time).")]
    public DateOnly? On { get; init; }

    [Description("deal.stageChanged: the reason given for a backward move (never for a confidential deal); deal.statusChanged: the lost reason.")]
    public string? Reason { get; init; }

    [Description("deal.statusChanged: the officer's note (never for a confidential deal).")]
    public string? Note { get; init; }

    [Description("deal.updated: the names of the fields that changed.")]
    public IReadOnlyList<string>? ChangedFields { get; init; }

    public required WebhookActor By { get; init; }
}

/// <summary>A deal as events carry it. A confidential deal has its codeName and neither name nor companyId.</summary>
public sealed record WebhookDeal
{
    public required long Id { get; init; }

    public string? Name { get; init; }

    public string? CodeName { get; init; }

    public required bool Confidential { get; init; }

    public long? CompanyId { get; init; }

    public required long ParkId { get; init; }

    public required long SectorId { get; init; }

    public required long OwnerId { get; init; }

    public long? TeamId { get; init; }

    public required DealSource Source { get; init; }

    public required Stage Stage { get; init; }

    public required DealStatus Status { get; init; }

    public LostReason? LostReason { get; init; }

    public required bool IsKeyProject { get; init; }

    public required decimal IntendedInvestment { get; init; }

    public decimal? ContractedInvestment { get; init; }

    public required string Currency { get; init; }

    public DateOnly? PlannedLandingOn { get; init; }

    public DateOnly? SignedOn { get; init; }

    public DateOnly? LandedOn { get; init; }

    public required int Version { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>The deal an activity or letter belongs to, without anything that names it.</summary>
public sealed record WebhookDealReference
{
    public required long Id { get; init; }

    public required bool Confidential { get; init; }

    public string? CodeName { get; init; }
}

public sealed record ActivityWebhookData
{
    [Description("The activity; for a confidential deal without summary and nextStep.")]
    public required ActivityResponse Activity { get; init; }

    public WebhookDealReference? Deal { get; init; }

    public required WebhookActor By { get; init; }
}

public sealed record LetterWebhookData
{
    [Description("The letter; for a confidential deal without counterparty.")]
    public required LetterResponse Letter { get; init; }

    [Description("The deal the letter belongs to, if any.")]
    public WebhookDealReference? Deal { get; init; }

    public required WebhookActor By { get; init; }
}

public sealed record ClaimWebhookData
{
    [Description("The claim after the change; its evidence is never sent (null).")]
    public required ClaimResponse Claim { get; init; }

    [Description("What happened: created, renewed, released, transferred, overridden (a manager let another unit's deal through) or updated (its company merged into another).")]
    public required string Change { get; init; }

    public required WebhookActor By { get; init; }
}

public sealed record LeadWebhookData
{
    [Description("The lead after the change, with its deadlines and history.")]
    public required LeadResponse Lead { get; init; }

    [Description("What happened: created, taken, assigned, contacted, recycled, escalated, updated (an escalation fell back), dropped or converted.")]
    public required string Change { get; init; }

    [Description("lead.escalated: the users to tell (the officer; the team's managers, or the office's when the team has none); empty for the flag.")]
    public IReadOnlyList<long>? Notify { get; init; }

    public required WebhookActor By { get; init; }
}

public sealed record EventWebhookData
{
    public required EventResponse Event { get; init; }

    public required WebhookActor By { get; init; }
}

/// <summary>Who made the change.</summary>
public sealed record WebhookActor
{
    [Description("The user, or null for the bootstrap admin key.")]
    public long? UserId { get; init; }

    [Description("The user's name as the audit log records it.")]
    public required string Actor { get; init; }
}

public static class WebhookPayloads
{
    /// <summary>The message type of each event.</summary>
    public static Type MessageOf(string eventType) => eventType.Split('.')[0] switch
    {
        "deal" => typeof(DealWebhookMessage),
        "activity" => typeof(ActivityWebhookMessage),
        "letter" => typeof(LetterWebhookMessage),
        "claim" => typeof(ClaimWebhookMessage),
        "lead" => typeof(LeadWebhookMessage),
        "milestone" => typeof(MilestoneWebhookMessage),
        "need" => typeof(NeedWebhookMessage),
        "attachment" => typeof(AttachmentWebhookMessage),
        _ => typeof(EventWebhookMessage),
    };
}
