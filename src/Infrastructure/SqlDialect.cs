using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace DealPipeline.Infrastructure;

/// <summary>
/// The few places where the SQL of SQLite, SQL Server and PostgreSQL really differs. Everything else is one
/// SQL text for all three.
/// </summary>
public abstract class SqlDialect
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>Folder of the embedded migration scripts.</summary>
    public abstract string MigrationFolder { get; }

    /// <summary>An INSERT that returns the new row's key column (<c>id</c> unless named) as its single result.</summary>
    public abstract string InsertReturningId(string table, string columns, string values, string key = "id");

    /// <summary>
    /// <paramref name="expression"/> is one of the list parameter <paramref name="parameter"/>:
    /// Dapper expands <c>IN @list</c> into one parameter per item, except on PostgreSQL, where it
    /// passes the list as one array parameter, matched with <c>= ANY(@list)</c>.
    /// </summary>
    public virtual string InList(string expression, string parameter) => $"{expression} IN @{parameter}";

    /// <summary>
    /// Statements that take and release a lock held by one connection across the migration's
    /// transactions, so that instances starting together migrate once (null: none needed).
    /// </summary>
    public virtual (string Take, string Release)? MigrationLock => null;

    /// <summary>
    /// The operator of a text search that ignores case as SQLite's LIKE (ASCII) and SQL Server's
    /// default collation do; PostgreSQL's LIKE is case-sensitive, its ILIKE is not.
    /// </summary>
    public virtual string CaseInsensitiveLike => "LIKE";

    /// <summary>
    /// A statement run in a writing transaction just before its change-feed row is written (null: none).
    /// Where sequence numbers can commit out of order and the database offers no committed-only
    /// horizon, it serialises the tail of writing transactions so that numbers commit in order.
    /// </summary>
    public virtual string? BeforeChangeRecorded => null;

    /// <summary>The key column of <c>changes</c>: a change's identity (its feed order is <see cref="ChangeSequence"/>).</summary>
    public abstract string ChangeKey { get; }

    /// <summary>A query limited to its first <c>@take</c> rows; <paramref name="orderBy"/> is required by SQL Server.</summary>
    public abstract string Limit(string selectFromWhere, string orderBy);

    /// <summary>
    /// A derived table of <paramref name="query"/> whose rows a window or a grouping outside it should meet in the order of
    /// <paramref name="orderBy"/>, where the database keeps that order (SQLite); elsewhere the plain derived table (SQL
    /// Server allows no ORDER BY there; PostgreSQL plans the order itself).
    /// </summary>
    public virtual string InOrder(string query, string orderBy) => $"({query})";

    /// <summary>Whole days from one date expression to another.</summary>
    public abstract string DaysBetween(string first, string last);

    /// <summary>The change feed's sequence of row alias <paramref name="table"/> of <c>changes</c>, a BIGINT that grows in commit order.</summary>
    public abstract string ChangeSequence(string table);

    /// <summary>The condition that keeps only changes no open transaction can still be committed beneath.</summary>
    public abstract string CommittedChange(string table);

    /// <summary>A LIKE pattern matching <paramref name="text"/> anywhere, with its wildcards escaped by '\'.</summary>
    public static string Contains(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal) + "%";
    }

    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>Creates the table that records applied migrations, unless it exists.</summary>
    public abstract string CreateSchemaVersionTable { get; }

    /// <summary>Called with every statement a <see cref="DbSession"/> is about to run (a seam for tests that check the SQL).</summary>
    public virtual void OnExecuting(string sql)
    {
    }

    /// <summary>Whether a failure is transient: worth retrying the whole unit of work after a pause.</summary>
    public abstract bool IsTransient(Exception exception);

    /// <summary>Whether a failure is a unique-key violation.</summary>
    public abstract bool IsUniqueViolation(Exception exception);

    public static SqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteDialect(),
        DatabaseProvider.SqlServer => new SqlServerDialect(),
        DatabaseProvider.Postgres => new PostgresDialect(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}

public sealed class SqliteDialect : SqlDialect
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string MigrationFolder => "Sqlite";

    public override string InsertReturningId(string table, string columns, string values, string key = "id") =>
        $"INSERT INTO {table} ({columns}) VALUES ({values}) RETURNING {key};";

    public override string ChangeKey => "sequence";

    public override string Limit(string selectFromWhere, string orderBy) =>
        $"{selectFromWhere} ORDER BY {orderBy} LIMIT @take";

    public override string InOrder(string query, string orderBy) => $"({query} ORDER BY {orderBy})";

    public override string DaysBetween(string first, string last) => $"CAST(julianday({last}) - julianday({first}) AS INTEGER)";

    public override string ChangeSequence(string table) => $"{table}.sequence";

    /// <summary>One writer at a time: whatever a reader sees committed, nothing can be committed beneath it later.</summary>
    public override string CommittedChange(string table) => $"{table}.sequence IS NOT NULL";

    public override DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    public override string CreateSchemaVersionTable =>
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);";

    public override bool IsTransient(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } or WriteGroupAbortedException;

    public override bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint } e
        && e.Message.Contains("UNIQUE", StringComparison.Ordinal);
}

public sealed class SqlServerDialect : SqlDialect
{
    /// <summary>
    /// SQL Server error numbers that a retry can cure: deadlock victim, lock timeout, the
    /// database or service busy or failing over (Azure SQL's documented transient set).
    /// </summary>
    private static readonly HashSet<int> TransientNumbers =
    [
        1205, 1222, -2, 49918, 49919, 49920, 4060, 4221, 40143, 40197, 40501, 40540, 40613, 10928, 10929, 10053, 10054, 10060, 233, 64,
    ];

    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public override string MigrationFolder => "SqlServer";

    public override string InsertReturningId(string table, string columns, string values, string key = "id") =>
        $"INSERT INTO {table} ({columns}) OUTPUT INSERTED.{key} VALUES ({values});";

    public override string ChangeKey => "id";

    public override (string Take, string Release)? MigrationLock =>
        ("DECLARE @result INT; EXEC @result = sp_getapplock @Resource = N'dealpipeline-migrations', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = 120000; IF @result < 0 THROW 50000, 'Timed out waiting for another instance to finish migrating.', 1;",
         "EXEC sp_releaseapplock @Resource = N'dealpipeline-migrations', @LockOwner = N'Session';");

    public override string Limit(string selectFromWhere, string orderBy) =>
        $"{selectFromWhere} ORDER BY {orderBy} OFFSET 0 ROWS FETCH NEXT @take ROWS ONLY";

    public override string DaysBetween(string first, string last) => $"DATEDIFF(day, {first}, {last})";

    public override string ChangeSequence(string table) => $"CAST({table}.row_version AS BIGINT)";

    public override string CommittedChange(string table) => $"{table}.row_version < MIN_ACTIVE_ROWVERSION()";

    public override DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    public override string CreateSchemaVersionTable =>
        "IF OBJECT_ID(N'schema_version', N'U') IS NULL CREATE TABLE schema_version (version INT NOT NULL CONSTRAINT pk_schema_version PRIMARY KEY, name NVARCHAR(200) NOT NULL, applied_at DATETIME2 NOT NULL);";

    public override bool IsTransient(Exception exception) =>
        exception is SqlException e && e.Errors.Cast<SqlError>().Any(error => TransientNumbers.Contains(error.Number));

    public override bool IsUniqueViolation(Exception exception) =>
        exception is SqlException { Number: 2601 or 2627 };
}

/// <summary>
/// PostgreSQL (and the databases that speak its protocol: openGauss, KingbaseES, HighGo), through
/// Npgsql: booleans are booleans, dates <c>date</c>, timestamps <c>timestamptz</c>, money
/// <c>bigint</c> minor units as everywhere.
/// </summary>
public sealed class PostgresDialect : SqlDialect
{
    /// <summary>
    /// The advisory lock that serialises writers from their change-feed row to their commit:
    /// identity values are handed out at insert time and transactions can commit out of that
    /// order, and PostgreSQL has no committed-only horizon like SQL Server's MIN_ACTIVE_ROWVERSION.
    /// Held until commit (a transaction-level lock), so numbers commit in the order they were taken.
    /// </summary>
    public const long ChangeFeedLock = 0x0DEA_1F1E_ED00_0001;

    /// <summary>SQLSTATEs a retry can cure: serialization failure, deadlock, lock not available, shutdown, connection failures.</summary>
    private static readonly HashSet<string> TransientStates = ["40001", "40P01", "55P03", "57P01", "57P02", "57P03", "53300", "08000", "08003", "08006", "08001", "08004"];

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string MigrationFolder => "Postgres";

    public override string InsertReturningId(string table, string columns, string values, string key = "id") =>
        $"INSERT INTO {table} ({columns}) VALUES ({values}) RETURNING {key};";

    public override string ChangeKey => "sequence";

    public override string CaseInsensitiveLike => "ILIKE";

    public override string InList(string expression, string parameter) => $"{expression} = ANY(@{parameter})";

    public override string? BeforeChangeRecorded => $"SELECT pg_advisory_xact_lock({ChangeFeedLock})";

    /// <summary>A session-level advisory lock: held by the migrating connection until released or disconnected.</summary>
    public const long MigrationLockKey = 0x0DEA_1F1E_ED00_0002;

    public override (string Take, string Release)? MigrationLock =>
        ($"SELECT pg_advisory_lock({MigrationLockKey})", $"SELECT pg_advisory_unlock({MigrationLockKey})");

    public override string Limit(string selectFromWhere, string orderBy) =>
        $"{selectFromWhere} ORDER BY {orderBy} LIMIT @take";

    public override string DaysBetween(string first, string last) => $"(CAST({last} AS date) - CAST({first} AS date))";

    public override string ChangeSequence(string table) => $"{table}.sequence";

    /// <summary>Numbers commit in order (see <see cref="ChangeFeedLock"/>): whatever a reader sees committed, nothing commits beneath it later.</summary>
    public override string CommittedChange(string table) => $"{table}.sequence IS NOT NULL";

    public override DbConnection CreateConnection(string connectionString) => new Npgsql.NpgsqlConnection(connectionString);

    public override string CreateSchemaVersionTable =>
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL);";

    public override bool IsTransient(Exception exception) => exception switch
    {
        Npgsql.PostgresException p => TransientStates.Contains(p.SqlState),
        Npgsql.NpgsqlException n => n.IsTransient,
        _ => false,
    };

    public override bool IsUniqueViolation(Exception exception) =>
        exception is Npgsql.PostgresException { SqlState: "23505" };
}
