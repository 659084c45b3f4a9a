namespace DealPipeline.Domain;

/// <summary>Where a link (环节) sits on its industry chain.</summary>
public enum ChainPosition
{
    /// <summary>上游: raw materials, equipment, research services.</summary>
    Upstream = 1,

    /// <summary>中游: manufacturing.</summary>
    Midstream = 2,

    /// <summary>下游: distribution, services, applications.</summary>
    Downstream = 3,
}

/// <summary>
/// The links of one industry chain as a tree: each link names its parent link (or none). The rules a
/// change of parent must keep, and the subtrees the chain report counts over.
/// </summary>
public static class ChainTree
{
    /// <summary>Sub-links nest at most this deep (a link, its sub-link, theirs …): deeper is a chain drawn too fine to report on.</summary>
    public const int MaxDepth = 4;

    /// <summary>
    /// Checks that the link <paramref name="linkId"/> (null for a new link) may hang under
    /// <paramref name="parentId"/>, given every link of the chain and its parent
    /// (<paramref name="parents"/>): the parent is a link of the same chain, not the link itself,
    /// not one of its sub-links, and the tree stays within <see cref="MaxDepth"/> levels.
    /// </summary>
    public static void CheckParent(long? linkId, long? parentId, IReadOnlyDictionary<long, long?> parents)
    {
        ArgumentNullException.ThrowIfNull(parents);
        if (parentId is not { } parent)
        {
            return;
        }

        if (parent == linkId)
        {
            throw new DomainException("chain.ownParent", RuleTexts.LinkCannotAttachedItselfParent, "parentId");
        }

        if (!parents.ContainsKey(parent))
        {
            throw new DomainException("chain.parentElsewhere", RuleTexts.ParentIdNotLinkChain, "parentId");
        }

        var depth = 1;
        for (long? at = parent; at is { } step; at = parents[step])
        {
            if (step == linkId)
            {
                throw new DomainException("chain.cycle", RuleTexts.LinkCannotPlacedUnderOneOwn, "parentId");
            }

            depth++;
        }

        var below = linkId is { } moved ? HeightBelow(moved, parents) : 0;
        if (depth + below > MaxDepth)
        {
            throw new DomainException("chain.tooDeep", RuleTexts.LinksNestMostCountLevelsDeep.With(("count", MaxDepth)), "parentId");
        }
    }

    /// <summary>The link and every link below it.</summary>
    public static IReadOnlySet<long> Subtree(long linkId, IReadOnlyDictionary<long, long?> parents)
    {
        ArgumentNullException.ThrowIfNull(parents);
        var found = new HashSet<long> { linkId };
        bool grew;
        do
        {
            grew = false;
            foreach (var (id, parent) in parents)
            {
                if (parent is { } p && found.Contains(p) && found.Add(id))
                {
                    grew = true;
                }
            }
        }
        while (grew);
        return found;
    }

    /// <summary>How many links the link hangs under (0 for a top link).</summary>
    public static int Depth(long linkId, IReadOnlyDictionary<long, long?> parents)
    {
        ArgumentNullException.ThrowIfNull(parents);
        var depth = 0;
        for (var at = parents[linkId]; at is { } parent; at = parents[parent])
        {
            depth++;
        }

        return depth;
    }

    /// <summary>How many levels hang below the link (0 for a leaf).</summary>
    private static int HeightBelow(long linkId, IReadOnlyDictionary<long, long?> parents) =>
        parents.Where(p => p.Value == linkId).Select(p => 1 + HeightBelow(p.Key, parents)).DefaultIfEmpty(0).Max();
}
