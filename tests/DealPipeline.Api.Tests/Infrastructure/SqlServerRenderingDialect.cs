using System.Collections.Concurrent;
using System.Data.Common;

namespace DealPipeline.Api.Tests.Infrastructure;

/// <summary>
/// Runs on SQLite like the real SQLite dialect, and records, for every statement the service
/// runs, the statement it would have run on SQL Server: the provider-neutral SQL as it is, and
/// the dialect's own statements (inserts returning ids, limits, the schema-version table) as the
/// real <see cref="SqlServerDialect"/> writes them. A test then parses them all with the T-SQL parser.
/// </summary>
public sealed class SqlServerRenderingDialect : SqlDialect
{
    private static readonly HashSet<string> SqliteMigrations = Migrator.ScriptsFor(new SqliteDialect()).Select(s => s.Sql).ToHashSet(StringComparer.Ordinal);

    private readonly SqliteDialect _sqlite = new();
    private readonly SqlServerDialect _sqlServer = new();
    private readonly ConcurrentDictionary<string, string> _rendered = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, byte> SqlServerStatements { get; } = new(StringComparer.Ordinal);

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string MigrationFolder => _sqlite.MigrationFolder;

    public override string CreateSchemaVersionTable => Render(_sqlite.CreateSchemaVersionTable, _sqlServer.CreateSchemaVersionTable);

    public override string InsertReturningId(string table, string columns, string values, string key = "id") =>
        Render(_sqlite.InsertReturningId(table, columns, values, key), _sqlServer.InsertReturningId(table, columns, values, key == _sqlite.ChangeKey ? _sqlServer.ChangeKey : key));

    public override string ChangeKey => _sqlite.ChangeKey;

    public override string Limit(string selectFromWhere, string orderBy) =>
        Render(_sqlite.Limit(selectFromWhere, orderBy), _sqlServer.Limit(selectFromWhere, orderBy));

    public override string InOrder(string query, string orderBy) => Render(_sqlite.InOrder(query, orderBy), _sqlServer.InOrder(query, orderBy));

    public override string DaysBetween(string first, string last) => Render(_sqlite.DaysBetween(first, last), _sqlServer.DaysBetween(first, last));

    public override string ChangeSequence(string table) => Render(_sqlite.ChangeSequence(table), _sqlServer.ChangeSequence(table));

    public override string CommittedChange(string table) => Render(_sqlite.CommittedChange(table), _sqlServer.CommittedChange(table));

    public override DbConnection CreateConnection(string connectionString) => _sqlite.CreateConnection(connectionString);

    public override bool IsTransient(Exception exception) => _sqlite.IsTransient(exception);

    public override bool IsUniqueViolation(Exception exception) => _sqlite.IsUniqueViolation(exception);

    public override void OnExecuting(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);

        // SQLite's own settings and schema scripts have SQL Server counterparts checked on their own.
        if (sql.StartsWith("PRAGMA", StringComparison.Ordinal) || SqliteMigrations.Contains(sql))
        {
            return;
        }

        if (!_rendered.TryGetValue(sql, out var sqlServer))
        {
            // Fragments (a date difference) inside a larger statement.
            sqlServer = _rendered.OrderByDescending(r => r.Key.Length).Aggregate(sql, (text, r) => text.Replace(r.Key, r.Value, StringComparison.Ordinal));
        }

        SqlServerStatements.TryAdd(sqlServer, 0);
    }

    private string Render(string sqlite, string sqlServer)
    {
        _rendered[sqlite] = sqlServer;
        return sqlite;
    }
}
