using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;

namespace DealPipeline.Api.Features.Chains;

/// <summary>
/// The chain tables (chains, their parks and leaders, links, their sectors and attachments): every write of the
/// Chains area and the reads its use cases share, with the rules a chain's and a link's fields keep. What other
/// areas use of it: <see cref="GetAsync"/> (the chain report) and <see cref="SubtreeAsync"/> (the deal filter, through
/// <see cref="IChainLinkScope"/>).
/// </summary>
public sealed class ChainStore(DbSession session, ReferenceStore rows, IClock clock) : IChainLinkScope
{
    /// <summary>The chains with these ids, in the order given (missing ones left out).</summary>
    public async Task<IReadOnlyList<ChainResponse>> LoadAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var args = new { ids = ids.ToArray() };
        var inChains = session.Dialect.InList("chain_id", "ids");
        var chains = await session.QueryAsync<ChainRow>($"SELECT id, name, description, version FROM chains WHERE {session.Dialect.InList("id", "ids")}", args, cancellationToken);
        var parks = Lookup(await session.QueryAsync<Pair>($"SELECT chain_id AS owner, park_id AS member FROM chain_parks WHERE {inChains}", args, cancellationToken));
        var leaders = Lookup(await session.QueryAsync<Pair>($"SELECT chain_id AS owner, company_id AS member FROM chain_leaders WHERE {inChains}", args, cancellationToken));
        var links = await LinksAsync($"WHERE {session.Dialect.InList("l.chain_id", "ids")}", args, cancellationToken);
        var found = chains.Select(c => new ChainResponse
        {
            Id = c.Id,
            Name = c.Name,
            Description = c.Description,
            Version = c.Version,
            ParkIds = parks[c.Id].Order().ToList(),
            LeaderCompanyIds = leaders[c.Id].Order().ToList(),
            Links = TreeOrder(links.Where(l => l.ChainId == c.Id)),
        }).ToDictionary(c => c.Id);
        return [.. ids.Where(found.ContainsKey).Select(id => found[id])];
    }

    public async Task<ChainResponse> GetAsync(long id, CancellationToken cancellationToken) =>
        (await LoadAsync([id], cancellationToken)).SingleOrDefault() ?? throw ProblemException.NotFound("chain", id);

    /// <summary>The link of this chain, or a 404 (a link of another chain is not found either).</summary>
    public async Task<ChainLinkResponse> GetLinkAsync(long chainId, long linkId, CancellationToken cancellationToken)
    {
        var link = (await LinksAsync("WHERE l.id = @linkId AND l.chain_id = @chainId", new { chainId, linkId }, cancellationToken)).SingleOrDefault();
        if (link is not null)
        {
            return link;
        }

        await GetParentsAsync(chainId, cancellationToken);
        throw ProblemException.NotFound("chain link", linkId);
    }

    /// <summary>Every link of the chain with its parent (a 404 when there is no such chain).</summary>
    public async Task<IReadOnlyDictionary<long, long?>> GetParentsAsync(long chainId, CancellationToken cancellationToken)
    {
        if (!await References.ExistsAsync(session, "chains", chainId, cancellationToken))
        {
            throw ProblemException.NotFound("chain", chainId);
        }

        var rows = await session.QueryAsync<ParentRow>("SELECT id, parent_id FROM chain_links WHERE chain_id = @chainId", new { chainId }, cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.ParentId);
    }

    /// <summary>The link and every link below it, for a filter on <paramref name="field"/> (a 400 naming it when there is no such link).</summary>
    public async Task<long[]> SubtreeAsync(long linkId, string field, CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync<ParentRow>(
            "SELECT id, parent_id FROM chain_links WHERE chain_id = (SELECT chain_id FROM chain_links WHERE id = @linkId)", new { linkId }, cancellationToken);
        var parents = rows.ToDictionary(r => r.Id, r => r.ParentId);
        return parents.ContainsKey(linkId)
            ? [.. ChainTree.Subtree(linkId, parents)]
            : throw ProblemException.Invalid(field, ProblemTexts.NoSuch.With(("what", "chain link"), ("id", linkId)));
    }

    /// <summary>Each id in the list exists in <paramref name="table"/>; a 400 on <paramref name="field"/> naming the first that does not.</summary>
    public async Task RequireAllAsync(string table, IReadOnlyCollection<long>? ids, string field, string what, CancellationToken cancellationToken)
    {
        if (ids is not { Count: > 0 })
        {
            return;
        }

        var distinct = ids.Distinct().ToArray();
        var found = (await session.QueryAsync<long>($"SELECT id FROM {table} WHERE {session.Dialect.InList("id", "ids")}", new { ids = distinct }, cancellationToken)).ToHashSet();
        if (distinct.FirstOrDefault(id => !found.Contains(id)) is var missing and > 0)
        {
            throw ProblemException.Invalid(field, ProblemTexts.NoSuch.With(("what", what), ("id", missing)));
        }
    }

    /// <summary>The fields trimmed, once the name is free (409 otherwise) and every park and company exists (400 on the field otherwise).</summary>
    public async Task<CreateChain> CheckChainAsync(CreateChain fields, long? id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var name = fields.Name!.Trim();
        if (await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM chains WHERE name = @name AND id <> @id", new { name, id = id ?? 0 }, cancellationToken) > 0)
        {
            throw ProblemException.Conflict(ProblemTexts.ChainNamedNameAlreadyExists.With(("name", name)));
        }

        await RequireAllAsync("parks", fields.ParkIds, "parkIds", "park", cancellationToken);
        await RequireAllAsync("companies", fields.LeaderCompanyIds, "leaderCompanyIds", "company", cancellationToken);
        foreach (var leader in fields.LeaderCompanyIds ?? [])
        {
            if (await References.CompanyRefusalAsync(session, leader, cancellationToken) is { } refusal)
            {
                throw ProblemException.Invalid("leaderCompanyIds", refusal);
            }
        }
        return fields with
        {
            Name = name,
            Description = string.IsNullOrWhiteSpace(fields.Description) ? null : fields.Description.Trim(),
            ParkIds = [.. (fields.ParkIds ?? []).Distinct().Order()],
            LeaderCompanyIds = [.. (fields.LeaderCompanyIds ?? []).Distinct().Order()],
        };
    }

    /// <summary>Adds a chain with checked fields (<see cref="CheckChainAsync"/>); answers its id.</summary>
    public async Task<long> AddChainAsync(CreateChain fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId("chains", "name, description, created_at", "@Name, @Description, @at"),
            new { fields.Name, fields.Description, at = clock.UtcNow },
            cancellationToken);
        await WriteMembersAsync(id, fields, cancellationToken);
        return id;
    }

    /// <summary>Writes a chain's checked fields if nobody changed it meanwhile (412 otherwise).</summary>
    public async Task UpdateChainAsync(ChainResponse current, CreateChain fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        await rows.UpdateAsync("chains", "name = @Name, description = @Description", current, new { fields.Name, fields.Description }, cancellationToken);
        await WriteMembersAsync(current.Id, fields, cancellationToken);
    }

    /// <summary>
    /// The fields trimmed, once the parent keeps the chain a tree (<see cref="ChainTree.CheckParent"/>,
    /// 400 on parentId), every sector exists (400 on sectorIds) and no other link of the chain has the name (409).
    /// </summary>
    public async Task<ChainLinkBody> CheckLinkAsync(long chainId, long? linkId, IChainLinkFields fields, IReadOnlyDictionary<long, long?> parents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ChainTree.CheckParent(linkId, fields.ParentId, parents);
        await RequireAllAsync("sectors", fields.SectorIds, "sectorIds", "sector", cancellationToken);
        var name = fields.Name!.Trim();
        if (await session.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM chain_links WHERE chain_id = @chainId AND name = @name AND id <> @id", new { chainId, name, id = linkId ?? 0 }, cancellationToken) > 0)
        {
            throw ProblemException.Conflict(ProblemTexts.ChainAlreadyHasLinkNamedName.With(("name", name)));
        }

        return new ChainLinkBody(name, fields.Position, fields.ParentId, [.. (fields.SectorIds ?? []).Distinct().Order()]);
    }

    /// <summary>Adds a link with checked fields (<see cref="CheckLinkAsync"/>); answers its id.</summary>
    public async Task<long> AddLinkAsync(long chainId, ChainLinkBody fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId("chain_links", "chain_id, parent_id, name, position, created_at", "@chainId, @ParentId, @Name, @Position, @at"),
            new { chainId, fields.ParentId, fields.Name, fields.Position, at = clock.UtcNow },
            cancellationToken);
        await ReplaceMembersAsync("chain_link_sectors", "link_id", "sector_id", id, fields.SectorIds ?? [], cancellationToken);
        return id;
    }

    /// <summary>Writes a link's checked fields if nobody changed it meanwhile (412 otherwise).</summary>
    public async Task UpdateLinkAsync(ChainLinkResponse current, ChainLinkBody fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(fields);
        await rows.UpdateAsync(
            "chain_links", "name = @Name, position = @Position, parent_id = @ParentId", current, new { fields.Name, fields.Position, fields.ParentId }, cancellationToken);
        await ReplaceMembersAsync("chain_link_sectors", "link_id", "sector_id", current.Id, fields.SectorIds ?? [], cancellationToken);
    }

    /// <summary>Removes a link without sub-links, companies or deals; one with any is a 409, so that nothing attached is lost silently.</summary>
    public async Task DeleteLinkAsync(long linkId, CancellationToken cancellationToken)
    {
        var attached = await session.QuerySingleAsync<Attached>(
            """
            SELECT (SELECT COUNT(*) FROM chain_links WHERE parent_id = @id) AS sub_links,
                   (SELECT COUNT(*) FROM chain_link_companies WHERE link_id = @id) AS companies,
                   (SELECT COUNT(*) FROM chain_link_deals WHERE link_id = @id) AS deals
            """,
            new { id = linkId },
            cancellationToken);
        if (attached is not { SubLinks: 0, Companies: 0, Deals: 0 })
        {
            throw ProblemException.Conflict(
                ProblemTexts.LinkHasLinksSubLinksCompanies.With(("links", attached.SubLinks), ("companies", attached.Companies), ("deals", attached.Deals)));
        }

        await session.ExecuteAsync("DELETE FROM chain_link_sectors WHERE link_id = @id", new { id = linkId }, cancellationToken);
        await session.ExecuteAsync("DELETE FROM chain_links WHERE id = @id", new { id = linkId }, cancellationToken);
    }

    /// <summary>Attaches a company or a deal to a link; attaching it again changes nothing.</summary>
    public Task AttachAsync(long linkId, ChainAttachment what, long targetId, CancellationToken cancellationToken)
    {
        var (table, column) = AttachmentTable(what);
        return session.ExecuteAsync(
            $"INSERT INTO {table} (link_id, {column}) SELECT @link, @target WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE link_id = @link AND {column} = @target)",
            new { link = linkId, target = targetId },
            cancellationToken);
    }

    /// <summary>Detaches a company or a deal from a link; detaching one that is not attached changes nothing.</summary>
    public Task DetachAsync(long linkId, ChainAttachment what, long targetId, CancellationToken cancellationToken)
    {
        var (table, column) = AttachmentTable(what);
        return session.ExecuteAsync($"DELETE FROM {table} WHERE link_id = @link AND {column} = @target", new { link = linkId, target = targetId }, cancellationToken);
    }

    private static (string Table, string Column) AttachmentTable(ChainAttachment what) =>
        what == ChainAttachment.Deal ? ("chain_link_deals", "deal_id") : ("chain_link_companies", "company_id");

    private async Task WriteMembersAsync(long id, CreateChain fields, CancellationToken cancellationToken)
    {
        await ReplaceMembersAsync("chain_parks", "chain_id", "park_id", id, fields.ParkIds ?? [], cancellationToken);
        await ReplaceMembersAsync("chain_leaders", "chain_id", "company_id", id, fields.LeaderCompanyIds ?? [], cancellationToken);
    }

    /// <summary>Replaces the rows of a membership table (chain_parks, chain_leaders, chain_link_sectors) for one owner.</summary>
    private async Task ReplaceMembersAsync(string table, string ownerColumn, string memberColumn, long owner, IEnumerable<long> members, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync($"DELETE FROM {table} WHERE {ownerColumn} = @owner", new { owner }, cancellationToken);
        foreach (var member in members.Distinct())
        {
            await session.ExecuteAsync($"INSERT INTO {table} ({ownerColumn}, {memberColumn}) VALUES (@owner, @member)", new { owner, member }, cancellationToken);
        }
    }

    /// <summary>Top links by position (upstream first) then id, each followed by its sub-links in id order.</summary>
    public static IReadOnlyList<ChainLinkResponse> TreeOrder(IEnumerable<ChainLinkResponse> links)
    {
        var all = links.ToList();
        var ids = all.Select(l => l.Id).ToHashSet();
        var children = all.Where(l => l.ParentId is { } p && ids.Contains(p)).ToLookup(l => l.ParentId!.Value);
        var ordered = new List<ChainLinkResponse>(all.Count);
        void Visit(ChainLinkResponse link)
        {
            ordered.Add(link);
            foreach (var child in children[link.Id].OrderBy(c => c.Id))
            {
                Visit(child);
            }
        }

        foreach (var top in all.Where(l => l.ParentId is not { } p || !ids.Contains(p)).OrderBy(l => l.Position).ThenBy(l => l.Id))
        {
            Visit(top);
        }

        return ordered;
    }

    private async Task<List<ChainLinkResponse>> LinksAsync(string where, object args, CancellationToken cancellationToken)
    {
        var rows = (await session.QueryAsync<LinkRow>($"SELECT l.id, l.chain_id, l.parent_id, l.name, l.position, l.version FROM chain_links l {where}", args, cancellationToken)).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var linkArgs = new { links = rows.Select(r => r.Id).ToArray() };
        var sectors = Lookup(await session.QueryAsync<Pair>($"SELECT link_id AS owner, sector_id AS member FROM chain_link_sectors WHERE {session.Dialect.InList("link_id", "links")}", linkArgs, cancellationToken));
        var companies = Lookup(await session.QueryAsync<Pair>($"SELECT link_id AS owner, company_id AS member FROM chain_link_companies WHERE {session.Dialect.InList("link_id", "links")}", linkArgs, cancellationToken));
        return [.. rows.Select(r => new ChainLinkResponse
        {
            Id = r.Id,
            ChainId = r.ChainId,
            ParentId = r.ParentId,
            Name = r.Name,
            Position = Names.TryParse<ChainPosition>(r.Position.Trim(), out var position) ? position : throw new InvalidOperationException($"Link {r.Id} has the unknown position '{r.Position}'."),
            Version = r.Version,
            SectorIds = sectors[r.Id].Order().ToList(),
            CompanyIds = companies[r.Id].Order().ToList(),
        })];
    }

    private static ILookup<long, long> Lookup(IEnumerable<Pair> pairs) => pairs.ToLookup(p => p.Owner, p => p.Member);

    private sealed record ChainRow
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";

        public string? Description { get; init; }

        public int Version { get; init; }
    }

    /// <summary>The chains a company leads and the links it is attached to (what a merge of it moves).</summary>
    public async Task<CompanyInChains> PlacesOfAsync(long companyId, CancellationToken cancellationToken)
    {
        var chains = await session.QueryAsync<long>("SELECT chain_id FROM chain_leaders WHERE company_id = @companyId ORDER BY chain_id", new { companyId }, cancellationToken);
        var links = await session.QueryAsync<long>("SELECT link_id FROM chain_link_companies WHERE company_id = @companyId ORDER BY link_id", new { companyId }, cancellationToken);
        return new CompanyInChains([.. chains], [.. links]);
    }

    /// <summary>
    /// Puts the survivor of a merge where the merged company was: leader of its chains (each of which moves on a
    /// version, leaders being a chain's field) and attached to its links, once each where it already was.
    /// </summary>
    public async Task<CompanyInChains> MoveCompanyAsync(long from, long to, CancellationToken cancellationToken)
    {
        var places = await PlacesOfAsync(from, cancellationToken);
        var args = new { from, to };
        await session.ExecuteAsync("DELETE FROM chain_leaders WHERE company_id = @from AND chain_id IN (SELECT l.chain_id FROM chain_leaders l WHERE l.company_id = @to)", args, cancellationToken);
        await session.ExecuteAsync("UPDATE chain_leaders SET company_id = @to WHERE company_id = @from", args, cancellationToken);
        await session.ExecuteAsync("DELETE FROM chain_link_companies WHERE company_id = @from AND link_id IN (SELECT c.link_id FROM chain_link_companies c WHERE c.company_id = @to)", args, cancellationToken);
        await session.ExecuteAsync("UPDATE chain_link_companies SET company_id = @to WHERE company_id = @from", args, cancellationToken);
        if (places.ChainIds.Count > 0)
        {
            await session.ExecuteAsync($"UPDATE chains SET version = version + 1 WHERE {session.Dialect.InList("id", "ids")}", new { ids = places.ChainIds.ToArray() }, cancellationToken);
        }

        return places;
    }

    private sealed record LinkRow
    {
        public long Id { get; init; }

        public long ChainId { get; init; }

        public long? ParentId { get; init; }

        public string Name { get; init; } = "";

        public string Position { get; init; } = "";

        public int Version { get; init; }
    }

    private sealed record ParentRow
    {
        public long Id { get; init; }

        public long? ParentId { get; init; }
    }

    private sealed record Pair
    {
        public long Owner { get; init; }

        public long Member { get; init; }
    }

    private sealed record Attached
    {
        public long SubLinks { get; init; }

        public long Companies { get; init; }

        public long Deals { get; init; }
    }
}

/// <summary>Where a company stands in the chains: the chains it leads (链主) and the links it is attached to, in id order.</summary>
public sealed record CompanyInChains(IReadOnlyList<long> ChainIds, IReadOnlyList<long> LinkIds);
