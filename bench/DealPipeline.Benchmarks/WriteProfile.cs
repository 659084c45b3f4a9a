using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DealPipeline.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

/// <summary>
/// What a write spends its time on: the real service in this process (its test host, so the HTTP of a
/// socket is left out) on a SQLite file of 100 generated deals, one writer at a time, every SQL
/// statement timed through the database layer's own spans (<see cref="DbTelemetry"/>, the ones an
/// OpenTelemetry exporter receives). Prints, for deal creates and stage changes, each statement's
/// calls and time per request beside the request's own time; the rest is routing, authentication,
/// validation, MediatR and JSON.
///   dotnet run -c Release --project bench/DealPipeline.Benchmarks -- profile [writes]
/// </summary>
internal static partial class WriteProfile
{
    public static async Task RunAsync(int writes, string key)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dealpipeline-profile", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connectionString = $"Data Source={Path.Combine(folder, "profile.db")}";
        try
        {
            await Generator.CreateAsync(connectionString, 100);
            using var factory = Service(connectionString, key);
            using var client = factory.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            var statements = new ConcurrentDictionary<string, Timing>();
            using var listener = Listen(statements);

            var body = new { name = "压测项目", companyId = 1, parkId = 1, sectorId = 1, ownerId = 1, intendedInvestment = 120000000.00m };
            var ids = new List<long>(writes);
            async Task<long> Create() =>
                (await (await client.PostAsJsonAsync("/api/v1/deals", body)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();
            async Task Move(long id, string to) =>
                (await client.PostAsJsonAsync($"/api/v1/deals/{id}/transitions", new { to, reason = "压测往返" })).EnsureSuccessStatusCode();

            // Warm up (the JIT, the caches, SQLite's pages), then start counting.
            for (var i = 0; i < 200; i++)
            {
                await Move(await Create(), "negotiation");
            }

            Console.WriteLine($"write profile: {writes} requests of each kind, one at a time, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
            statements.Clear();
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < writes; i++)
            {
                ids.Add(await Create());
            }

            Print("POST /api/v1/deals", writes, watch.Elapsed, statements);

            statements.Clear();
            watch.Restart();
            foreach (var id in ids)
            {
                await Move(id, "negotiation");
            }

            Print("POST /api/v1/deals/{id}/transitions", writes, watch.Elapsed, statements);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// What a read spends its time on: the service in this process on an existing SQLite file (the report benchmark's, kept
    /// with DEALPIPELINE_BENCH_DIR), each path requested after warming up, every statement timed as for writes.
    ///   dotnet run -c Release --project bench/DealPipeline.Benchmarks -- profile-read file.db requests path...
    /// (or a PostgreSQL connection string in place of the file).
    /// </summary>
    public static async Task ReadAsync(string file, int requests, IEnumerable<string> paths, string key)
    {
        // A PostgreSQL connection string instead of a file: the database the report benchmark loaded (DEALPIPELINE_BENCH_KEEP_POSTGRES keeps it).
        var postgres = file.StartsWith("Host=", StringComparison.OrdinalIgnoreCase);
        using var factory = Service(postgres ? file : $"Data Source={file}", key, postgres ? "Postgres" : "Sqlite");
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var statements = new ConcurrentDictionary<string, Timing>();
        using var listener = Listen(statements);
        foreach (var path in paths)
        {
            for (var i = 0; i < 5; i++)
            {
                (await client.GetAsync(path)).EnsureSuccessStatusCode();
            }

            statements.Clear();
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < requests; i++)
            {
                (await client.GetAsync(path)).EnsureSuccessStatusCode();
            }

            Print($"GET {path}", requests, watch.Elapsed, statements);
        }
    }

    private static WebApplicationFactory<DealPipeline.Api.Features.Deals.DealOpener> Service(string connectionString, string key, string provider = "Sqlite") =>
        new WebApplicationFactory<DealPipeline.Api.Features.Deals.DealOpener>().WithWebHostBuilder(host =>
        {
            host.UseContentRoot(AppContext.BaseDirectory);
            host.UseEnvironment("Production");
            host.UseSetting("Database:Provider", provider);
            host.UseSetting("Database:ConnectionString", connectionString);
            host.UseSetting("Demo:Seed", "false");
            host.UseSetting("Auth:BootstrapAdminKey", key);
            host.UseSetting("RateLimit:PermitsPerSecond", "1000000");
            host.UseSetting("RateLimit:Burst", "1000000");
            host.UseSetting("Reports:CacheResults", "false");
            host.UseSetting("Logging:LogLevel:Default", "Warning");
        });

    /// <summary>Every statement's time, through the database layer's spans, into <paramref name="statements"/> by its text.</summary>
    private static ActivityListener Listen(ConcurrentDictionary<string, Timing> statements)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DbTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var sql = activity.GetTagItem("db.query.text") as string ?? activity.OperationName;
                statements.GetOrAdd(Shorten(sql), _ => new Timing()).Add(activity.Duration);
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static void Print(string call, int requests, TimeSpan elapsed, ConcurrentDictionary<string, Timing> statements)
    {
        var perRequest = elapsed.TotalMicroseconds / requests;
        var inSql = statements.Values.Sum(t => t.Total.TotalMicroseconds) / requests;
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant(
            $"{call}: {perRequest:0} µs a request, {statements.Values.Sum(t => t.Calls) / (double)requests:0.0} statements taking {inSql:0} µs ({inSql / perRequest:P0}); the rest {perRequest - inSql:0} µs"));
        Console.WriteLine();
        Console.WriteLine("| statement | calls a request | µs a call | µs a request | share of the request |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (sql, timing) in statements.OrderByDescending(s => s.Value.Total))
        {
            var us = timing.Total.TotalMicroseconds / requests;
            Console.WriteLine(FormattableString.Invariant(
                $"| `{sql}` | {timing.Calls / (double)requests:0.00} | {timing.Total.TotalMicroseconds / timing.Calls:0} | {us:0} | {us / perRequest:P1} |"));
        }
    }

    /// <summary>The statement on one line, its middle cut out when it is longer than 130 characters (its end tells statements of one table apart).</summary>
    private static string Shorten(string sql)
    {
        var line = Spaces().Replace(sql, " ").Trim();
        return line.Length <= 130 ? line : string.Concat(line.AsSpan(0, 80), " … ", line.AsSpan(line.Length - 50));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private sealed class Timing
    {
        private long _ticks;
        private long _calls;

        public long Calls => Interlocked.Read(ref _calls);

        public TimeSpan Total => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

        public void Add(TimeSpan duration)
        {
            Interlocked.Add(ref _ticks, duration.Ticks);
            Interlocked.Increment(ref _calls);
        }
    }
}
