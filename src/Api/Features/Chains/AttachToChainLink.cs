using DealPipeline.Api.Features.Deals;

namespace DealPipeline.Api.Features.Chains;

/// <summary>What is attached to a link: a company (its deals count for the link) or one deal.</summary>
public enum ChainAttachment
{
    Company,
    Deal,
}

/// <summary>Attaches a company or a deal to a link of a chain; attaching it again changes nothing.</summary>
public sealed record AttachToChainLink(long ChainId, long LinkId, ChainAttachment What, long TargetId) : ICommand<Unit>, IAudited
{
    string IAudited.AuditEntity => "chainLink";

    string? IAudited.AuditId => LinkId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    string IAudited.ChangeKind => ChangeKinds.Updated;
}

/// <summary>
/// Both directions: the link must be of the chain, the company must exist, and the deal must be
/// one the caller may change (404 for a deal they cannot see, 403 for one they may only read),
/// like any other change to a deal.
/// </summary>
public sealed class ChainAttachmentHandlers(ChainStore chains, DbSession session, DealReader reader)
    : IRequestHandler<AttachToChainLink, Unit>, IRequestHandler<DetachFromChainLink, Unit>
{
    public async Task<Unit> Handle(AttachToChainLink request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await CheckAsync(request.ChainId, request.LinkId, request.What, request.TargetId, cancellationToken);
        await chains.AttachAsync(request.LinkId, request.What, request.TargetId, cancellationToken);
        return Unit.Value;
    }

    public async Task<Unit> Handle(DetachFromChainLink request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await CheckAsync(request.ChainId, request.LinkId, request.What, request.TargetId, cancellationToken);
        await chains.DetachAsync(request.LinkId, request.What, request.TargetId, cancellationToken);
        return Unit.Value;
    }

    private async Task CheckAsync(long chainId, long linkId, ChainAttachment what, long targetId, CancellationToken cancellationToken)
    {
        await chains.GetLinkAsync(chainId, linkId, cancellationToken);
        if (what == ChainAttachment.Deal)
        {
            await reader.LoadAsync(targetId, null, cancellationToken);
        }
        else if (!await References.ExistsAsync(session, "companies", targetId, cancellationToken))
        {
            throw ProblemException.NotFound("company", targetId);
        }
        else if (await References.CompanyRefusalAsync(session, targetId, cancellationToken) is { } merged)
        {
            throw new ProblemException(StatusCodes.Status410Gone, ProblemTexts.Gone, merged);
        }
    }
}
