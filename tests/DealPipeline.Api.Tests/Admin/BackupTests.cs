using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace DealPipeline.Api.Tests;

/// <summary>An online backup under write load holds every write acknowledged before it began; a restore waits for the service to stop.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly TempFolder _folder = new("backup");

    [Fact]
    public async Task A_backup_taken_while_eight_writers_write_is_whole_and_a_restore_refuses_a_running_service()
    {
        var file = _folder.File("live.db");
        var acknowledged = new ConcurrentBag<long>();
        string backup;
        long[] before;
        using (var service = await ServiceProcess.StartAsync(file, new Dictionary<string, string> { ["Backup:Directory"] = _folder.File("backups") }))
        {
            using var admin = service.Client();
            async Task<long> Create(string path, object body) =>
                (await (await admin.PostAsJsonAsync(path, body)).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();
            var deal = new
            {
                name = "备份期间的项目",
                companyId = await Create("/api/v1/companies", new { name = "备份测试企业", country = "CN" }),
                parkId = await Create("/api/v1/parks", new { name = "备份测试园区", city = "北京" }),
                sectorId = await Create("/api/v1/sectors", new { name = "生物医药" }),
                ownerId = await Create("/api/v1/users", new { name = "王磊", role = "officer" }),
                intendedInvestment = 1000,
            };

            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                using var client = service.Client();
                while (!stop.IsCancellationRequested)
                {
                    var response = await client.PostAsJsonAsync("/api/v1/deals", deal);
                    acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>());
                }
            })).ToList();

            // Until the writers have written enough (a fixed wait fails on a busy machine), but not forever.
            for (var waited = 0; acknowledged.Count <= 60 && waited < 30_000; waited += 50)
            {
                await Task.Delay(50);
            }

            before = [.. acknowledged];
            var taken = await admin.PostAsync(new Uri("/api/v1/admin/backup", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
            backup = (await taken.Content.ReadFromJsonAsync<JsonObject>())!["file"]!.GetValue<string>();
            await Task.Delay(500);
            await stop.CancelAsync();
            await Task.WhenAll(writers);

            // The service is running: its database is not replaced under it.
            var refused = await Verb("restore", backup, file);
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("running", refused.Output, StringComparison.Ordinal);
        }

        Assert.True(before.Length > 50, $"only {before.Length} writes before the backup");
        await using (var copy = new SqliteConnection($"Data Source={backup};Pooling=False"))
        {
            await copy.OpenAsync();
            Assert.Equal("ok", await copy.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
            var inBackup = (await copy.QueryAsync<long>("SELECT id FROM deals")).ToHashSet();
            Assert.All(before, id => Assert.Contains(id, inBackup));
            Assert.True(inBackup.Count < acknowledged.Count, "the writers went on after the backup");
        }

        // Stopped, it is restored, and started again on the restored data.
        Assert.Equal(0, (await Verb("restore", backup, file)).ExitCode);
        using var restored = await ServiceProcess.StartAsync(file);
        using var reader = restored.Client();
        var ids = new List<long>();
        string? next = "/api/v1/deals?limit=500";
        while (next is not null)
        {
            var page = await reader.GetFromJsonAsync<JsonObject>(new Uri(next, UriKind.RelativeOrAbsolute));
            ids.AddRange(page!["items"]!.AsArray().Select(d => d!["id"]!.GetValue<long>()));
            next = page["next"]?.GetValue<string>();
        }

        Assert.All(before, id => Assert.Contains(id, ids));
        Assert.True(ids.Count < acknowledged.Count);
    }

    /// <summary>Runs the service's command-line verb against a database file, as an operator would.</summary>
    private static async Task<(int ExitCode, string Output)> Verb(string verb, string argument, string databaseFile)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "DealPipeline.Api.dll")}\" {verb} \"{argument}\"")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__ConnectionString"] = $"Data Source={databaseFile}";
        start.Environment["Demo__Seed"] = "false";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    public void Dispose() => _folder.Dispose();
}
