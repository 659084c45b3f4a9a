using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;

namespace DealPipeline.Api.Tests;

/// <summary>
/// Two service processes started together on one database: they migrate once, and writes driven
/// through both lose no update, apply a repeated Idempotency-Key once whichever instance gets it,
/// and leave the change feed and the audit log complete.
/// </summary>
public abstract class MultiInstanceTests : IDisposable
{
    private const int WritersPerInstance = 4;
    private const int IncrementsPerWriter = 8;

    private readonly TempFolder _folder = new("instances");

    /// <summary>The settings that point both instances at the same database.</summary>
    protected abstract Dictionary<string, string> Database(TempFolder folder);

    [DbFact]
    public async Task Two_instances_on_one_database_migrate_once_lose_no_update_and_apply_a_repeated_key_once()
    {
        var settings = Database(_folder);
        var file = _folder.File("shared.db");
        var started = await Task.WhenAll(ServiceProcess.StartAsync(file, settings), ServiceProcess.StartAsync(file, settings));
        using var one = started[0];
        using var two = started[1];
        var instances = new[] { one, two };

        var deal = await one.CreateAsync("/api/v1/deals", await one.NewDealBodyAsync("两实例共享的项目"));

        // Lost updates: every writer adds one to expectedJobs with If-Match, retrying on 412, through either instance.
        var conflicts = 0;
        await Task.WhenAll(instances.SelectMany(instance => Enumerable.Range(0, WritersPerInstance).Select(_ => Task.Run(async () =>
        {
            using var client = instance.Client();
            for (var done = 0; done < IncrementsPerWriter;)
            {
                var current = await client.GetAsync(new Uri($"/api/v1/deals/{deal}", UriKind.Relative));
                var body = await current.Content.ReadFromJsonAsync<JsonObject>();
                var jobs = body!["expectedJobs"]?.GetValue<int>() ?? 0;
                using var patch = new HttpRequestMessage(HttpMethod.Patch, new Uri($"/api/v1/deals/{deal}", UriKind.Relative))
                {
                    Content = new StringContent($$"""{"expectedJobs":{{jobs + 1}}}""", Encoding.UTF8, "application/merge-patch+json"),
                };
                patch.Headers.IfMatch.Add(current.Headers.ETag!);
                var answer = await client.SendAsync(patch);
                if (answer.StatusCode == HttpStatusCode.OK)
                {
                    done++;
                }
                else
                {
                    Assert.True(answer.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.ServiceUnavailable, $"{answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
                    Interlocked.Increment(ref conflicts);
                }
            }
        }))));
        const int increments = 2 * WritersPerInstance * IncrementsPerWriter;
        using var admin = two.Client();
        var final = await admin.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/deals/{deal}", UriKind.Relative));
        Assert.Equal(increments, final!["expectedJobs"]!.GetValue<int>());

        // The same Idempotency-Key, sent to both instances at once: applied once, the same answer from both.
        var answers = new ConcurrentBag<(HttpStatusCode Status, long Id)>();
        await Task.WhenAll(Enumerable.Range(0, 5).SelectMany(k => instances.Select(instance => Task.Run(async () =>
        {
            using var client = instance.Client();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/parks", UriKind.Relative)) { Content = JsonContent.Create(new { name = $"幂等园区{k}", city = "济南" }) };
            request.Headers.Add("Idempotency-Key", $"two-instances-{k}");
            var answer = await client.SendAsync(request);
            var id = (await answer.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();
            answers.Add((answer.StatusCode, id));
        }))));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        Assert.Equal(5, answers.Select(a => a.Id).Distinct().Count());
        var parks = (await admin.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/parks?limit=500", UriKind.Relative)))!["items"]!.AsArray();
        Assert.Equal(5, parks.Count(p => p!["name"]!.GetValue<string>().StartsWith("幂等园区", StringComparison.Ordinal)));

        // The change feed and the audit log hold every write once.
        var changes = (await admin.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/changes?after=0&limit=500", UriKind.Relative)))!["items"]!.AsArray();
        var sequences = changes.Select(c => c!["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        Assert.Equal(increments, changes.Count(c => c!["entity"]!.GetValue<string>() == "deal" && c["kind"]!.GetValue<string>() == "updated"));
        var audit = (await admin.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/audit?entity=deal&id={deal}&limit=500", UriKind.Relative)))!["items"]!.AsArray();
        Assert.Equal(increments, audit.Count(a => a!["action"]!.GetValue<string>() == "PatchDeal"));
    }

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteMultiInstanceTests : MultiInstanceTests
{
    protected override Dictionary<string, string> Database(TempFolder folder) => [];
}

public sealed class PostgresMultiInstanceTests : MultiInstanceTests, IRunsOnPostgres
{
    private string? _connectionString;

    protected override Dictionary<string, string> Database(TempFolder folder)
    {
        _connectionString ??= ServerDatabase.Postgres.Create();
        return new() { ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = _connectionString };
    }
}
