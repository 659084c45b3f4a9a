using System.CommandLine;

namespace DealPipeline.Api.Platform;

/// <summary>
/// The operator's verbs, run with the same configuration as a normal start instead of serving:
/// <c>backup FILE</c> and <c>restore FILE</c>, wherever they stand among the host's own arguments
/// (<c>--urls X backup f</c> backs up). <c>--help</c> lists them; a verb without its file is refused with
/// a clear message and exit code 1. Anything else the host reads as configuration and serves.
/// </summary>
public static class OperatorCommands
{
    /// <summary>Runs the verb the arguments ask for and answers its exit code; null when they ask to serve.</summary>
    public static async Task<int?> RunAsync(string[] args, WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var serve = false;
        var backupFile = new Argument<string>("file") { Description = "Where to write the copy." };
        var restoreFile = new Argument<string>("file") { Description = "The backup to restore." };
        var backup = new Command("backup", "Writes a consistent copy of the embedded SQLite database (its schema brought up to date first), also while the service runs.") { backupFile };
        var restore = new Command("restore", "Replaces the embedded SQLite database with a backup; refused while the service runs on it.") { restoreFile };
        var root = new RootCommand("DealPipeline: serves the API (host arguments such as --urls and --Section:Key=value are configuration), or runs an operator verb.")
        {
            backup,
            restore,
        };
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(_ => serve = true);
        backup.SetAction((result, ct) => RunVerbAsync("backup", async () =>
        {
            var file = result.GetValue(backupFile)!;
            await app.Services.GetRequiredService<Migrator>().MigrateAsync(ct);
            var bytes = await Backups.BackupAsync(app.Services.GetRequiredService<Database>(), file, ct);
            Console.WriteLine($"backup written to {Path.GetFullPath(file)} ({bytes:N0} bytes)");
        }));
        restore.SetAction((result, ct) => RunVerbAsync("restore", async () =>
        {
            var file = result.GetValue(restoreFile)!;
            await Backups.RestoreAsync(app.Services.GetRequiredService<Database>(), file, ct);
            Console.WriteLine($"restored {Path.GetFullPath(file)}; start the service to bring its schema up to date");
        }));

        var exit = await root.Parse(args).InvokeAsync();
        return serve ? null : exit;
    }

    private static async Task<int> RunVerbAsync(string verb, Func<Task> run)
    {
        try
        {
            await run();
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or InvalidDataException or NotSupportedException)
        {
            await Console.Error.WriteLineAsync($"{verb} failed: {e.Message}");
            return 1;
        }
    }
}
