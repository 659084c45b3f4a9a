using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Chains;

public sealed record PatchChainLink(long ChainId, long LinkId, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<ChainLinkResponse>, IAudited
{
    string IAudited.AuditEntity => "chainLink";

    string? IAudited.AuditId => LinkId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Renames a link, moves it along the chain or under another link, or changes its sectors, with a merge patch.</summary>
public sealed class PatchChainLinkHandler(DbSession session, IValidator<IChainLinkFields> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IRequestHandler<PatchChainLink, ChainLinkResponse>
{
    public async Task<ChainLinkResponse> Handle(PatchChainLink request, CancellationToken cancellationToken)
    {
        var current = await ChainQueries.GetLinkAsync(session, request.ChainId, request.LinkId, cancellationToken);
        var merged = await ReferenceData.MergeAsync<ChainLinkBody>(
            new ChainLinkBody(current.Name, Names.Of(current.Position), current.ParentId, current.SectorIds),
            current.Version,
            request.Patch,
            request.ExpectedVersion,
            validator,
            json.Value.SerializerOptions,
            cancellationToken);
        var parents = await ChainQueries.GetParentsAsync(session, request.ChainId, cancellationToken);
        var fields = await ChainLinkRules.CheckAsync(session, request.ChainId, current.Id, merged, parents, cancellationToken);
        await ReferenceData.UpdateAsync(
            session, "chain_links", "name = @Name, position = @Position, parent_id = @ParentId", current, new { fields.Name, fields.Position, fields.ParentId }, cancellationToken);
        await ChainQueries.ReplaceMembersAsync(session, "chain_link_sectors", "link_id", "sector_id", current.Id, fields.SectorIds ?? [], cancellationToken);
        return await ChainQueries.GetLinkAsync(session, request.ChainId, current.Id, cancellationToken);
    }
}

public sealed record DeleteChainLink(long ChainId, long LinkId) : ICommand<Unit>, IAudited
{
    string IAudited.AuditEntity => "chainLink";

    string? IAudited.AuditId => LinkId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Removes a link added by mistake: only one without sub-links, companies or deals (409 otherwise), so that nothing attached is lost silently.</summary>
public sealed class DeleteChainLinkHandler(DbSession session) : IRequestHandler<DeleteChainLink, Unit>
{
    public async Task<Unit> Handle(DeleteChainLink request, CancellationToken cancellationToken)
    {
        var link = await ChainQueries.GetLinkAsync(session, request.ChainId, request.LinkId, cancellationToken);
        var attached = await session.QuerySingleAsync<Attached>(
            """
            SELECT (SELECT COUNT(*) FROM chain_links WHERE parent_id = @id) AS sub_links,
                   (SELECT COUNT(*) FROM chain_link_companies WHERE link_id = @id) AS companies,
                   (SELECT COUNT(*) FROM chain_link_deals WHERE link_id = @id) AS deals
            """,
            new { id = link.Id },
            cancellationToken);
        if (attached is not { SubLinks: 0, Companies: 0, Deals: 0 })
        {
            throw ProblemException.Conflict(
                $"The link has {attached.SubLinks} sub-links, {attached.Companies} companies and {attached.Deals} deals attached: move or detach them first.");
        }

        await session.ExecuteAsync("DELETE FROM chain_link_sectors WHERE link_id = @id", new { id = link.Id }, cancellationToken);
        await session.ExecuteAsync("DELETE FROM chain_links WHERE id = @id", new { id = link.Id }, cancellationToken);
        return Unit.Value;
    }

    private sealed record Attached
    {
        public long SubLinks { get; init; }

        public long Companies { get; init; }

        public long Deals { get; init; }
    }
}
