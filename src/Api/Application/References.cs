namespace DealPipeline.Api.Application;

/// <summary>Whether the ids a request points at exist: a missing one is the caller's error (400 on that field).</summary>
public static class References
{
    public static async Task<bool> ExistsAsync(DbSession session, string table, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE id = @id", new { id }, cancellationToken) > 0;
    }

    /// <summary>A 400 on <paramref name="field"/> unless the row exists (nothing to check for a null id).</summary>
    public static async Task RequireAsync(DbSession session, string table, long? id, string field, string what, CancellationToken cancellationToken)
    {
        if (id is { } value && !await ExistsAsync(session, table, value, cancellationToken))
        {
            throw ProblemException.Invalid(field, ProblemTexts.NoSuch.With(("what", what), ("id", value)));
        }
    }
}
