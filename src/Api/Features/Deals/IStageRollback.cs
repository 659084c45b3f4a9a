namespace DealPipeline.Api.Features.Deals;

/// <summary>
/// What a deal moved back below landing or signing loses beside its own dates (its 开工 and 投产 go with the landing, its
/// signing date with the signing): another area's records of that life, removed in the move's transaction and answered as
/// writes of their own for the audit log, the change feed and webhooks.
/// </summary>
public interface IStageRollback
{
    Task<IReadOnlyList<OtherChange>> RollBackAsync(long dealId, bool belowSigned, CancellationToken cancellationToken);
}
