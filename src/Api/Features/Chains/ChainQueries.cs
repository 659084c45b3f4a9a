using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Chains;

/// <summary>An industry chain (产业链): its links, the parks that run it and its chain leaders (链主).</summary>
public sealed record ChainResponse : IHasId, IVersioned
{
    /// <summary>The chain's version (its name, description, parks and leaders): answered as the ETag, not in the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; } = 1;

    public long Id { get; init; }

    public string Name { get; init; } = "";

    public string? Description { get; init; }

    /// <summary>The parks that promote on this chain.</summary>
    public IReadOnlyList<long> ParkIds { get; init; } = [];

    /// <summary>The chain-leader companies (链主) that pull their upstream and downstream in.</summary>
    public IReadOnlyList<long> LeaderCompanyIds { get; init; } = [];

    /// <summary>The links, upstream first, each followed by its sub-links.</summary>
    public IReadOnlyList<ChainLinkResponse> Links { get; init; } = [];
}

/// <summary>A link (环节) of an industry chain.</summary>
public sealed record ChainLinkResponse : IHasId, IVersioned
{
    /// <summary>The link's version: answered as the ETag of GET and PATCH on the link, not in the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; } = 1;

    public long Id { get; init; }

    public long ChainId { get; init; }

    /// <summary>The link this one is part of; null for a link at the top of the chain.</summary>
    public long? ParentId { get; init; }

    public string Name { get; init; } = "";

    public ChainPosition Position { get; init; }

    /// <summary>The sectors the link covers.</summary>
    public IReadOnlyList<long> SectorIds { get; init; } = [];

    /// <summary>The companies attached to the link (a deal of theirs counts for the link).</summary>
    public IReadOnlyList<long> CompanyIds { get; init; } = [];
}

/// <summary>The chain tables as the API reads them.</summary>
public static class ChainQueries
{
    /// <summary>The chains with these ids, in the order given (missing ones left out).</summary>
    public static async Task<IReadOnlyList<ChainResponse>> LoadAsync(DbSession session, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (ids.Count == 0)
        {
            return [];
        }

        var args = new { ids = ids.ToArray() };
        var inChains = session.Dialect.InList("chain_id", "ids");
        var chains = await session.QueryAsync<ChainRow>($"SELECT id, name, description, version FROM chains WHERE {session.Dialect.InList("id", "ids")}", args, cancellationToken);
        var parks = Lookup(await session.QueryAsync<Pair>($"SELECT chain_id AS owner, park_id AS member FROM chain_parks WHERE {inChains}", args, cancellationToken));
        var leaders = Lookup(await session.QueryAsync<Pair>($"SELECT chain_id AS owner, company_id AS member FROM chain_leaders WHERE {inChains}", args, cancellationToken));
        var links = await LinksAsync(session, $"WHERE {session.Dialect.InList("l.chain_id", "ids")}", args, cancellationToken);
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

    public static async Task<ChainResponse> GetAsync(DbSession session, long id, CancellationToken cancellationToken) =>
        (await LoadAsync(session, [id], cancellationToken)).SingleOrDefault() ?? throw ProblemException.NotFound("chain", id);

    /// <summary>The link of this chain, or a 404 (a link of another chain is not found either).</summary>
    public static async Task<ChainLinkResponse> GetLinkAsync(DbSession session, long chainId, long linkId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var link = (await LinksAsync(session, "WHERE l.id = @linkId AND l.chain_id = @chainId", new { chainId, linkId }, cancellationToken)).SingleOrDefault();
        if (link is not null)
        {
            return link;
        }

        await GetParentsAsync(session, chainId, cancellationToken);
        throw ProblemException.NotFound("chain link", linkId);
    }

    /// <summary>Every link of the chain with its parent (a 404 when there is no such chain).</summary>
    public static async Task<IReadOnlyDictionary<long, long?>> GetParentsAsync(DbSession session, long chainId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!await References.ExistsAsync(session, "chains", chainId, cancellationToken))
        {
            throw ProblemException.NotFound("chain", chainId);
        }

        var rows = await session.QueryAsync<ParentRow>("SELECT id, parent_id FROM chain_links WHERE chain_id = @chainId", new { chainId }, cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.ParentId);
    }

    /// <summary>The link and every link below it, for a filter on <paramref name="field"/> (a 400 naming it when there is no such link).</summary>
    public static async Task<long[]> SubtreeAsync(DbSession session, long linkId, string field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var rows = await session.QueryAsync<ParentRow>(
            "SELECT id, parent_id FROM chain_links WHERE chain_id = (SELECT chain_id FROM chain_links WHERE id = @linkId)", new { linkId }, cancellationToken);
        var parents = rows.ToDictionary(r => r.Id, r => r.ParentId);
        return parents.ContainsKey(linkId)
            ? [.. ChainTree.Subtree(linkId, parents)]
            : throw ProblemException.Invalid(field, $"There is no chain link {linkId}.");
    }

    /// <summary>Each id in the list exists in <paramref name="table"/>; a 400 on <paramref name="field"/> naming the first that does not.</summary>
    public static async Task RequireAllAsync(DbSession session, string table, IReadOnlyCollection<long>? ids, string field, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (ids is not { Count: > 0 })
        {
            return;
        }

        var distinct = ids.Distinct().ToArray();
        var found = (await session.QueryAsync<long>($"SELECT id FROM {table} WHERE {session.Dialect.InList("id", "ids")}", new { ids = distinct }, cancellationToken)).ToHashSet();
        if (distinct.FirstOrDefault(id => !found.Contains(id)) is var missing and > 0)
        {
            throw ProblemException.Invalid(field, $"There is no {what} {missing}.");
        }
    }

    /// <summary>Replaces the rows of a membership table (chain_parks, chain_leaders, chain_link_sectors) for one owner.</summary>
    public static async Task ReplaceMembersAsync(DbSession session, string table, string ownerColumn, string memberColumn, long owner, IEnumerable<long> members, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
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

    private static async Task<List<ChainLinkResponse>> LinksAsync(DbSession session, string where, object args, CancellationToken cancellationToken)
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
}
