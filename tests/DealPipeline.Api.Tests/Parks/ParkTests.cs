namespace DealPipeline.Api.Tests;

/// <summary>Parks: created, listed and unique by name.</summary>
public abstract class ParkTests : ApiTest
{
    [DbFact]
    public async Task Parks_are_created_listed_and_unique_by_name()
    {
        var created = await PostOk("/api/v1/parks", new { name = " 济南国际医学中心 ", city = "济南" });
        await Park("杭州医药港", "杭州");

        Assert.Equal("济南国际医学中心", created["name"]!.GetValue<string>());
        var response = await Post("/api/v1/parks", new { name = "济南国际医学中心", city = "济南" });
        await AssertProblem(response, HttpStatusCode.Conflict);
        await AssertProblem(await Post("/api/v1/parks", new { name = "", city = (string?)null }), HttpStatusCode.BadRequest, "name");
        var list = await GetOk("/api/v1/parks");
        Assert.Equal(["济南国际医学中心", "杭州医药港"], list["items"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.Null(list["nextCursor"]);
    }
}

public sealed class SqliteParkTests : ParkTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerParkTests : ParkTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresParkTests : ParkTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
