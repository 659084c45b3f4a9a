using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;

namespace DealPipeline.Infrastructure;

/// <summary>Opens connections to the configured database, set up the way DealPipeline needs them.</summary>
public sealed class Database : IDisposable
{
    /// <summary>
    /// SQLite's page cache per connection, in KiB. The cache is per connection and a pooled
    /// connection keeps it, so the process holds up to this much for every connection it has ever
    /// needed at once: 32 MiB each grew a process to 1 GB under 32 concurrent readers. Pages that
    /// miss it are read from the operating system's page cache, which every connection shares and
    /// the kernel gives back under pressure; measured over 100,000 deals, 2 MiB answers the reports
    /// as fast as 8 MiB did, and a 256 MiB memory map counted the whole file into the process.
    /// </summary>
    public const int CacheKiB = 2048;

    /// <summary>The size the WAL file is cut back to after a checkpoint (it grows while readers hold old snapshots).</summary>
    public const long JournalSizeLimitBytes = 64L * 1024 * 1024;

    private static readonly string SqliteSetup =
        $"PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA cache_size = -{CacheKiB}; PRAGMA journal_size_limit = {JournalSizeLimitBytes};";

    /// <summary>The physical SQLite connections already set up: a pooled connection keeps its settings, so they run once per physical connection.</summary>
    private readonly ConditionalWeakTable<object, object> _setUp = [];

    public Database(DatabaseOptions options)
        : this(options, SqlDialect.For((options ?? throw new ArgumentNullException(nameof(options))).Provider))
    {
    }

    public Database(DatabaseOptions options, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(options);
        TypeHandlers.Register();
        Dialect = dialect;
        ConnectionString = options.ResolveConnectionString();
        ReadConnectionString = string.IsNullOrWhiteSpace(options.ReadConnectionString) ? ConnectionString : options.ReadConnectionString;
        if (Dialect.Provider == DatabaseProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(ConnectionString);
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory) && builder.Mode != SqliteOpenMode.Memory)
            {
                Directory.CreateDirectory(directory);
            }

            Groups = new GroupCommit(ct => OpenAsync(replica: false, ct), Dialect, options.GroupCommitMaxWrites);
        }
    }

    /// <summary>
    /// SQLite has one writer at a time: writers of this process queue here, never in the driver's busy
    /// loop (which sleeps in 150 ms steps), and share commits. Null for a server database, which takes
    /// its own locks.
    /// </summary>
    public GroupCommit? Groups { get; }

    public SqlDialect Dialect { get; }

    public string ConnectionString { get; }

    /// <summary>Where reports and exports read (Database:ReadConnectionString; the primary unless set).</summary>
    public string ReadConnectionString { get; }

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => OpenAsync(replica: false, cancellationToken);

    /// <summary>A connection to the primary, or to the read replica for a read that may lag a little.</summary>
    public async Task<DbConnection> OpenAsync(bool replica, CancellationToken cancellationToken)
    {
        var connection = Dialect.CreateConnection(replica ? ReadConnectionString : ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection is SqliteConnection { Handle: { } handle } && !_setUp.TryGetValue(handle, out _))
            {
                // journal_mode=WAL is set once, on the file, by the migrator.
                await connection.ExecuteAsync(SqliteSetup);
                _setUp.AddOrUpdate(handle, handle);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Answers the schema version, read on a connection opened now: for SQLite a new, unpooled
    /// connection that may not create the file, so that a database file gone from its path
    /// (an unmounted volume, a deleted file) reads as unreachable even while pooled connections
    /// still hold the old one open, and is never silently recreated empty.
    /// </summary>
    public async Task<long?> ProbeAsync(CancellationToken cancellationToken)
    {
        const string sql = "SELECT MAX(version) FROM schema_version";
        if (Dialect.Provider != DatabaseProvider.Sqlite)
        {
            await using var session = new DbSession(this);
            return await session.ExecuteScalarAsync<long?>(sql, null, cancellationToken);
        }

        var builder = new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false };
        if (builder.Mode == SqliteOpenMode.ReadWriteCreate)
        {
            builder.Mode = SqliteOpenMode.ReadWrite;
        }

        await using var probe = new SqliteConnection(builder.ToString());
        await probe.OpenAsync(cancellationToken);
        return await probe.ExecuteScalarAsync<long?>(new CommandDefinition(sql, cancellationToken: cancellationToken));
    }

    /// <summary>Runs a short write of its own, in its own transaction, outside any request's unit of work.</summary>
    public async Task WriteAsync(Func<DbSession, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await using var session = new DbSession(this);
        await session.BeginAsync(cancellationToken);
        await write(session, cancellationToken);
        await session.CommitAsync(cancellationToken);
    }

    public void Dispose() => Groups?.Dispose();
}
