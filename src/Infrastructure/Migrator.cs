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

    /// <summary>Applies what is missing; returns how many scripts it applied.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var dialect = database.Dialect;
        await using var session = new DbSession(database);
        if (dialect.Provider == DatabaseProvider.Sqlite)
        {
            // Persistent on the file: readers never block the writer, nor the writer readers.
            await session.ExecuteAsync("PRAGMA journal_mode = WAL;", null, cancellationToken);
        }

        await session.ExecuteAsync(dialect.CreateSchemaVersionTable, null, cancellationToken);
        var applied = 0;
        foreach (var script in ScriptsFor(dialect))
        {
            await session.BeginAsync(cancellationToken);
            try
            {
                if (await session.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_version WHERE version = @Version", new { script.Version }, cancellationToken) > 0)
                {
                    await session.RollbackAsync();
                    continue;
                }

                Log.ApplyingMigration(logger, script.Name);
                await session.ExecuteAsync(script.Sql, null, cancellationToken);
                await session.ExecuteAsync(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @At)",
                    new { script.Version, script.Name, At = DateTimeOffset.UtcNow },
                    cancellationToken);
                await session.CommitAsync(cancellationToken);
                applied++;
            }
            catch
            {
                await session.RollbackAsync();
                throw;
            }
        }

        return applied;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Missing migration resource {resource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
