namespace DealPipeline.Api.Application;

/// <summary>
/// Records every committed write in the <c>changes</c> table, in the write's own transaction: no
/// change without its row, no row without its change, numbered in commit order. BI readers pull it
/// (<c>GET /api/v1/changes</c>), and its latest number is the data version that report ETags carry.
/// API keys and webhook subscriptions are left out: they are not pipeline data; so are a lead sweep
/// and an import themselves (each lead or company they changed is a change of its own).
/// </summary>
public static class ChangeFeed
{
    public static bool IsRecorded(string entity) => entity is not ("apiKey" or "webhook" or "leadSweep" or "import");

    /// <summary>Writes the change's row; answers its key (<see cref="SqlDialect.ChangeKey"/>), which the webhook outbox refers to.</summary>
    public static Task<long> RecordAsync(DbSession session, Change change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return RecordInOrderAsync(session, change, cancellationToken);
    }

    private static async Task<long> RecordInOrderAsync(DbSession session, Change change, CancellationToken cancellationToken)
    {
        if (session.Dialect.BeforeChangeRecorded is { } serialise)
        {
            await session.ExecuteAsync(serialise, null, cancellationToken);
        }

        return await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId(
                "changes",
                "entity, entity_id, kind, version, deal_id, by_user_id, actor, at, import_id",
                "@Entity, @EntityId, @Kind, @Version, @DealId, @ByUserId, @Actor, @At, @ImportId",
                session.Dialect.ChangeKey),
            change,
            cancellationToken);
    }

    /// <summary>The sequence of the latest committed change (0 for none): the data version.</summary>
    public static async Task<long> VersionAsync(DbSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var dialect = session.Dialect;
        return await session.ExecuteScalarAsync<long?>(
            $"SELECT MAX({dialect.ChangeSequence("c")}) FROM changes c WHERE {dialect.CommittedChange("c")}", null, cancellationToken) ?? 0;
    }

    /// <summary>A committed write; <paramref name="ImportId"/> is the ledger import that wrote it, if one did.</summary>
    public sealed record Change(string Entity, string? EntityId, string Kind, int? Version, long? DealId, long? ByUserId, string Actor, DateTimeOffset At, long? ImportId = null);
}
