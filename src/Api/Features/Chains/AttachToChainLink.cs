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
}

/// <summary>Detaches a company or a deal from a link; detaching what is not attached changes nothing.</summary>
public sealed record DetachFromChainLink(long ChainId, long LinkId, ChainAttachment What, long TargetId) : ICommand<Unit>, IAudited
{
    string IAudited.AuditEntity => "chainLink";

    string? IAudited.AuditId => LinkId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Both directions: the link must be of the chain, the company must exist, and the deal must be
/// one the caller may change (404 for a deal they cannot see, 403 for one they may only read),
/// like any other change to a deal.
/// </summary>
public sealed class ChainAttachmentHandlers(DbSession session, DealReader reader)
    : IRequestHandler<AttachToChainLink, Unit>, IRequestHandler<DetachFromChainLink, Unit>
{
    public async Task<Unit> Handle(AttachToChainLink request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (table, column) = await CheckAsync(request.ChainId, request.LinkId, request.What, request.TargetId, cancellationToken);
        await session.ExecuteAsync(
            $"INSERT INTO {table} (link_id, {column}) SELECT @link, @target WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE link_id = @link AND {column} = @target)",
            new { link = request.LinkId, target = request.TargetId },
            cancellationToken);
        return Unit.Value;
    }

    public async Task<Unit> Handle(DetachFromChainLink request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (table, column) = await CheckAsync(request.ChainId, request.LinkId, request.What, request.TargetId, cancellationToken);
        await session.ExecuteAsync($"DELETE FROM {table} WHERE link_id = @link AND {column} = @target", new { link = request.LinkId, target = request.TargetId }, cancellationToken);
        return Unit.Value;
    }

    private async Task<(string Table, string Column)> CheckAsync(long chainId, long linkId, ChainAttachment what, long targetId, CancellationToken cancellationToken)
    {
        await ChainQueries.GetLinkAsync(session, chainId, linkId, cancellationToken);
        if (what == ChainAttachment.Deal)
        {
            await reader.LoadAsync(targetId, null, cancellationToken);
            return ("chain_link_deals", "deal_id");
        }

        if (!await References.ExistsAsync(session, "companies", targetId, cancellationToken))
        {
            throw ProblemException.NotFound("company", targetId);
        }

        return ("chain_link_companies", "company_id");
    }
}
