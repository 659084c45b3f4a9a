using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DealPipeline.Api.Tests;

public abstract class PlatformTests : ApiTest
{
    [DbFact]
    public async Task Health_endpoints_answer_without_a_key()
    {
        var live = await Client.GetAsync("/health/live");
        var ready = await Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [DbFact]
    public async Task Migrations_are_recorded_and_a_second_run_changes_nothing()
    {
        var migrator = Factory.Services.GetRequiredService<Migrator>();

        var applied = await migrator.MigrateAsync(default);

        Assert.Equal(0, applied);
        await using var session = new DbSession(Factory.Database);
        var versions = (await session.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version", null, default)).ToList();
        Assert.Equal(Migrator.ScriptsFor(Factory.Database.Dialect).Select(s => s.Version), versions);
    }

    [DbFact]
    public async Task A_post_with_an_idempotency_key_is_applied_once_and_its_answer_replayed()
    {
        var world = await CreateWorld();
        var body = new { name = "重试的项目", companyId = world.Company, parkId = world.Park, sectorId = world.Drugs, ownerId = world.Officer, intendedInvestment = 5 };
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "7d1f7b0e-retry-1" };

        var first = await Post("/api/v1/deals", body, key);
        var second = await Post("/api/v1/deals", body, key);
        var other = await Post("/api/v1/deals", body with { }, new Dictionary<string, string> { ["Idempotency-Key"] = "another-key" });
        var conflicting = await Post("/api/v1/deals", new { name = "另一个", companyId = world.Company, parkId = world.Park, sectorId = world.Drugs, ownerId = world.Officer, intendedInvestment = 6 }, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        await AssertProblem(conflicting, (HttpStatusCode)422);
        var names = (await GetOk("/api/v1/deals"))["items"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["重试的项目", "重试的项目"], names);
    }

    [DbFact]
    public async Task A_refused_post_frees_its_key_for_the_corrected_retry_and_a_long_key_is_refused()
    {
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "bad-park" };

        var first = await Post("/api/v1/parks", new { name = "" }, key);
        var corrected = await Post("/api/v1/parks", new { name = "杭州医药港", city = "杭州" }, key);
        var repeated = await Post("/api/v1/parks", new { name = "杭州医药港", city = "杭州" }, key);

        await AssertProblem(first, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.Created, repeated.StatusCode);
        Assert.Single((await GetOk("/api/v1/parks"))["items"]!.AsArray());
        await AssertProblem(await Post("/api/v1/parks", new { name = "x", city = "y" }, new Dictionary<string, string> { ["Idempotency-Key"] = new string('k', 201) }), HttpStatusCode.BadRequest);
    }

    [DbFact]
    public async Task A_retried_post_that_issued_an_api_key_never_stores_or_replays_the_key()
    {
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "new-user-1" };

        var first = await Post("/api/v1/users", new { name = "赵敏", role = "officer" }, key);
        var second = await Post("/api/v1/users", new { name = "赵敏", role = "officer" }, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var apiKey = JsonNode.Parse(await first.Content.ReadAsStringAsync())!["apiKey"]!.GetValue<string>();
        await AssertProblem(second, HttpStatusCode.Conflict);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Single((await GetOk("/api/v1/users"))["items"]!.AsArray());
        await using var session = new DbSession(Factory.Database);
        var stored = string.Join("|", (await session.QueryAsync<byte[]>("SELECT body FROM idempotency_keys", null, default)).Select(System.Text.Encoding.UTF8.GetString));
        Assert.DoesNotContain(apiKey, stored, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task The_openapi_document_describes_every_endpoint_with_its_errors()
    {
        var document = await GetOk("/openapi/v1.json");
        var paths = document["paths"]!.AsObject();

        var expected = new (string Path, string Method, string[] Statuses)[]
        {
            ("/api/v1/parks", "post", ["201", "400", "409"]), ("/api/v1/parks", "get", ["200", "400"]),
            ("/api/v1/sectors", "post", ["201", "400", "409"]), ("/api/v1/sectors", "get", ["200"]),
            ("/api/v1/teams", "post", ["201", "400", "409"]), ("/api/v1/teams", "get", ["200"]),
            ("/api/v1/users", "post", ["201", "400"]), ("/api/v1/users", "get", ["200"]),
            ("/api/v1/companies", "post", ["201", "400", "409"]), ("/api/v1/companies", "get", ["200"]),
            ("/api/v1/fx-rates/{currency}", "put", ["200", "400"]), ("/api/v1/fx-rates", "get", ["200"]),
            ("/api/v1/deals", "post", ["201", "400"]), ("/api/v1/deals", "get", ["200", "400"]),
            ("/api/v1/deals/{id}", "get", ["200", "404"]), ("/api/v1/deals/{id}", "patch", ["200", "400", "404", "412"]),
            ("/api/v1/deals/{id}", "delete", ["204", "404", "412"]),
            ("/api/v1/deals/{id}/transitions", "post", ["200", "400", "404", "409", "412"]),
            ("/api/v1/deals/{id}/status", "post", ["200", "400", "404", "409", "412"]),
            ("/api/v1/deals/{id}/milestones", "post", ["200", "400", "404", "409", "412"]),
            ("/api/v1/deals/{id}/history", "get", ["200", "400", "404"]),
            ("/api/v1/reports/pipeline", "get", ["200", "400"]),
            ("/api/v1/users/{userId}/keys", "post", ["201", "403", "404"]), ("/api/v1/users/{userId}/keys", "get", ["200", "403", "404"]),
            ("/api/v1/users/{userId}/keys/{keyId}", "delete", ["204", "403", "404"]),
            ("/api/v1/audit", "get", ["200", "400", "403"]), ("/api/v1/changes", "get", ["200", "400"]),
            ("/api/v1/deals/{id}/activities", "post", ["201", "400", "404"]), ("/api/v1/deals/{id}/activities", "get", ["200", "400", "404"]),
            ("/api/v1/letters", "post", ["201", "400", "404"]), ("/api/v1/letters", "get", ["200", "400"]), ("/api/v1/letters/{id}", "get", ["200", "404"]),
            ("/api/v1/events", "post", ["201", "400", "403"]), ("/api/v1/events", "get", ["200", "400"]), ("/api/v1/events/{id}", "get", ["200", "404"]),
            ("/api/v1/events/{id}", "patch", ["200", "400", "404", "412"]), ("/api/v1/events/{id}/report", "get", ["200", "400", "404"]),
            ("/api/v1/reports/stale", "get", ["200", "400"]),
            ("/api/v1/reports/performance", "get", ["200", "400"]), ("/api/v1/reports/funnel", "get", ["200", "400"]),
            ("/api/v1/targets/{year}", "put", ["200", "400", "403"]), ("/api/v1/targets/{year}", "get", ["200"]),
            ("/api/v1/export/deals.csv", "get", ["200", "400"]),
        };
        foreach (var (path, method, statuses) in expected)
        {
            var operation = paths[path]?[method];
            Assert.True(operation is not null, $"{method} {path} is not documented");
            var responses = operation!["responses"]!.AsObject();
            foreach (var status in statuses)
            {
                Assert.True(responses.ContainsKey(status), $"{method} {path} does not document {status}");
            }

            foreach (var error in statuses.Where(s => s[0] == '4'))
            {
                Assert.True(responses[error]!["content"]!.AsObject().ContainsKey("application/problem+json"), $"{method} {path} {error} is not a problem");
            }
        }

        // Every API operation needs a key and may be rate limited; role-restricted ones document their 403.
        Assert.NotEmpty(document["security"]!.AsArray());
        Assert.Equal("X-Api-Key", document["components"]!["securitySchemes"]!["ApiKey"]!["name"]!.GetValue<string>());
        foreach (var (path, item) in paths.Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var responses = operation!["responses"]!.AsObject();
                Assert.True(responses.ContainsKey("401") && responses.ContainsKey("429"), $"{method} {path} lacks 401 or 429");
            }
        }

        foreach (var (path, method) in new[] { ("/api/v1/parks", "post"), ("/api/v1/deals/{id}", "delete"), ("/api/v1/deals", "post"), ("/api/v1/audit", "get"), ("/api/v1/fx-rates/{currency}", "put") })
        {
            Assert.True(paths[path]![method]!["responses"]!.AsObject().ContainsKey("403"), $"{method} {path} lacks 403");
        }

        var deal = document["components"]!["schemas"]!["DealResponse"]!["properties"]!.AsObject();
        foreach (var field in new[] { "id", "name", "companyId", "stage", "status", "lostReason", "intendedInvestment", "currency", "openedOn", "signedOn", "landedOn", "version", "updatedAt", "createdAt", "codeName", "confidential" })
        {
            Assert.True(deal.ContainsKey(field), $"DealResponse lacks {field}");
        }

        var listParameters = paths["/api/v1/deals"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        Assert.Superset(
            new HashSet<string> { "stage", "status", "parkId", "sectorId", "ownerId", "teamId", "source", "sourceEventId", "isKeyProject", "q", "updatedSince", "includeDeleted", "sort", "limit", "cursor" },
            listParameters.ToHashSet());
        var swagger = await Client.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, swagger.StatusCode);
    }

    [DbFact]
    public async Task Timestamps_and_dates_follow_the_contract()
    {
        var world = await CreateWorld();
        var deal = await Deal(world);

        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$", deal["updatedAt"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", deal["openedOn"]!.GetValue<string>());
        var history = (await GetOk($"/api/v1/deals/{Id(deal)}/history"))["items"]!.AsArray().Single()!;
        Assert.Equal(deal["createdAt"]!.GetValue<string>(), history["at"]!.GetValue<string>());
    }
}

public sealed class SqlitePlatformTests : PlatformTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Sqlite_runs_with_wal_foreign_keys_and_full_sync()
    {
        await using var session = new DbSession(Factory.Database);

        Assert.Equal("wal", await session.ExecuteScalarAsync<string>("PRAGMA journal_mode", null, default));
        Assert.Equal(1L, await session.ExecuteScalarAsync<long>("PRAGMA foreign_keys", null, default));
        Assert.Equal(2L, await session.ExecuteScalarAsync<long>("PRAGMA synchronous", null, default));
    }

    [Fact]
    public async Task The_demo_loads_into_a_new_database_once_and_reads_like_the_articles()
    {
        var file = Path.Combine(Path.GetTempPath(), "dealpipeline-tests", Guid.NewGuid().ToString("N") + ".db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var demo = new Dictionary<string, string?> { ["Demo:Seed"] = "true" };
        long deals;
        using (var factory = new ApiFactory(DatabaseProvider.Sqlite, demo, sqliteFile: file))
        {
            // The README's demo keys work in Development: the analyst's reads everything, the officer's may not delete.
            using var client = factory.ClientWithKey("dp_demo_analyst_key");
            using var officer = factory.ClientWithKey("dp_demo_officer_key");
            Assert.Equal(HttpStatusCode.Forbidden, (await officer.DeleteAsync("/api/v1/deals/1")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientWithKey("dp_demo_manager_key").GetAsync("/api/v1/audit")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await factory.ClientWithKey("dp_demo_admin_key").GetAsync("/api/v1/audit")).StatusCode);
            var parks = JsonNode.Parse(await client.GetStringAsync("/api/v1/parks"))!["items"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
            Assert.Contains("济南国际医学中心", parks);
            Assert.Contains("大兴经济开发区数字健康产业园", parks);
            var report = JsonNode.Parse(await client.GetStringAsync("/api/v1/reports/pipeline"))!;
            deals = report["total"]!["count"]!.GetValue<long>();
            Assert.InRange(deals, 300, 600);
            Assert.All(report["rows"]!.AsArray(), row => Assert.True(row!["count"]!.GetValue<long>() > 0));
            var history = JsonNode.Parse(await client.GetStringAsync("/api/v1/deals/1/history"))!["items"]!.AsArray();
            Assert.NotNull(history[0]!["byUserId"]);

            // The demo Boao forum reception reads like the E-Town article.
            var boao = JsonNode.Parse(await client.GetStringAsync("/api/v1/events?type=forum"))!["items"]![0]!;
            var yield = JsonNode.Parse(await client.GetStringAsync($"/api/v1/events/{Id(boao)}/report"))!;
            Assert.True(yield["visitorsReceived"]!.GetValue<int>() > 500);
            Assert.InRange(yield["companiesEngaged"]!.GetValue<long>(), 120, 130);
            Assert.Equal(109, yield["letters"]!["total"]!.GetValue<long>());
            Assert.InRange(Money(yield["intendedInvestment"]), 17_000_000_000m, 18_000_000_000m);
            Assert.Equal(36, yield["plannedToLand"]!.GetValue<long>());
            Assert.Equal(35, yield["siteVisits"]!.GetValue<long>());
            var trips = JsonNode.Parse(await client.GetStringAsync("/api/v1/events?type=outboundTrip&from=2026-01-01&to=2026-12-31&limit=500"))!["items"]!.AsArray();
            Assert.Equal(16, trips.Count);

            // The README's figures: rewards due to the demo's two referrers, and claims held for two parks.
            var referrals = JsonNode.Parse(await client.GetStringAsync("/api/v1/reports/referrals"))!;
            Assert.Equal(2, referrals["items"]!.AsArray().Count);
            Assert.Equal(3_161_988.39m, Money(referrals["reward"]));
            Assert.Equal(referrals["items"]!.AsArray().Sum(r => Money(r!["reward"])), Money(referrals["reward"]));
            var claims = JsonNode.Parse(await client.GetStringAsync("/api/v1/claims?state=held"))!["items"]!.AsArray();
            Assert.Equal(2, claims.Select(c => c!["parkId"]!.GetValue<long>()).Distinct().Count());

            // Leads with their dispatch: 8 received in 2026, two of them converted (one deal signed and landed), one dropped.
            var leads = JsonNode.Parse(await client.GetStringAsync("/api/v1/reports/leads?year=2026"))!["total"]!;
            Assert.Equal((8L, 2L, 1L, 1L, 1L), (leads["received"]!.GetValue<long>(), leads["converted"]!.GetValue<long>(), leads["signed"]!.GetValue<long>(), leads["landed"]!.GetValue<long>(), leads["dropped"]!.GetValue<long>()));
            Assert.Equal((0.25m, 0.125m), (Money(leads["conversionRate"]), Money(leads["leadToLanded"])));
            var dispatched = JsonNode.Parse(await client.GetStringAsync("/api/v1/leads?limit=100"))!["items"]!.AsArray();
            Assert.Equal(7, dispatched.Count(l => l!["ruleId"] is not null)); // the eighth matched no rule: the shared pool

            // The health check (项目体检) under Weinan's four rules, on the demo's signed deals.
            var health = JsonNode.Parse(await client.GetStringAsync("/api/v1/reports/health?asOf=2026-12-01"))!;
            Assert.Equal((96, 42), (health["checked"]!.GetValue<int>(), health["flagged"]!.GetValue<int>()));
            Assert.Equal([26, 16, 0, 2], health["rules"]!.AsArray().Select(r => r!["deals"]!.GetValue<int>()));

            // 三未 on the same day: signed and not started, started and not producing, producing and not at full production; the land asked and approved.
            var stuck = JsonNode.Parse(await client.GetStringAsync("/api/v1/reports/milestones?asOf=2026-12-01&list=%E4%B8%89%E6%9C%AA"))!;
            Assert.Equal(96, stuck["checked"]!.GetValue<int>());
            Assert.Equal([72, 17, 4], stuck["steps"]!.AsArray().Select(s => s!["waiting"]!.GetValue<int>()));
            Assert.Equal(124.5m, stuck["steps"]![0]!["fromPrevious"]!["medianDays"]!.GetValue<decimal>());
            var counted = JsonNode.Parse(await client.GetStringAsync("/api/v1/reports/counted?year=2026"))!;
            Assert.Equal(("引进成功（默认）", 14, 18_824_058_600.19m), (counted["countedBy"]!["name"]!.GetValue<string>(), counted["count"]!.GetValue<int>(), counted["investment"]!.GetValue<decimal>()));
            var land = JsonNode.Parse(await client.GetStringAsync("/api/v1/reports/needs?asOf=2026-12-01"))!["kinds"]![0]!;
            Assert.Equal((25_588.11m, 20_560.84m, 4_087.08m), (land["requested"]!.GetValue<decimal>(), land["approved"]!.GetValue<decimal>(), land["pending"]!.GetValue<decimal>()));
        }

        using (var again = new ApiFactory(DatabaseProvider.Sqlite, demo, sqliteFile: file))
        {
            using var client = again.ClientWithKey(ApiFactory.BootstrapAdminKey);
            var report = JsonNode.Parse(await client.GetStringAsync("/api/v1/reports/pipeline"))!;
            Assert.Equal(deals, report["total"]!["count"]!.GetValue<long>());
            await using var session = new DbSession(again.Database);
            Assert.Equal(5L, await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM parks", null, default));
        }
    }

    [Fact]
    public async Task Production_starts_without_demo_data()
    {
        using var factory = new ProductionFactory(seed: null);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiFactory.BootstrapAdminKey);

        var parks = JsonNode.Parse(await client.GetStringAsync("/api/v1/parks"))!["items"]!.AsArray();

        Assert.Empty(parks);
    }

    [Fact]
    public async Task Production_never_accepts_the_demo_keys_even_with_demo_data()
    {
        using var factory = new ProductionFactory(seed: "true");
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "dp_demo_admin_key");

        var response = await client.GetAsync("/api/v1/parks");

        await AssertProblem(response, HttpStatusCode.Unauthorized);
    }

    private sealed class ProductionFactory(string? seed) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        private readonly ApiFactory _database = new(DatabaseProvider.Sqlite);

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:ConnectionString", _database.ConnectionString);
            builder.UseSetting("Auth:BootstrapAdminKey", ApiFactory.BootstrapAdminKey);
            if (seed is not null)
            {
                builder.UseSetting("Demo:Seed", seed);
            }
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            _database.Dispose();
        }
    }
}

public sealed class SqlServerPlatformTests : PlatformTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresPlatformTests : PlatformTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
