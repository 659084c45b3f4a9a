using System.Globalization;
using System.Net.Http.Headers;
using Dapper;
using DealPipeline.Api.Application;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DealPipeline.Api.Tests;

/// <summary>What an adversarial review found: each case answers a 4xx problem and changes nothing, or holds under the load that broke it.</summary>
public abstract class HardeningTests : ApiTest
{
    private readonly MovableTime _time = new(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero));

    protected override Action<IServiceCollection>? Services => services => services.AddSingleton<TimeProvider>(_time);

    /// <summary>The request is refused with exactly this status (and field, for a 400), as problem+json, and the database is unchanged.</summary>
    private async Task Refused(Func<Task<HttpResponseMessage>> send, HttpStatusCode status, string? field, string label)
    {
        var before = await Snapshot();
        var response = await send();
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{label}: expected {(int)status}, got {(int)response.StatusCode}: {text}");
        var problem = await AssertProblem(response, status, field);
        Assert.Equal(before, await Snapshot());
        Assert.NotNull(problem["traceId"]);
    }

    [DbFact]
    public async Task Errors_are_problem_json_whatever_the_accept_header_says()
    {
        var w = await CreateWorld();
        using var anonymous = Factory.ClientWithKey(null);
        foreach (var accept in new[] { "text/html", "image/png", "text/html, application/xhtml+xml" })
        {
            // "/" is the sign-in page; any other path outside the API and the pages needs a key.
            using var root = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
            root.Headers.Accept.ParseAdd(accept);
            await AssertProblem(await anonymous.SendAsync(root), HttpStatusCode.Unauthorized);

            using var list = new HttpRequestMessage(HttpMethod.Get, "/api/v1/deals");
            list.Headers.Accept.ParseAdd(accept);
            await AssertProblem(await anonymous.SendAsync(list), HttpStatusCode.Unauthorized);

            using var missing = new HttpRequestMessage(HttpMethod.Get, "/api/v1/deals/99999");
            missing.Headers.Accept.ParseAdd(accept);
            await AssertProblem(await Client.SendAsync(missing), HttpStatusCode.NotFound);

            using var invalid = new HttpRequestMessage(HttpMethod.Post, "/api/v1/parks") { Content = new StringContent("{\"name\":\"\"}", System.Text.Encoding.UTF8, "application/json") };
            invalid.Headers.Accept.ParseAdd(accept);
            await AssertProblem(await Client.SendAsync(invalid), HttpStatusCode.BadRequest, "name");
        }

        Assert.NotEqual(0, w.Park);
    }

    [DbFact]
    public async Task Every_problem_carries_a_stable_code_a_client_can_branch_on()
    {
        var w = await CreateWorld();
        var deal = Id(await Deal(w));
        async Task<string?> CodeOf(HttpResponseMessage response) =>
            System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]?.GetValue<string>();

        Assert.Equal("stage.same", await CodeOf(await Post($"/api/v1/deals/{deal}/transitions", new { to = "contact" })));

        await Move(deal, "negotiation");
        Assert.Equal("reason.required", await CodeOf(await Post($"/api/v1/deals/{deal}/transitions", new { to = "contact" })));
        Assert.Equal("validation", await CodeOf(await Post("/api/v1/parks", new { name = "" })));
        Assert.Equal("notFound", await CodeOf(await Client.GetAsync("/api/v1/deals/99999")));
        Assert.Equal("unauthorized", await CodeOf(await Factory.ClientWithKey(null).GetAsync("/api/v1/deals")));
        Assert.Equal("preconditionFailed", await CodeOf(await Send(HttpMethod.Patch, $"/api/v1/deals/{deal}", new { name = "x" }, headers: new Dictionary<string, string> { ["If-Match"] = "\"9\"" })));
        await SetStatus(deal, "lost", "funding");
        Assert.Equal("deal.notActive", await CodeOf(await Post($"/api/v1/deals/{deal}/transitions", new { to = "signed" })));
    }

    [DbFact]
    public async Task An_unknown_query_parameter_is_a_400_naming_it_as_an_unknown_body_field_is()
    {
        var w = await CreateWorld();
        await Deal(w);
        foreach (var (path, parameter) in new[]
                 {
                     ("/api/v1/export/deals.csv?stauts=lost", "stauts"),
                     ("/api/v1/deals?stage=contact&pageSize=10", "pageSize"),
                     ("/api/v1/reports/pipeline?groupby=stage&parkid=1&from=2026-01-01", "from"),
                     ("/api/v1/fx-rates?limit=1", "limit"),
                     ($"/api/v1/deals/{w.Park}?expand=company", "expand"),
                 })
        {
            await AssertProblem(await Client.GetAsync(path), HttpStatusCode.BadRequest, parameter);
        }

        // Names are matched without regard to case, as the binder does.
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/v1/reports/pipeline?GroupBy=stage&ParkId=" + w.Park)).StatusCode);
    }

    [DbFact]
    public async Task Answers_forbid_sniffing_framing_and_foreign_scripts()
    {
        foreach (var path in new[] { "/api/v1/parks", "/openapi/v1.json", "/swagger/index.html", "/api/v1/deals/424242", "/", "/board/", "/cockpit/" })
        {
            var response = await Client.GetAsync(path);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            var policy = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            var page = path.StartsWith("/swagger", StringComparison.Ordinal) || !path.StartsWith("/api", StringComparison.Ordinal) && !path.StartsWith("/openapi", StringComparison.Ordinal);
            Assert.Contains(page ? "script-src 'self';" : "default-src 'none'", policy, StringComparison.Ordinal);
            if (page && !path.StartsWith("/swagger", StringComparison.Ordinal))
            {
                // The service's own pages: nothing inline at all, styles included.
                Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
                Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [DbFact]
    public async Task Invisible_and_control_characters_lone_surrogates_and_duplicate_keys_are_refused()
    {
        var w = await CreateWorld();
        var deal = Id(await Deal(w));
        string Body(string name) =>
            $"{{\"name\":\"{name}\",\"companyId\":{w.Company},\"parkId\":{w.Park},\"sectorId\":{w.Drugs},\"ownerId\":{w.Officer},\"intendedInvestment\":1}}";
        foreach (var (label, name) in new[] { ("NUL", "a\\u0000b"), ("right-to-left override", "\u202Eabc"), ("zero-width space", "a\u200Bb"), ("lone surrogate", "\\ud800"), ("bell", "a\\u0007") })
        {
            await Refused(() => Send(HttpMethod.Post, "/api/v1/deals", Body(name)), HttpStatusCode.BadRequest, "name", "create: " + label);
            await Refused(() => Send(HttpMethod.Patch, $"/api/v1/deals/{deal}", $"{{\"name\":\"{name}\"}}", "application/merge-patch+json"), HttpStatusCode.BadRequest, "name", "patch: " + label);
            await Refused(() => Send(HttpMethod.Post, "/api/v1/parks", $"{{\"name\":\"{name}\",\"city\":\"x\"}}"), HttpStatusCode.BadRequest, "name", "park: " + label);
        }

        await Refused(() => Send(HttpMethod.Post, "/api/v1/parks", "{\"name\":\"a\",\"name\":\"b\",\"city\":\"x\"}"), HttpStatusCode.BadRequest, null, "duplicate key");
        await Refused(() => Send(HttpMethod.Patch, $"/api/v1/deals/{deal}", "{\"name\":\"a\",\"name\":\"b\"}", "application/merge-patch+json"), HttpStatusCode.BadRequest, null, "duplicate key in a patch");

        // Line breaks and tabs stay allowed in long text.
        var activity = await PostOk($"/api/v1/deals/{deal}/activities", new { type = "meeting", on = "2026-11-20", summary = "第一行\n第二行\t附注" });
        Assert.Equal("第一行\n第二行\t附注", activity["summary"]!.GetValue<string>());
    }

    [DbFact]
    public async Task Dates_outside_1990_to_2100_are_refused_wherever_they_enter()
    {
        var w = await CreateWorld();
        var deal = Id(await Deal(w));
        var body = $"{{\"name\":\"x\",\"companyId\":{w.Company},\"parkId\":{w.Park},\"sectorId\":{w.Drugs},\"ownerId\":{w.Officer},\"intendedInvestment\":1,";
        await Refused(() => Send(HttpMethod.Post, "/api/v1/deals", body + "\"plannedLandingOn\":\"9999-12-31\"}"), HttpStatusCode.BadRequest, "plannedLandingOn", "planned landing in 9999");
        await Refused(() => Send(HttpMethod.Post, "/api/v1/deals", body + "\"openedOn\":\"1989-12-31\"}"), HttpStatusCode.BadRequest, "openedOn", "opened in 1989");
        await Refused(() => Send(HttpMethod.Patch, $"/api/v1/deals/{deal}", "{\"plannedLandingOn\":\"2101-01-01\"}", "application/merge-patch+json"), HttpStatusCode.BadRequest, "plannedLandingOn", "patch to 2101");
        await Refused(
            () => Send(HttpMethod.Post, "/api/v1/events", "{\"name\":\"x\",\"type\":\"forum\",\"startsOn\":\"9999-12-31\",\"endsOn\":\"9999-12-31\",\"city\":\"x\"}"),
            HttpStatusCode.BadRequest,
            "startsOn",
            "event in 9999");
        foreach (var (query, field) in new[]
                 {
                     ("/api/v1/reports/performance?from=9999-12-01&to=9999-12-31", "from"),
                     ("/api/v1/reports/funnel?from=2026-01-01&to=9999-12-31", "to"),
                     ("/api/v1/audit?from=0001-01-01", "from"),
                     ("/api/v1/audit?to=9999-12-31", "to"),
                     ("/api/v1/reports/pipeline?asOf=0001-01-01", "asOf"),
                     ("/api/v1/letters?from=9999-12-31", "from"),
                     ("/api/v1/events?to=0001-01-01", "to"),
                 })
        {
            await Refused(() => Client.GetAsync(query), HttpStatusCode.BadRequest, field, query);
        }
    }

    [DbFact]
    public async Task Cursors_reveal_nothing_and_work_only_for_their_caller_and_query()
    {
        var w = await CreateWorld();
        for (var i = 0; i < 3; i++)
        {
            await Deal(w, new { stage = "signed", contractedInvestment = 1m }, name: "签约" + i);
        }

        var page = await GetOk("/api/v1/deals?stage=signed&limit=1");
        var cursor = page["nextCursor"]!.GetValue<string>();
        Assert.DoesNotContain("\"I\"", System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(cursor)), StringComparison.Ordinal);
        Assert.Single((await GetOk($"/api/v1/deals?stage=signed&limit=1&cursor={cursor}"))["items"]!.AsArray());

        var (_, managerKey) = await UserWithKey("马建国", "manager");
        using var manager = Factory.ClientWithKey(managerKey);
        await AssertProblem(await Client.GetAsync($"/api/v1/deals?stage=contact&limit=1&cursor={cursor}"), HttpStatusCode.BadRequest, "cursor");
        await AssertProblem(await Client.GetAsync($"/api/v1/deals?stage=signed&sort=name&limit=1&cursor={cursor}"), HttpStatusCode.BadRequest, "cursor");
        await AssertProblem(await manager.GetAsync($"/api/v1/deals?stage=signed&limit=1&cursor={cursor}"), HttpStatusCode.BadRequest, "cursor");
        var tampered = (cursor[5] == 'A' ? "B" : "A") is var c ? cursor[..5] + c + cursor[6..] : cursor;
        await AssertProblem(await Client.GetAsync($"/api/v1/deals?stage=signed&limit=1&cursor={tampered}"), HttpStatusCode.BadRequest, "cursor");
    }

    [DbFact]
    public async Task Concurrent_posts_with_one_key_apply_once_and_all_get_its_answer()
    {
        var w = await CreateWorld();
        var body = new { name = "并发重试", companyId = w.Company, parkId = w.Park, sectorId = w.Drugs, ownerId = w.Officer, intendedInvestment = 5 };
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "burst-1" };
        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Post("/api/v1/deals", body, key)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var ids = await Task.WhenAll(answers.Select(async a => Id(JsonNode.Parse(await a.Content.ReadAsStringAsync())!)));
        Assert.Single(ids.Distinct());
        Assert.Single((await GetOk("/api/v1/deals"))["items"]!.AsArray());
    }

    [DbFact]
    public async Task Idempotency_keys_expire_after_the_retention_and_are_purged()
    {
        var w = await CreateWorld();
        var body = new { name = "过期重试", companyId = w.Company, parkId = w.Park, sectorId = w.Drugs, ownerId = w.Officer, intendedInvestment = 5 };
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "expiring" };
        var first = await Post("/api/v1/deals", body, key);
        var replay = await Post("/api/v1/deals", body, key);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());

        _time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var purged = await Factory.Services.GetRequiredService<IdempotencyStore>().PurgeAsync(default);
        var again = await Post("/api/v1/deals", body, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.True(purged >= 1, $"purged {purged}");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.False(again.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, (await GetOk("/api/v1/deals"))["items"]!.AsArray().Count);
        await using var session = new DbSession(Factory.Database);
        Assert.Equal(0, await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM idempotency_keys WHERE status_code = 0", null, default));
    }
}

public sealed class SqliteHardeningTests : HardeningTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>
    /// Two requests that both find a name free and both insert it: the second insert breaks the
    /// unique index. SQLite's single writer never lets that race happen here (the second request's
    /// check runs after the first commits), SQL Server's isolation does; the violation itself is
    /// produced for real and given to the service's exception handler.
    /// </summary>
    [Fact]
    public async Task A_unique_key_race_lost_at_insert_is_a_409_not_a_500()
    {
        await PostOk("/api/v1/parks", new { name = "杭州医药港", city = "杭州" });
        Exception? violation = null;
        await using (var session = new DbSession(Factory.Database))
        {
            try
            {
                await session.ExecuteAsync("INSERT INTO parks (name, city, created_at) VALUES ('杭州医药港', '杭州', '2026-11-22')", null, default);
            }
            catch (Exception e)
            {
                violation = e;
            }
        }

        Assert.NotNull(violation);
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = Factory.Services };
        context.Response.Body = new MemoryStream();
        var handler = Factory.Services.GetServices<Microsoft.AspNetCore.Diagnostics.IExceptionHandler>().Single();
        Assert.True(await handler.TryHandleAsync(context, violation!, default));
        Assert.Equal(409, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        var problem = System.Text.Json.Nodes.JsonNode.Parse(context.Response.Body)!;
        Assert.Equal("conflict", problem["code"]!.GetValue<string>());
    }

    /// <summary>SQLite only: the copies are made with SQLite's pragma_table_info.</summary>
    [Fact]
    public async Task Reports_sum_amounts_at_the_bounds_exactly_where_an_int64_would_overflow()
    {
        var w = await CreateWorld();
        var first = Id(await Deal(w, new { stage = "landed", openedOn = "2026-01-05" }, intendedInvestment: 10_000_000_000_000m));
        await Move(first, "negotiation", reason: "重新谈判");

        // 9,300 copies of a deal at the maximum amount: their sum in fen (9.3×10^18) is past Int64's 9.22×10^18.
        const int Copies = 9_300;
        await using (var session = new DbSession(Factory.Database))
        {
            await DealCopies.InsertAsync(await session.ConnectionAsync(default), first, Copies);
        }

        var expected = (Copies + 1) * 10_000_000_000_000m;
        var pipeline = await GetOk("/api/v1/reports/pipeline?groupBy=park");
        Assert.Equal(expected, Money(pipeline["total"]!["intendedInvestment"]));
        Assert.Equal(expected * 0.3m, Money(pipeline["total"]!["weightedInvestment"]));
        var performance = await GetOk("/api/v1/reports/performance?year=2026");
        Assert.Equal(expected, Money(performance["inNegotiation"]!["intendedInvestment"]));
    }
}

public sealed class SqlServerHardeningTests : HardeningTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresHardeningTests : HardeningTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>Settings and floods that need a service of their own.</summary>
public sealed class HardeningSettingsTests
{
    [Fact]
    public async Task A_flood_of_made_up_keys_is_limited_by_address_before_any_lookup_and_known_keys_keep_their_budget()
    {
        using var factory = new ApiFactory(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["RateLimit:UnknownKeyBurst"] = "5", ["RateLimit:UnknownKeyPermitsPerSecond"] = "1" });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            using var guesser = factory.ClientWithKey("dp_guess_" + i.ToString(CultureInfo.InvariantCulture));
            statuses.Add((await guesser.GetAsync("/api/v1/parks")).StatusCode);
        }

        Assert.InRange(statuses.Count(s => s == HttpStatusCode.Unauthorized), 5, 7);
        Assert.True(statuses.Count(s => s == HttpStatusCode.TooManyRequests) >= 33);
        using var admin = factory.ClientWithKey(ApiFactory.BootstrapAdminKey);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/parks")).StatusCode);
    }

    [Theory]
    [InlineData("Auth:BootstrapAdminKey", "short-key", "Auth:BootstrapAdminKey")]
    [InlineData("RateLimit:PermitsPerSecond", "0", "RateLimit:PermitsPerSecond")]
    [InlineData("Cors:AllowedOrigins:0", "https://bi.example.gov.cn/", "Cors:AllowedOrigins")]
    [InlineData("Idempotency:RetentionHours", "0", "Idempotency:RetentionHours")]
    [InlineData("Reports:StageProbabilities:signed", "1.5", "Reports:StageProbabilities")]
    public void A_bad_setting_stops_the_service_at_start_naming_the_setting(string setting, string value, string named)
    {
        using var factory = new ApiFactory(DatabaseProvider.Sqlite, new Dictionary<string, string?> { [setting] = value });
        var failure = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swagger_ui_can_be_turned_off()
    {
        using var factory = new ApiFactory(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Swagger:Enabled"] = "false" });
        using var client = factory.ClientWithKey(ApiFactory.BootstrapAdminKey);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/swagger/index.html")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }
}
