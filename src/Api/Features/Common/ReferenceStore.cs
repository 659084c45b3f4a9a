namespace DealPipeline.Api.Features.Common;

/// <summary>
/// Rows that carry a version (reference data, chains, rules, criteria sets, webhooks): read one by id, and write a
/// correction only if nobody changed the row meanwhile. The one place their UPDATE is written.
/// </summary>
public sealed class ReferenceStore(DbSession session)
{
    /// <summary>The row with this id, or a 404 naming the resource.</summary>
    public async Task<T> GetAsync<T>(string selectFrom, long id, string resource, CancellationToken cancellationToken) =>
        await session.QuerySingleOrDefaultAsync<T>($"{selectFrom} WHERE id = @id", new { id }, cancellationToken)
        ?? throw ProblemException.NotFound(resource, id);

    /// <summary>Writes the corrected row if nobody changed it meanwhile (412 otherwise); a name taken by another row is a 409.</summary>
    public async Task UpdateAsync(string table, string set, IVersioned current, object fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var args = new Dapper.DynamicParameters(fields);
        args.Add("id", current.Id);
        args.Add("version", current.Version);
        var updated = await session.ExecuteAsync($"UPDATE {table} SET {set}, version = version + 1 WHERE id = @id AND version = @version", args, cancellationToken);
        if (updated == 0)
        {
            throw ProblemException.PreconditionFailed(current.Version + 1);
        }
    }

    /// <summary>Adds a row and answers its id: the INSERT of reference data (parks, teams, companies …), which has no rules beyond its validator and a unique name.</summary>
    public Task<long> InsertAsync(string table, string columns, string values, object args, CancellationToken cancellationToken) =>
        session.QuerySingleAsync<long>(session.Dialect.InsertReturningId(table, columns, values), args, cancellationToken);

    /// <summary>Whether another row of <paramref name="table"/> has <paramref name="column"/> equal to <paramref name="value"/> (a unique name or code).</summary>
    public async Task<bool> TakenAsync(string table, string column, object value, long? exceptId, CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE {column} = @value AND id <> @id", new { value, id = exceptId ?? 0 }, cancellationToken) > 0;
}
