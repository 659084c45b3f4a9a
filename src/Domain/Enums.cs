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
