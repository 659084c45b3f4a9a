using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;
using Microsoft.Data.Sqlite;

namespace DealPipeline.Api.Features.Admin;

/// <summary>The <c>Backup</c> configuration section.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Where POST /api/v1/admin/backup writes; default: backups/ beside the database file.</summary>
    public string? Directory { get; set; }
}

/// <summary>A backup written on the server: where, how large, and when it was taken.</summary>
public sealed record BackupResponse(string File, long Bytes, DateTimeOffset At);

public sealed class AdminModule : IModule
{
    public void AddServices(IServiceCollection services) => services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section);

    public void MapEndpoints(RouteGroupBuilder api)
    {
        api.MapPost("/admin/backup", async (Database database, IClock clock, Microsoft.Extensions.Options.IOptions<BackupOptions> options, CancellationToken ct) =>
            {
                if (database.Dialect.Provider != DatabaseProvider.Sqlite)
                {
                    throw ProblemException.Conflict(ProblemTexts.ServiceBacksUpOnlyEmbeddedSQLite);
                }

                var at = clock.UtcNow;
                var folder = options.Value.Directory is { Length: > 0 } configured
                    ? configured
                    : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource))!, "backups");
                var file = Path.Combine(folder, $"dealpipeline-{at.UtcDateTime.ToString("yyyyMMdd-HHmmssfff", CultureInfo.InvariantCulture)}.db");
                var bytes = await Backups.BackupAsync(database, file, ct);
                return TypedResults.Ok(new BackupResponse(file, bytes, at));
            })
            .WithTags("Admin").Describe("Backup", Policies.Admin, "Writes a consistent copy of the SQLite database while the service keeps writing (VACUUM INTO), into Backup:Directory (default: backups/ beside the database).")
            .WithDescription("The copy holds every write committed before the backup began. Restore it with the service stopped: dotnet run --project src/Api -- restore <file>. On SQL Server, a 409: use the server's own backup tools.")
            .WithProblems(409);
    }
}
