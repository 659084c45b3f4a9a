using Dapper;
using Microsoft.Data.Sqlite;

namespace DealPipeline.Infrastructure;

/// <summary>
/// Online backup and offline restore of the embedded SQLite database. A backup is SQLite's
/// <c>VACUUM INTO</c>: one read transaction that writes a consistent, compacted copy while the
/// service keeps writing (WAL readers never block the writer); it holds every write committed
/// before it began. A restore replaces the database file, and only when no service has it open:
/// each running service holds a shared lock on <c>&lt;database&gt;.instance</c>, which a restore
/// asks for exclusively. SQL Server and PostgreSQL have their own backup tools (see the README).
/// </summary>
public static class Backups
{
    public static async Task<long> BackupAsync(Database database, string file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        RequireSqlite(database.Dialect);
        var target = Path.GetFullPath(file);
        if (File.Exists(target))
        {
            throw new IOException($"{target} exists already; a backup never overwrites a file.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("VACUUM INTO @target", new { target }, cancellationToken: cancellationToken));
        return new FileInfo(target).Length;
    }

    /// <summary>Replaces the database with a backup, after checking that no service has it open and that this version knows the backup's schema.</summary>
    public static async Task RestoreAsync(Database database, string file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        RequireSqlite(database.Dialect);
        var source = Path.GetFullPath(file);
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"There is no backup at {source}.", source);
        }

        var target = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        var latest = Migrator.ScriptsFor(database.Dialect).Max(s => s.Version);
        await using (var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            await backup.OpenAsync(cancellationToken);
            if (await backup.ExecuteScalarAsync<string>("PRAGMA integrity_check") != "ok")
            {
                throw new InvalidDataException($"{source} fails SQLite's integrity check.");
            }

            var version = await backup.ExecuteScalarAsync<long?>("SELECT MAX(version) FROM schema_version");
            if (version is null || version > latest)
            {
                throw new InvalidDataException($"{source} has schema version {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}; this version of the service knows up to {latest}.");
            }
        }

        using (ExclusiveUse(target))
        {
            SqliteConnection.ClearAllPools();
            File.Copy(source, target, overwrite: true);
            File.Delete(target + "-wal");
            File.Delete(target + "-shm");
        }
    }

    /// <summary>Held by a running service: shared, so that several instances may run, and exclusive for a restore.</summary>
    public static FileStream InstanceLock(Database database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return Lock(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource, FileShare.ReadWrite);
    }

    private static FileStream ExclusiveUse(string databaseFile)
    {
        try
        {
            return Lock(databaseFile, FileShare.None);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"A service is running on {databaseFile}: stop it before restoring.", e);
        }
    }

    private static FileStream Lock(string databaseFile, FileShare share) =>
        new(Path.GetFullPath(databaseFile) + ".instance", FileMode.OpenOrCreate, FileAccess.ReadWrite, share);

    private static void RequireSqlite(SqlDialect dialect)
    {
        if (dialect.Provider != DatabaseProvider.Sqlite)
        {
            throw new NotSupportedException("Backup and restore here are for the embedded SQLite database; use the database server's own tools (see the README).");
        }
    }
}
