using Dapper;
using DealPipeline.Api.Http;

namespace DealPipeline.Api.Features.Common;

/// <summary>
/// A deal's dated records (activities, funds in place) listed newest first: by business date, then
/// by recording order, with a keyset cursor on the two.
/// </summary>
public static class NewestFirst
{
    public const string Sort = "-on";

    /// <summary>The rows of one deal after the request's cursor, at most limit+1 of them, in the list's order.</summary>
    public static string Select(DbSqlParts sql, Cursors cursors, string? cursor, long dealId, int limit, DynamicParameters args)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(cursors);
        ArgumentNullException.ThrowIfNull(args);
        args.Add("dealId", dealId);
        args.Add("take", limit + 1);
        var where = $"{sql.Alias}deal_id = @dealId";
        if (cursors.Read(cursor, Sort) is { } after)
        {
            where += $" AND ({sql.Alias}on_date < @afterOn OR ({sql.Alias}on_date = @afterOn AND {sql.Alias}id < @afterId))";
            args.Add("afterOn", after.Day);
            args.Add("afterId", after.Id);
        }

        return sql.Dialect.Limit($"SELECT {sql.Columns} FROM {sql.From} WHERE {where}", $"{sql.Alias}on_date DESC, {sql.Alias}id DESC");
    }

    /// <summary>The page of rows read with <see cref="Select"/>.</summary>
    public static Page<T> Page<T>(Cursors cursors, IReadOnlyList<T> rows, int limit, Func<T, (DateOnly On, long Id)> key)
    {
        ArgumentNullException.ThrowIfNull(cursors);
        ArgumentNullException.ThrowIfNull(key);
        return cursors.Page(rows, limit, row => Cursor.AtDay(Sort, key(row).On, key(row).Id));
    }
}

/// <summary>What <see cref="NewestFirst"/> reads: the columns, the table (with its joins), the alias of the dated table ("f." or "").</summary>
public sealed record DbSqlParts(Infrastructure.SqlDialect Dialect, string Columns, string From, string Alias);
