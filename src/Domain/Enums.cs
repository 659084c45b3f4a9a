namespace DealPipeline.Domain;

/// <summary>Pipeline stages, in pipeline order: the numeric values are that order.</summary>
public enum Stage
{
    Contact = 1,
    Negotiation = 2,
    Letters = 3,
    Signed = 4,
    Landed = 5,
}

public enum DealStatus
{
    Active = 1,
    OnHold = 2,
    Lost = 3,
}

public enum LostReason
{
    ChoseOtherLocation = 1,
    Funding = 2,
    PolicyMismatch = 3,
    StrategyChange = 4,
    Other = 5,
}

public enum DealSource
{
    Event = 1,
    Referral = 2,
    Operator = 3,
    ChainTargeting = 4,
    Fund = 5,
    OutboundTrip = 6,
    Inbound = 7,
    Other = 8,
}

public enum MilestoneKind
{
    ConstructionStarted = 1,
    ProductionStarted = 2,
}

public enum HistoryKind
{
    Stage = 1,
    Status = 2,
}

public enum ActivityType
{
    Call = 1,
    Meeting = 2,

    /// <summary>We visit the company.</summary>
    Visit = 3,

    /// <summary>The company visits the park (实地考察): a strong signal during negotiation.</summary>
    SiteVisit = 4,
    Reception = 5,
    Other = 6,
}

/// <summary>The three letters (三书).</summary>
public enum LetterType
{
    /// <summary>合作倡议书</summary>
    Initiative = 1,

    /// <summary>合作意向书</summary>
    Intent = 2,

    /// <summary>专家聘书</summary>
    ExpertAppointment = 3,
}

public enum EventType
{
    /// <summary>招商推介会</summary>
    Promotion = 1,
    Forum = 2,

    /// <summary>招商考察</summary>
    OutboundTrip = 3,
    Exhibition = 4,
    Webinar = 5,
    Other = 6,
}

/// <summary>How a deal continues an earlier one (<see cref="DealTerms.PriorDealId"/>), for what event cohorts count.</summary>
public enum PriorKind
{
    /// <summary>增资: a capital increase of the earlier project; a cohort counts only the increment.</summary>
    CapitalIncrease = 1,

    /// <summary>升级: an upgrade of the earlier project; a cohort counts it, with no investment.</summary>
    Upgrade = 2,

    /// <summary>再签约: the same project signed again (at a later event); it counts only for its first signing event.</summary>
    Resigning = 3,

    /// <summary>二期: a later phase of the earlier project; counting rules (认定) may exclude it.</summary>
    SecondPhase = 4,

    /// <summary>市内迁建: the company moving within the city; counting rules (认定) may exclude it as no new investment attracted.</summary>
    Relocation = 5,
}
