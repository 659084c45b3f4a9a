using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Logging;

namespace DealPipeline.Infrastructure;

/// <summary>
/// Applies the numbered migration scripts of the configured provider (embedded
/// <c>Migrations/&lt;Provider&gt;/NNNN_name.sql</c>) that the database has not seen, each in its own
/// transaction, and records them in <c>schema_version</c>. Running it again changes nothing.
/// </summary>
public sealed class Migrator(Database database, ILogger<Migrator> logger)
{
    public sealed record Script(int Version, string Name, string Sql);

    public static IReadOnlyList<Script> ScriptsFor(SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"{assembly.GetName().Name}.Migrations.{dialect.MigrationFolder}.";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name =>
            {
                var file = name[prefix.Length..^".sql".Length];
                var version = int.Parse(file[..file.IndexOf('_', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
                return new Script(version, file, Read(assembly, name));
            })
            .OrderBy(script => script.Version)
            .ToList();
    }

    /// <summary>
    /// Applies what is missing and checks what was applied; returns how many scripts it applied.
    /// Instances starting together migrate once: on a server database they queue on a lock held
    /// across the scripts (<see cref="SqlDialect.MigrationLock"/>); on SQLite each script's check
    /// and application are one IMMEDIATE transaction, which another process waits for. A script
    /// whose text changed after it was applied (its SHA-256 recorded in <c>schema_version</c>), or
    /// a version this build does not have, stops the start with an error naming it.
    /// </summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var dialect = database.Dialect;
        await using var session = new DbSession(database);
        if (dialect.Provider == DatabaseProvider.Sqlite)
        {
            // Persistent on the file: readers never block the writer, nor the writer readers.
            await session.ExecuteAsync("PRAGMA journal_mode = WAL;", null, cancellationToken);
        }

        var migrationLock = dialect.MigrationLock;
        if (migrationLock is { } taken)
        {
            await session.ExecuteAsync(taken.Take, null, cancellationToken);
        }

        try
        {
            await session.ExecuteAsync(dialect.CreateSchemaVersionTable, null, cancellationToken);
            var scripts = ScriptsFor(dialect);
            var applied = 0;
            foreach (var script in scripts)
            {
                if (await ApplyAsync(session, script, cancellationToken))
                {
                    applied++;
                }
            }

            await VerifyAsync(session, scripts, cancellationToken);
            return applied;
        }
        finally
        {
            if (migrationLock is { } held)
            {
                await session.ExecuteAsync(held.Release, null, CancellationToken.None);
            }
        }
    }

    /// <summary>The SHA-256 of a script's text with \n line ends, in lower-case hex.</summary>
    public static string Checksum(string sql) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes((sql ?? "").ReplaceLineEndings("\n"))));

    private async Task<bool> ApplyAsync(DbSession session, Script script, CancellationToken cancellationToken)
    {
        await session.BeginAsync(cancellationToken);
        try
        {
            if (await session.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_version WHERE version = @Version", new { script.Version }, cancellationToken) > 0)
            {
                await session.RollbackAsync();
                return false;
            }

            Log.ApplyingMigration(logger, script.Name);
            await session.ExecuteAsync(script.Sql, null, cancellationToken);
            await session.ExecuteAsync(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @At)",
                new { script.Version, script.Name, At = DateTimeOffset.UtcNow },
                cancellationToken);
            await session.CommitAsync(cancellationToken);
            return true;
        }
        catch
        {
            await session.RollbackAsync();
            throw;
        }
    }

    /// <summary>Records the checksum of scripts applied before checksums were kept; refuses a changed or unknown script.</summary>
    private static async Task VerifyAsync(DbSession session, IReadOnlyList<Script> scripts, CancellationToken cancellationToken)
    {
        var known = scripts.ToDictionary(s => s.Version);
        foreach (var row in await session.QueryAsync<AppliedRow>("SELECT version, name, checksum FROM schema_version ORDER BY version", null, cancellationToken))
        {
            if (!known.TryGetValue(row.Version, out var script))
            {
                throw new InvalidOperationException(
                    $"The database has migration {row.Name} applied, which this build does not have: it was migrated by a newer version of DealPipeline. Run that version, or restore a backup taken before it.");
            }

            var checksum = Checksum(script.Sql);
            if (row.Checksum is null)
            {
                await session.ExecuteAsync("UPDATE schema_version SET checksum = @checksum WHERE version = @version", new { checksum, version = row.Version }, cancellationToken);
            }
            else if (!string.Equals(row.Checksum.Trim(), checksum, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"Migration {script.Name} was changed after it was applied to this database (recorded SHA-256 {row.Checksum.Trim()}, now {checksum}). " +
                    "Put the script back as it was and add the change as a new numbered script.");
            }
        }
    }

    private sealed class AppliedRow
    {
        public int Version { get; init; }

        public string Name { get; init; } = "";

        public string? Checksum { get; init; }
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Missing migration resource {resource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
