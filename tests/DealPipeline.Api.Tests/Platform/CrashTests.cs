using System.Collections.Concurrent;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace DealPipeline.Api.Tests;

/// <summary>
/// The service killed with SIGKILL while eight writers write, several times over one SQLite file:
/// no acknowledged write is lost, the file passes integrity_check, every deal has its history,
/// and every Idempotency-Key whose answer was lost in the crash resolves on retry (applied once,
/// never "still being processed"). DEALPIPELINE_CRASH_ROUNDS runs more rounds.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private const int Writers = 8;
    private readonly TempFolder _folder = new("crash");

    [Fact]
    public async Task Killing_the_service_under_eight_writers_loses_no_acknowledged_write_and_strands_no_key()
    {
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("DEALPIPELINE_CRASH_ROUNDS"), out var r) ? r : 3;
        var file = _folder.File("crash.db");
        var acknowledged = new ConcurrentDictionary<string, long>();
        var unresolved = new ConcurrentDictionary<string, JsonObject>();
        JsonObject template;
        using (var first = await ServiceProcess.StartAsync(file))
        {
            using var admin = first.Client();
            template = await References(admin);
        }

        var random = new Random(20261122);
        for (var round = 0; round < rounds; round++)
        {
            using var service = await ServiceProcess.StartAsync(file);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                using var client = service.Client();
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var key = $"r{round}-w{w}-{i}";
                    var body = (JsonObject)template.DeepClone();
                    body["name"] = key;
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/deals") { Content = JsonContent.Create(body) };
                        request.Headers.Add("Idempotency-Key", key);
                        var response = await client.SendAsync(request);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged[key] = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();
                        }
                        else
                        {
                            unresolved[key] = body;
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        unresolved[key] = body;
                        return;
                    }
                }
            })).ToList();

            await Task.Delay(TimeSpan.FromMilliseconds(800 + random.Next(700)));
            service.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        Assert.NotEmpty(acknowledged);
        Assert.NotEmpty(unresolved);
        using var after = await ServiceProcess.StartAsync(file);
        using var check = after.Client();

        // Every key whose answer was lost resolves: its retry is answered 201, with the first answer if it had been applied.
        foreach (var (key, body) in unresolved)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/deals") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await check.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"retry of {key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        after.Kill();
        await using var db = new SqliteConnection($"Data Source={file};Pooling=False");
        await db.OpenAsync();
        Assert.Equal("ok", await db.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
        var deals = (await db.QueryAsync<(long Id, string Name)>("SELECT id, name FROM deals")).ToList();
        foreach (var (key, id) in acknowledged)
        {
            Assert.Contains((id, key), deals);
        }

        // Each request applied exactly once, acknowledged or retried.
        Assert.Equal(acknowledged.Count + unresolved.Count, deals.Count);
        Assert.Equal(deals.Count, deals.Select(d => d.Name).Distinct().Count());
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM deals d WHERE NOT EXISTS (SELECT 1 FROM deal_history h WHERE h.deal_id = d.id)"));
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM idempotency_keys WHERE status_code = 0"));
    }

    private static async Task<JsonObject> References(HttpClient admin)
    {
        async Task<long> Create(string path, object body)
        {
            var response = await admin.PostAsJsonAsync(path, body);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();
        }

        var park = await Create("/api/v1/parks", new { name = "崩溃测试园区", city = "北京" });
        var sector = await Create("/api/v1/sectors", new { name = "生物医药" });
        var company = await Create("/api/v1/companies", new { name = "崩溃测试企业", country = "CN" });
        var officer = await Create("/api/v1/users", new { name = "王磊", role = "officer" });
        return new JsonObject { ["companyId"] = company, ["parkId"] = park, ["sectorId"] = sector, ["ownerId"] = officer, ["intendedInvestment"] = 1000 };
    }

    public void Dispose() => _folder.Dispose();
}
