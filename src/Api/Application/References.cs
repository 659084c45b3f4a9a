namespace DealPipeline.Api.Application;

/// <summary>Whether the ids a request points at exist: a missing one is the caller's error (400 on that field).</summary>
public static class References
{
    public static async Task<bool> ExistsAsync(DbSession session, string table, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE id = @id", new { id }, cancellationToken) > 0;
    }

    /// <summary>A sector and the sectors above it, nearest first (empty for none): what "a sector or one under it" is checked against.</summary>
    public static async Task<IReadOnlyList<long>> SectorLineAsync(DbSession session, long? sectorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var line = new List<long>();
        for (var sector = sectorId; sector is { } id && !line.Contains(id);)
        {
            line.Add(id);
            sector = await session.ExecuteScalarAsync<long?>("SELECT parent_id FROM sectors WHERE id = @id", new { id }, cancellationToken);
        }

        return line;
    }

    /// <summary>A 400 on <paramref name="field"/> unless the row exists (nothing to check for a null id).</summary>
    public static async Task RequireAsync(DbSession session, string table, long? id, string field, string what, CancellationToken cancellationToken)
    {
        if (id is { } value && !await ExistsAsync(session, table, value, cancellationToken))
        {
            throw ProblemException.Invalid(field, ProblemTexts.NoSuch.With(("what", what), ("id", value)));
        }
    }

    /// <summary>
    /// What is wrong with pointing something new at company <paramref name="id"/>: nothing (null) for a company on file,
    /// "no such company", or, for one merged into another, which company to use instead.
    /// </summary>
    public static async Task<Message?> CompanyRefusalAsync(DbSession session, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var row = await session.QuerySingleOrDefaultAsync<CompanyState>("SELECT id, merged_into_id, merged_at FROM companies WHERE id = @id", new { id }, cancellationToken);
        return row is null ? ProblemTexts.NoSuch.With(("what", "company"), ("id", id)) : row.Refusal;
    }

    /// <summary>Whether a company was merged into another, and the refusal that names the survivor if so.</summary>
    public sealed record CompanyState
    {
        public long Id { get; init; }

        public long? MergedIntoId { get; init; }

        public DateTimeOffset? MergedAt { get; init; }

        public Message? Refusal => MergedIntoId is { } survivor
            ? ProblemTexts.CompanyMergedInto.With(("id", Id), ("survivorId", survivor), ("on", ChinaTime.DateOf(MergedAt!.Value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            : null;
    }
}
