namespace DealPipeline.Api.Features.Deals;

/// <summary>
/// The deals as the caller may see and change them, injected where a handler reads or changes one deal: reads apply
/// the caller's visibility (a deal they may not see is a 404, as if it did not exist), loads for a change also their
/// right to change it and the If-Match, and a save reads the deal back as the API shows it.
/// </summary>
public sealed class DealReader(DbSession session, DealAccess access, DealRepository deals)
{
    /// <summary>The live deal as the caller may see it, or a 404 (also for a confidential deal they may not see).</summary>
    public async Task<DealResponse> GetAsync(long id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<DealRow>(
            $"SELECT {DealRow.Columns} FROM {DealRow.From} WHERE d.id = @id AND d.deleted_at IS NULL", new { id }, cancellationToken);
        if (row is not null)
        {
            deals.Remember(row);
        }

        return row is not null && access.CanSee(row.Confidential, row.OwnerId, row.TeamId)
            ? row.ToResponse()
            : throw ProblemException.NotFound("deal", id);
    }

    /// <summary>
    /// The deal a command is about to change: 404 if it does not exist for the caller, 403 if
    /// they may see but not change it, 412 if <paramref name="expectedVersion"/> is stale.
    /// </summary>
    public async Task<Deal> LoadAsync(long id, IfMatch? expectedVersion, CancellationToken cancellationToken)
    {
        var deal = await deals.FindAsync(id, cancellationToken);
        if (deal is null || !access.CanSee(deal.Terms.Confidential, deal.Terms.OwnerId, deal.Terms.TeamId))
        {
            throw ProblemException.NotFound("deal", id);
        }

        if (!access.CanChange(deal.Terms.OwnerId, deal.Terms.TeamId))
        {
            throw new ProblemException(StatusCodes.Status403Forbidden, ProblemTexts.Forbidden, ProblemTexts.YouMayChangeOnlyDealsYou);
        }

        if (expectedVersion?.Allows(deal.Version) == false)
        {
            throw ProblemException.PreconditionFailed(deal.Version);
        }

        return deal;
    }

    /// <summary>Stores the changed deal (412 if another request changed it since it was loaded at <paramref name="loadedVersion"/>).</summary>
    public async Task StoreAsync(Deal deal, int loadedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deal);
        if (!await deals.UpdateAsync(deal, loadedVersion, cancellationToken))
        {
            // Changed by another request between our read and our write: the same answer as a stale If-Match.
            throw ProblemException.PreconditionFailed(loadedVersion + 1);
        }
    }

    /// <summary>Stores the changed deal and reads it back as the API shows it.</summary>
    public async Task<DealResponse> SaveAsync(Deal deal, int loadedVersion, CancellationToken cancellationToken)
    {
        await StoreAsync(deal, loadedVersion, cancellationToken);
        return await GetAsync(deal.Id, cancellationToken);
    }
}

/// <summary>
/// A deal as the read model reads it: its <see cref="DealRecord"/> (every column of <c>deals</c>) with its latest
/// evaluation, and its mapping to the API's shape. Not sealed: the export adds the names of what it points at.
/// </summary>
public record DealRow : DealRecord
{
    /// <summary>The SELECT list of a deal row: every column of the deals table (alias d) and the latest score (alias e).</summary>
    public static readonly string Columns = DealRecord.Select("d") + ", " +
        "e.set_id AS score_set_id, e.revision AS score_revision, e.total_tenths AS score_tenths, e.band AS score_band, e.vetoes AS score_vetoes, e.created_at AS scored_at";

    /// <summary>Deals (alias d) with their latest score (alias e, the evaluation), for <see cref="Columns"/>.</summary>
    public const string From = "deals d LEFT JOIN deal_scores e ON e.id = (SELECT MAX(x.id) FROM deal_scores x WHERE x.deal_id = d.id)";

    public long? ScoreSetId { get; init; }

    public int? ScoreRevision { get; init; }

    public long? ScoreTenths { get; init; }

    public string? ScoreBand { get; init; }

    public string? ScoreVetoes { get; init; }

    public DateTimeOffset? ScoredAt { get; init; }

    public DealListItem ToListItem() =>
        DeletedAt is null ? ToResponse() : new DealTombstone { Id = Id, UpdatedAt = UpdatedAt };

    public DealResponse ToResponse() => DealResponse.Of(this);
}

/// <summary>The deal before a change, for the audit log: as the caller may see it, or null (the handler then answers the 404).</summary>
public sealed class DealSnapshots(DealReader reader) : Application.Behaviors.IDealSnapshots
{
    public async Task<object?> FindAsync(long dealId, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.GetAsync(dealId, cancellationToken);
        }
        catch (ProblemException)
        {
            return null;
        }
    }
}
