using Dapper;

namespace DealPipeline.Api.Features.Common;

/// <summary>
/// A deal's dated records (activities, funds in place) listed newest first: by business date, then
/// by recording order, with a keyset cursor on the two.
/// </summary>
public sealed class NewestFirst(DbSession session, Cursors cursors)
{
    public const string Sort = "-on";

    /// <summary>
    /// The page of one deal's rows after the request's cursor: <paramref name="columns"/> read from <paramref name="from"/>
    /// (with its joins), whose dated table has the alias <paramref name="alias"/> ("f." or "").
    /// </summary>
    public async Task<Page<T>> PageAsync<T>(string columns, string from, string alias, long dealId, IPagedRequest request, Func<T, (DateOnly On, long Id)> key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(key);
        var args = new DynamicParameters();
        args.Add("dealId", dealId);
        args.Add("take", request.Limit + 1);
        var where = $"{alias}deal_id = @dealId";
        if (cursors.Read(request.Cursor, Sort) is { } after)
        {
            where += $" AND ({alias}on_date < @afterOn OR ({alias}on_date = @afterOn AND {alias}id < @afterId))";
            args.Add("afterOn", after.Day);
            args.Add("afterId", after.Id);
        }

        var sql = session.Dialect.Limit($"SELECT {columns} FROM {from} WHERE {where}", $"{alias}on_date DESC, {alias}id DESC");
        var rows = (await session.QueryAsync<T>(sql, args, cancellationToken)).ToList();
        return cursors.Page(rows, request.Limit, row => Cursor.AtDay(Sort, key(row).On, key(row).Id));
    }
}
