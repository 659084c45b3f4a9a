namespace DealPipeline.Api.Tests;

public abstract class ReferenceDataTests : ApiTest
{

    /// <summary>Every create answers like the deals': 201, the new resource's path, and its version as the ETag, ready for If-Match.</summary>
    [DbFact]
    public async Task Created_reference_data_carries_its_location_and_its_etag()
    {
        var world = await CreateWorld();
        var creates = new (string Path, object Body)[]
        {
            ("/api/v1/parks", new { name = "青岛蓝谷", city = "青岛" }),
            ("/api/v1/sectors", new { name = "海洋生物" }),
            ("/api/v1/teams", new { name = "海洋招商专班" }),
            ("/api/v1/companies", new { name = "青岛海洋生物科技有限公司", country = "CN" }),
            ("/api/v1/users", new { name = "李娜", role = "officer", teamId = world.Team }),
        };
        foreach (var (path, body) in creates)
        {
            var response = await Post(path, body);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var id = Id(JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
            Assert.Equal($"{path}/{id}", response.Headers.Location!.OriginalString);
            Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
            var renamed = await Send(HttpMethod.Patch, $"{path}/{id}", new { name = "改名" + id }, "application/merge-patch+json", new Dictionary<string, string> { ["If-Match"] = response.Headers.ETag.Tag });
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        }
    }

    [DbFact]
    public async Task Reference_lists_page_with_a_cursor()
    {
        for (var i = 0; i < 5; i++)
        {
            await Team($"专班{i}");
        }

        var first = await GetOk("/api/v1/teams?limit=2");
        var second = await GetOk($"/api/v1/teams?limit=2&cursor={first["nextCursor"]}");
        var third = await GetOk($"/api/v1/teams?limit=2&cursor={second["nextCursor"]}");

        var names = new[] { first, second, third }.SelectMany(p => p["items"]!.AsArray()).Select(t => t!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["专班0", "专班1", "专班2", "专班3", "专班4"], names);
        Assert.Null(third["nextCursor"]);
    }
}

public sealed class SqliteReferenceDataTests : ReferenceDataTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerReferenceDataTests : ReferenceDataTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresReferenceDataTests : ReferenceDataTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
