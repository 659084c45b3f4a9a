namespace DealPipeline.Api.Features.Chains;

/// <summary>A link's own fields: what it is added with, and what a merge patch corrects.</summary>
public interface IChainLinkFields
{
    string? Name { get; }

    /// <summary>upstream, midstream or downstream.</summary>
    string? Position { get; }

    long? ParentId { get; }

    IReadOnlyList<long>? SectorIds { get; }
}

/// <summary>The body that adds a link to a chain, and the fields a merge patch of a link corrects.</summary>
public sealed record ChainLinkBody(string? Name, string? Position, long? ParentId = null, IReadOnlyList<long>? SectorIds = null) : IChainLinkFields, Http.IRequestBody
{
    /// <summary>At most this many sectors per link.</summary>
    public const int MaxSectors = 50;

    public static IReadOnlyList<string> Required => ["name", "position"];

    public static object Example => new ChainLinkBody("基因治疗 CDMO", "midstream", 1, [1]);
}

public sealed class ChainLinkFieldsValidator : AbstractValidator<IChainLinkFields>
{
    public ChainLinkFieldsValidator()
    {
        RuleFor(x => x.Name).RequiredName();
        RuleFor(x => x.Position).NotEmpty().WithMessage("'position' is required: upstream, midstream or downstream.").OneOf<IChainLinkFields, ChainPosition>();
        RuleFor(x => x.ParentId).Id();
        RuleFor(x => x.SectorIds).Ids(ChainLinkBody.MaxSectors);
    }
}

public sealed record AddChainLink(long ChainId, string? Name, string? Position, long? ParentId, IReadOnlyList<long>? SectorIds) : ICommand<ChainLinkResponse>, IChainLinkFields, IAudited
{
    string IAudited.AuditEntity => "chainLink";

    string? IAudited.AuditId => null;
}

public sealed class AddChainLinkHandler(DbSession session, IClock clock) : IRequestHandler<AddChainLink, ChainLinkResponse>
{
    public async Task<ChainLinkResponse> Handle(AddChainLink request, CancellationToken cancellationToken)
    {
        var parents = await ChainQueries.GetParentsAsync(session, request.ChainId, cancellationToken);
        var fields = await ChainLinkRules.CheckAsync(session, request.ChainId, null, request, parents, cancellationToken);
        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId("chain_links", "chain_id, parent_id, name, position, created_at", "@ChainId, @ParentId, @Name, @Position, @at"),
            new { request.ChainId, fields.ParentId, fields.Name, fields.Position, at = clock.UtcNow },
            cancellationToken);
        await ChainQueries.ReplaceMembersAsync(session, "chain_link_sectors", "link_id", "sector_id", id, fields.SectorIds ?? [], cancellationToken);
        return await ChainQueries.GetLinkAsync(session, request.ChainId, id, cancellationToken);
    }
}

/// <summary>The rules a link's fields keep, whether it is added or corrected.</summary>
public static class ChainLinkRules
{
    /// <summary>
    /// The fields trimmed, once the parent keeps the chain a tree (<see cref="ChainTree.CheckParent"/>,
    /// 400 on parentId), every sector exists (400 on sectorIds) and no other link of the chain has the name (409).
    /// </summary>
    public static async Task<ChainLinkBody> CheckAsync(
        DbSession session, long chainId, long? linkId, IChainLinkFields fields, IReadOnlyDictionary<long, long?> parents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(fields);
        ChainTree.CheckParent(linkId, fields.ParentId, parents);
        await ChainQueries.RequireAllAsync(session, "sectors", fields.SectorIds, "sectorIds", "sector", cancellationToken);
        var name = fields.Name!.Trim();
        if (await session.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM chain_links WHERE chain_id = @chainId AND name = @name AND id <> @id", new { chainId, name, id = linkId ?? 0 }, cancellationToken) > 0)
        {
            throw ProblemException.Conflict($"The chain already has a link named '{name}'.");
        }

        return new ChainLinkBody(name, fields.Position, fields.ParentId, [.. (fields.SectorIds ?? []).Distinct().Order()]);
    }
}
