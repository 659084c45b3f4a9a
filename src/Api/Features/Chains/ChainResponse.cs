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
