namespace DealPipeline.Api.Tests;

/// <summary>Reports carry the data version as their ETag: 304 while nothing was written, fresh figures after any write.</summary>
public abstract class ReportCachingTests : ApiTest
{
    private static async Task<HttpResponseMessage> Get(HttpClient client, string path, string? etag = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        return await client.SendAsync(request);
    }

    [DbFact]
    public async Task An_unchanged_report_is_a_304_and_any_write_changes_its_etag_and_figures()
    {
        var w = await CreateWorld();
        await Deal(w, intendedInvestment: 100m);
        var path = "/api/v1/reports/pipeline?groupBy=stage";

        var first = await Get(Client, path);
        var etag = first.Headers.ETag!.Tag;
        var again = await Get(Client, path, etag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(etag, again.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, (await Get(Client, path, "\"r0-stale\"")).StatusCode);

        // Another query, another language or another caller's visibility is another representation.
        Assert.NotEqual(etag, (await Get(Client, path + "&status=any")).Headers.ETag!.Tag);
        var (_, analystKey) = await UserWithKey("BI", "analyst");
        using var analyst = Factory.ClientWithKey(analystKey);
        Assert.Equal(HttpStatusCode.OK, (await Get(analyst, path, etag)).StatusCode);

        // A write anywhere moves the version: the old ETag no longer matches and the figures are new.
        await Deal(w, intendedInvestment: 50m);
        var after = await Get(Client, path, etag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag!.Tag);
        var total = System.Text.Json.Nodes.JsonNode.Parse(await after.Content.ReadAsStringAsync())!["total"]!["intendedInvestment"]!.GetValue<decimal>();
        Assert.Equal(150m, total);

        // An FX rate, a target or an event edit is a write like any other.
        var before = (await Get(Client, "/api/v1/reports/performance?year=2026")).Headers.ETag!.Tag;
        await SetRate("USD", 7.1m, "2026-01-01");
        Assert.Equal(HttpStatusCode.OK, (await Get(Client, "/api/v1/reports/performance?year=2026", before)).StatusCode);
    }
}

public sealed class SqliteReportCachingTests : ReportCachingTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerReportCachingTests : ReportCachingTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresReportCachingTests : ReportCachingTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
