namespace DealPipeline.Api.Tests;

/// <summary>Whatever a client sends, the answer is a 4xx ProblemDetails, never a 500, and the database is unchanged.</summary>
public abstract class HostileInputTests : ApiTest
{
    /// <summary>Refused with the expected status (a 400 unless said otherwise), as a problem, and nothing changed.</summary>
    private async Task AssertRefused(Func<Task<HttpResponseMessage>> send, string label, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.BadRequest)
    {
        var before = await Snapshot();
        var response = await send();
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{label}: got {(int)response.StatusCode}, not {(int)expected}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await Snapshot());
    }

    [DbFact]
    public async Task Malformed_and_mistyped_deal_bodies_are_refused()
    {
        var w = await CreateWorld();
        var deal = Id(await Deal(w));
        string Body(string field, string json) =>
            $"{{\"name\":\"x\",\"companyId\":{w.Company},\"parkId\":{w.Park},\"sectorId\":{w.Drugs},\"ownerId\":{w.Officer},\"intendedInvestment\":1,\"{field}\":{json}}}";

        var bodies = new Dictionary<string, string>
        {
            ["truncated"] = "{\"name\":\"x\",",
            ["not json"] = "name=x",
            ["empty"] = "",
            ["array"] = "[]",
            ["string"] = "\"deal\"",
            ["null"] = "null",
            ["number as string"] = Body("intendedInvestment", "\"100\""),
            ["huge number"] = Body("intendedInvestment", "1e400"),
            ["too large amount"] = Body("intendedInvestment", "99999999999999999"),
            ["three decimals"] = Body("intendedInvestment", "1.005"),
            ["negative amount"] = Body("intendedInvestment", "-5"),
            ["negative tax"] = Body("expectedAnnualTax", "-0.01"),
            ["negative jobs"] = Body("expectedJobs", "-1"),
            ["jobs overflow"] = Body("expectedJobs", "99999999999"),
            ["id overflow"] = Body("parkId", "123456789012345678901234567890"),
            ["id negative"] = Body("sectorId", "-4"),
            ["id fraction"] = Body("companyId", "1.5"),
            ["unknown enum"] = Body("stage", "\"won\""),
            ["enum as number"] = Body("source", "2"),
            ["enum wrong case"] = Body("source", "\"Event\""),
            ["bool as string"] = Body("isKeyProject", "\"yes\""),
            ["bad date"] = Body("openedOn", "\"2025-02-30\""),
            ["date format"] = Body("plannedLandingOn", "\"30/06/2026\""),
            ["future opening"] = Body("openedOn", "\"2999-01-01\""),
            ["ancient opening"] = Body("openedOn", "\"1900-01-01\""),
            ["long name"] = Body("name", "\"" + new string('项', 201) + "\""),
            ["currency lowercase"] = Body("currency", "\"usd\""),
            ["currency unknown"] = Body("currency", "\"XYZ\""),
            ["unknown field"] = Body("colour", "\"red\""),
            ["server field"] = Body("version", "7"),
            ["nested object"] = Body("name", "{\"zh\":\"x\"}"),
            ["deep nesting"] = new string('[', 5000) + new string(']', 5000),
            ["unknown company"] = Body("companyId", "0").Replace($"\"companyId\":{w.Company},", "", StringComparison.Ordinal),
        };
        foreach (var (label, body) in bodies)
        {
            await AssertRefused(() => Send(HttpMethod.Post, "/api/v1/deals", body), label);
        }

        await AssertRefused(() => Send(HttpMethod.Post, "/api/v1/deals", "{}", "text/plain"), "wrong content type", System.Net.HttpStatusCode.UnsupportedMediaType);
        await AssertRefused(() => Send(HttpMethod.Post, $"/api/v1/deals/{deal}/transitions", "{\"to\":\"negotiation\",\"on\":\"tomorrow\"}"), "transition bad date");
        await AssertRefused(() => Send(HttpMethod.Post, $"/api/v1/deals/{deal}/transitions", "{\"to\":\"negotiation\",\"reason\":\"" + new string('x', 1001) + "\"}"), "transition long reason");
        await AssertRefused(() => Send(HttpMethod.Post, $"/api/v1/deals/{deal}/status", "{\"status\":\"deleted\"}"), "unknown status");
        await AssertRefused(() => Send(HttpMethod.Post, $"/api/v1/deals/{deal}/milestones", "{\"kind\":\"constructionStarted\",\"on\":\"2025-01-01\"}"), "milestone on unlanded deal", System.Net.HttpStatusCode.Conflict);
        await AssertRefused(() => Send(HttpMethod.Patch, $"/api/v1/deals/{deal}", "{\"intendedInvestment\":-1}"), "patch negative");
        await AssertRefused(() => Send(HttpMethod.Patch, $"/api/v1/deals/{deal}", "{\"currency\":\"JPY\"}"), "patch currency without rate");
        await AssertRefused(() => Send(HttpMethod.Patch, $"/api/v1/deals/{deal}", "{\"name\":"), "patch truncated");
        await AssertRefused(() => Send(HttpMethod.Patch, $"/api/v1/deals/{deal}", "{\"name\":\"x\"}", headers: new Dictionary<string, string> { ["If-Match"] = "garbage" }), "garbage If-Match");
        await AssertRefused(() => Send(HttpMethod.Patch, $"/api/v1/deals/{long.MaxValue}", "{\"name\":\"x\"}"), "max id", System.Net.HttpStatusCode.NotFound);
        await AssertRefused(() => Send(HttpMethod.Post, $"/api/v1/deals/{deal}/activities", "{\"type\":\"call\",\"on\":\"2025-13-01\",\"summary\":\"x\"}"), "activity bad date");
        await AssertRefused(() => Send(HttpMethod.Post, $"/api/v1/deals/{deal}/activities", "{\"type\":\"call\",\"on\":\"2025-01-01\",\"summary\":\"" + new string('x', 2001) + "\"}"), "activity long summary");
        await AssertRefused(() => Send(HttpMethod.Post, $"/api/v1/deals/{deal}/activities", "{\"type\":4,\"on\":\"2025-01-01\",\"summary\":\"x\"}"), "activity type as number");
        await AssertRefused(() => Send(HttpMethod.Post, "/api/v1/letters", "{\"type\":\"intent\",\"signedOn\":\"2025-01-01\",\"counterparty\":\"x\",\"dealId\":-1}"), "letter negative deal");
        await AssertRefused(() => Send(HttpMethod.Post, "/api/v1/letters", "{\"type\":\"intent\",\"signedOn\":\"2025-01-01\",\"counterparty\":\"x\",\"eventId\":99999999999999999999}"), "letter huge event id");
        await AssertRefused(() => Send(HttpMethod.Post, "/api/v1/events", "{\"name\":\"x\",\"type\":\"forum\",\"startsOn\":\"2025-01-01\",\"endsOn\":\"2025-01-02\",\"city\":\"x\",\"visitorsReceived\":1e10}"), "event huge visitors");
        await AssertRefused(() => Send(HttpMethod.Post, "/api/v1/events", "{\"name\":\"x\",\"type\":\"forum\",\"startsOn\":\"2025-01-01\",\"endsOn\":\"2025-01-02\",\"city\":\"x\",\"id\":5}"), "event with id");
        await AssertRefused(() => Send(HttpMethod.Patch, "/api/v1/events/1", "{\"name\":\"x\"}"), "patch unknown event", System.Net.HttpStatusCode.NotFound);
        await AssertRefused(() => Send(HttpMethod.Put, "/api/v1/targets/2026", "{\"signedInvestment\":-5}"), "negative target");
        await AssertRefused(() => Send(HttpMethod.Put, "/api/v1/targets/2026", "{\"signedCount\":1.5}"), "fractional target");
        await AssertRefused(() => Send(HttpMethod.Put, "/api/v1/targets/2026", "{\"landedInvestment\":1e300}"), "huge target");
        await AssertRefused(() => Send(HttpMethod.Put, "/api/v1/targets/2026", "{\"year\":2027}"), "year in the target body");
    }

    [DbFact]
    public async Task Hostile_query_strings_and_routes_are_refused()
    {
        await CreateWorld();
        var urls = new[]
        {
            "/api/v1/deals?limit=100000", "/api/v1/deals?limit=abc", "/api/v1/deals?parkId=1e3", "/api/v1/deals?parkId=99999999999999999999",
            "/api/v1/deals?isKeyProject=maybe", "/api/v1/deals?status=ACTIVE", "/api/v1/deals?q=" + new string('x', 201),
            "/api/v1/deals?updatedSince=2025-13-01", "/api/v1/deals?cursor=%00%01", "/api/v1/deals/abc", "/api/v1/deals/1.5",
            "/api/v1/deals/-1", "/api/v1/deals/99999999999999999999", "/api/v1/reports/pipeline?groupBy=%27;DROP%20TABLE%20deals;--",
            "/api/v1/companies?q=" + new string('y', 500), "/api/v1/no-such-thing",
            "/api/v1/reports/stale?days=100000", "/api/v1/reports/stale?limit=501", "/api/v1/events/1/report?plannedWithinYears=abc",
            "/api/v1/letters?type=contract", "/api/v1/letters?dealId=-5", "/api/v1/events?from=2025-1-1", "/api/v1/deals/1/activities?limit=0",
            "/api/v1/reports/performance?year=99999999999", "/api/v1/reports/funnel?from=2026-01-01&to=9999-12-31", "/api/v1/targets/abc",
            "/api/v1/export/deals.csv?parkId=x", "/api/v1/export/deals.csv?updatedSince=never", "/api/v1/reports/performance?year=2026&sectorId=0",
        };
        foreach (var url in urls)
        {
            // An id no deal has or no route takes (text, fractional, negative, too large) is a 404; a bad query value, a 400.
            var routed = url.Contains('?', StringComparison.Ordinal);
            await AssertRefused(() => Client.GetAsync(url), url, routed ? System.Net.HttpStatusCode.BadRequest : System.Net.HttpStatusCode.NotFound);
        }

        await AssertRefused(() => Send(HttpMethod.Put, "/api/v1/deals/1"), "method not allowed", System.Net.HttpStatusCode.MethodNotAllowed);
        await AssertRefused(() => Send(HttpMethod.Put, "/api/v1/fx-rates/USD", "{\"rate\":1e30,\"effectiveOn\":\"2025-01-01\"}"), "huge rate");
        await AssertRefused(() => Send(HttpMethod.Post, "/api/v1/parks", "{\"name\":\"" + new string('园', 201) + "\",\"city\":\"x\"}"), "long park name");
        await AssertRefused(() => Send(HttpMethod.Post, "/api/v1/companies", "{\"name\":\"x\",\"country\":\"CN\",\"creditCode\":\"' OR 1=1 --\"}"), "injection in credit code");
    }

    [DbFact]
    public async Task Sql_looking_text_is_stored_as_text()
    {
        var w = await CreateWorld();
        const string Evil = "x'); DROP TABLE deals; --";

        var deal = await Deal(w, name: Evil);
        var found = await GetOk("/api/v1/deals?q=" + Uri.EscapeDataString("DROP TABLE"));

        Assert.Equal(Evil, deal["name"]!.GetValue<string>());
        Assert.Equal(Id(deal), Id(found["items"]!.AsArray().Single()!));
    }

    [DbFact]
    public async Task An_oversized_body_is_a_413()
    {
        var before = await Snapshot();
        var huge = "{\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\",\"city\":\"x\"}";

        var response = await Send(HttpMethod.Post, "/api/v1/parks", huge);

        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await Snapshot());
    }
}

public sealed class SqliteHostileInputTests : HostileInputTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerHostileInputTests : HostileInputTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresHostileInputTests : HostileInputTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
