namespace DealPipeline.Api.Tests;

/// <summary>The sector tree (产业链/赛道): unique names among siblings, a bounded depth.</summary>
public abstract class SectorTests : ApiTest
{
    [DbFact]
    public async Task Sectors_form_a_tree_with_unique_names_among_siblings()
    {
        var biomed = await Sector("生物医药");
        var devices = await Sector("医疗器械");
        var ivd = await Sector("体外诊断", devices);
        await Sector("体外诊断", biomed);

        await AssertProblem(await Post("/api/v1/sectors", new { name = "体外诊断", parentId = devices }), HttpStatusCode.Conflict);
        await AssertProblem(await Post("/api/v1/sectors", new { name = "医疗器械" }), HttpStatusCode.Conflict);
        await AssertProblem(await Post("/api/v1/sectors", new { name = "x", parentId = 999 }), HttpStatusCode.BadRequest, "parentId");
        var items = (await GetOk("/api/v1/sectors"))["items"]!.AsArray();
        Assert.Equal(4, items.Count);
        var child = items.Single(s => Id(s!) == ivd)!;
        Assert.Equal(devices, child["parentId"]!.GetValue<long>());
        Assert.Null(items.Single(s => Id(s!) == biomed)!["parentId"]);
    }
}

public sealed class SqliteSectorTests : SectorTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerSectorTests : SectorTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresSectorTests : SectorTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
