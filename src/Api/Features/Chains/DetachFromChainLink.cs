namespace DealPipeline.Api.Features.Chains;

/// <summary>Detaches a company or a deal from a link; detaching what is not attached changes nothing.</summary>
public sealed record DetachFromChainLink(long ChainId, long LinkId, ChainAttachment What, long TargetId) : ICommand<Unit>, IAudited
{
    string IAudited.AuditEntity => "chainLink";

    string? IAudited.AuditId => LinkId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    string IAudited.ChangeKind => ChangeKinds.Updated;
}
