using Dapper;
using DealPipeline.Domain;

namespace DealPipeline.Infrastructure;

/// <summary>
/// Loads and stores the <see cref="Deal"/> aggregate: its row (a <see cref="DealRecord"/>, whose properties give every
/// column list here) and its appended history and revisions. The one writer of the <c>deals</c> table.
/// </summary>
public sealed class DealRepository(DbSession session)
{
    /// <summary>
    /// The rows as the open unit of work read or last stored them, by deal: a load in the same unit reuses them, and an update
    /// writes only the columns that differ from them. They belong to one unit (<see cref="DbSession.UnitsBegun"/>, in
    /// <see cref="_unit"/>): a new unit, such as the retry of one rolled back or an import's next batch, starts with none.
    /// </summary>
    private readonly Dictionary<long, DealRecord> _stored = [];

    private int _unit;

    /// <summary>
    /// Notes an activity on the deal: its last activity moves to <paramref name="on"/> when that is later. A touch,
    /// not a change: the deal's version and updatedAt stay, so that logging a call never makes an officer's If-Match stale.
    /// </summary>
    public Task TouchAsync(long dealId, DateOnly on, CancellationToken cancellationToken) =>
        session.ExecuteAsync(
            "UPDATE deals SET last_activity_on = @on WHERE id = @dealId AND (last_activity_on IS NULL OR last_activity_on < @on)",
            new { on, dealId },
            cancellationToken);

    /// <summary>
    /// Notes the row of a deal as read or stored inside the open transaction (the read model reads every column of <c>deals</c>,
    /// and hands its rows here): the aggregate's load in the same unit of work then needs no second read. The repository is the
    /// one writer of the table, so the row stays what the transaction holds until the repository itself stores the deal. Outside
    /// a transaction nothing is kept; a new unit of work starts with nothing.
    /// </summary>
    public void Remember(DealRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (session.Transaction is null)
        {
            return;
        }

        if (_unit != session.UnitsBegun)
        {
            _stored.Clear();
            _unit = session.UnitsBegun;
        }

        _stored[row.Id] = row;
    }

    /// <summary>The live (not deleted) deal, or null.</summary>
    public async Task<Deal?> FindAsync(long id, CancellationToken cancellationToken)
    {
        if (Stored(id) is { DeletedAt: null } known)
        {
            return known.ToDeal();
        }

        var row = await session.QuerySingleOrDefaultAsync<DealRecord>(
            $"SELECT {DealRecord.Select("d")} FROM deals d WHERE d.id = @id AND d.deleted_at IS NULL", new { id }, cancellationToken);
        if (row is null)
        {
            return null;
        }

        Remember(row);
        return row.ToDeal();
    }

    public async Task AddAsync(Deal deal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var record = DealRecord.Of(deal);
        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId("deals", DealRecord.InsertColumns, DealRecord.InsertValues), record, cancellationToken);
        deal.AssignId(id);
        Remember(record with { Id = id });

        // A new deal has no history or revision in force yet: nothing to end before its first ones.
        await AppendHistoryAsync(deal, isNew: true, cancellationToken);
        await AppendRevisionAsync(deal, deal.OpenedOn, isNew: true, cancellationToken);
    }

    /// <summary>Records the deal's reported fields as in force from <paramref name="on"/>, ending the revision in force until then.</summary>
    private async Task AppendRevisionAsync(Deal deal, DateOnly on, bool isNew, CancellationToken cancellationToken)
    {
        if (!isNew)
        {
            await session.ExecuteAsync(
                "UPDATE deal_revisions SET valid_until = @on WHERE deal_id = @dealId AND valid_until IS NULL",
                new { dealId = deal.Id, on },
                cancellationToken);
        }

        var t = deal.Terms;
        await session.ExecuteAsync(
            "INSERT INTO deal_revisions (deal_id, on_date, valid_until, intended_minor, currency, owner_id, team_id, park_id, sector_id, is_key_project, at) " +
            "VALUES (@dealId, @on, NULL, @intended, @currency, @owner, @team, @park, @sector, @key, @at)",
            new { dealId = deal.Id, on, intended = t.IntendedInvestment, currency = t.Currency, owner = t.OwnerId, team = t.TeamId, park = t.ParkId, sector = t.SectorId, key = t.IsKeyProject, at = deal.UpdatedAt },
            cancellationToken);
    }

    /// <summary>
    /// Stores a changed deal if nobody else changed it since it was loaded at
    /// <paramref name="loadedVersion"/>; false if somebody did (nothing is written then).
    /// </summary>
    public async Task<bool> UpdateAsync(Deal deal, int loadedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deal);
        if (deal.Version == loadedVersion)
        {
            return true;
        }

        var record = DealRecord.Of(deal);
        var parameters = new DynamicParameters(record);
        parameters.Add("LoadedVersion", loadedVersion);
        var assignments = Stored(deal.Id) is { } stored && stored.Version == loadedVersion
            ? DealRecord.ChangedAssignments(stored, record)
            : DealRecord.UpdateAssignments;
        var rows = await session.ExecuteAsync(
            $"UPDATE deals SET {assignments} WHERE id = @Id AND version = @LoadedVersion AND deleted_at IS NULL", parameters, cancellationToken);
        if (rows == 0)
        {
            return false;
        }

        Remember(record);
        await AppendHistoryAsync(deal, isNew: false, cancellationToken);
        if (deal.RevisedOn is { } revisedOn)
        {
            await AppendRevisionAsync(deal, revisedOn, isNew: false, cancellationToken);
        }

        return true;
    }

    /// <summary>The row this unit of work read or stored, if it is inside a transaction and has one.</summary>
    private DealRecord? Stored(long id) =>
        session.Transaction is not null && _unit == session.UnitsBegun && _stored.TryGetValue(id, out var row) ? row : null;

    private async Task AppendHistoryAsync(Deal deal, bool isNew, CancellationToken cancellationToken)
    {
        var first = true;
        foreach (var entry in deal.NewHistory)
        {
            // The entry in force until now stops being in force on this entry's date.
            if (!isNew || !first)
            {
                await session.ExecuteAsync(
                    "UPDATE deal_history SET valid_until = @On WHERE deal_id = @DealId AND valid_until IS NULL",
                    new { DealId = deal.Id, entry.On },
                    cancellationToken);
            }

            first = false;
            await session.ExecuteAsync(
                "INSERT INTO deal_history (deal_id, kind, from_value, to_value, on_date, at, reason, note, by_user_id, stage_after, status_after) " +
                "VALUES (@DealId, @Kind, @From, @To, @On, @At, @Reason, @Note, @ByUserId, @StageAfter, @StatusAfter)",
                new
                {
                    DealId = deal.Id,
                    Kind = (int)entry.Kind,
                    entry.From,
                    entry.To,
                    entry.On,
                    entry.At,
                    entry.Reason,
                    entry.Note,
                    entry.ByUserId,
                    StageAfter = (int)entry.StageAfter,
                    StatusAfter = (int)entry.StatusAfter,
                },
                cancellationToken);
        }
    }
}
