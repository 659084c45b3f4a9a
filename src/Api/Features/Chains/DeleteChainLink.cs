using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Chains;

public sealed record DeleteChainLink(long ChainId, long LinkId) : ICommand<Unit>, IAudited
{
    string IAudited.AuditEntity => "chainLink";

    string? IAudited.AuditId => LinkId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    string IAudited.ChangeKind => ChangeKinds.Deleted;
}

/// <summary>Removes a link added by mistake: only one without sub-links, companies or deals (409 otherwise), so that nothing attached is lost silently.</summary>
public sealed class DeleteChainLinkHandler(ChainStore chains) : IRequestHandler<DeleteChainLink, Unit>
{
    public async Task<Unit> Handle(DeleteChainLink request, CancellationToken cancellationToken)
    {
        var link = await chains.GetLinkAsync(request.ChainId, request.LinkId, cancellationToken);
        await chains.DeleteLinkAsync(link.Id, cancellationToken);
        return Unit.Value;
    }
}
