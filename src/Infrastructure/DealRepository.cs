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
    /// Notes an activity on the deal: its last activity moves to <paramref name="on"/> when that is later. A touch,
    /// not a change: the deal's version and updatedAt stay, so that logging a call never makes an officer's If-Match stale.
    /// </summary>
    public Task TouchAsync(long dealId, DateOnly on, CancellationToken cancellationToken) =>
        session.ExecuteAsync(
            "UPDATE deals SET last_activity_on = @on WHERE id = @dealId AND (last_activity_on IS NULL OR last_activity_on < @on)",
            new { on, dealId },
            cancellationToken);

    /// <summary>The live (not deleted) deal, or null.</summary>
    public async Task<Deal?> FindAsync(long id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<DealRecord>(
            $"SELECT {DealRecord.Select("d")} FROM deals d WHERE d.id = @id AND d.deleted_at IS NULL", new { id }, cancellationToken);
        return row?.ToDeal();
    }

    public async Task AddAsync(Deal deal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId("deals", DealRecord.InsertColumns, DealRecord.InsertValues), DealRecord.Of(deal), cancellationToken);
        deal.AssignId(id);
        await AppendHistoryAsync(deal, cancellationToken);
        await AppendRevisionAsync(deal, deal.OpenedOn, cancellationToken);
    }

    /// <summary>Records the deal's reported fields as in force from <paramref name="on"/>, ending the revision in force until then.</summary>
    private async Task AppendRevisionAsync(Deal deal, DateOnly on, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(
            "UPDATE deal_revisions SET valid_until = @on WHERE deal_id = @dealId AND valid_until IS NULL",
            new { dealId = deal.Id, on },
            cancellationToken);
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

        var parameters = new DynamicParameters(DealRecord.Of(deal));
        parameters.Add("LoadedVersion", loadedVersion);
        var rows = await session.ExecuteAsync(
            $"UPDATE deals SET {DealRecord.UpdateAssignments} WHERE id = @Id AND version = @LoadedVersion AND deleted_at IS NULL", parameters, cancellationToken);
        if (rows == 0)
        {
            return false;
        }

        await AppendHistoryAsync(deal, cancellationToken);
        if (deal.RevisedOn is { } revisedOn)
        {
            await AppendRevisionAsync(deal, revisedOn, cancellationToken);
        }

        return true;
    }

    private async Task AppendHistoryAsync(Deal deal, CancellationToken cancellationToken)
    {
        foreach (var entry in deal.NewHistory)
        {
            // The entry in force until now stops being in force on this entry's date.
            await session.ExecuteAsync(
                "UPDATE deal_history SET valid_until = @On WHERE deal_id = @DealId AND valid_until IS NULL",
                new { DealId = deal.Id, entry.On },
                cancellationToken);
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
