namespace DealPipeline.Api.Tests;

/// <summary>The stale report: idle active deals, longest idle first.</summary>
public abstract class StaleReportTests : ApiTest
{
    [DbFact]
    public async Task The_stale_report_lists_idle_active_deals_longest_idle_first()
    {
        var world = await CreateWorld();
        var quiet = Id(await Deal(world, new { openedOn = DaysAgo(90) }, "久未跟进"));
        var movedLately = Id(await Deal(world, new { openedOn = DaysAgo(90) }, "近期推进"));
        await Move(movedLately, "negotiation", DaysAgo(5));
        var calledLately = Id(await Deal(world, new { openedOn = DaysAgo(80) }, "近期电话"));
        await Activity(calledLately, "call", DaysAgo(3));
        var oldCall = Id(await Deal(world, new { openedOn = DaysAgo(70) }, "旧电话"));
        await Activity(oldCall, "call", DaysAgo(40));
        var held = Id(await Deal(world, new { openedOn = DaysAgo(100) }, "暂缓"));
        await SetStatus(held, "onHold", on: DaysAgo(95));
        var fresh = Id(await Deal(world, new { openedOn = DaysAgo(31) }, "刚好三十一天"));

        var report = await GetOk("/api/v1/reports/stale?days=30");

        var items = report["items"]!.AsArray();
        Assert.Equal([quiet, oldCall, fresh], items.Select(i => i!["dealId"]!.GetValue<long>()));
        Assert.Equal([90, 40, 31], items.Select(i => i!["idleDays"]!.GetValue<int>()));
        Assert.Equal(DaysAgo(40), items[1]!["lastTouchOn"]!.GetValue<string>());
        Assert.Equal("王磊", items[0]!["ownerName"]!.GetValue<string>());
        Assert.Equal([quiet], (await GetOk("/api/v1/reports/stale?days=60"))["items"]!.AsArray().Select(i => i!["dealId"]!.GetValue<long>()));
        var paged = await GetOk("/api/v1/reports/stale?days=30&limit=2");
        var next = await GetOk($"/api/v1/reports/stale?days=30&limit=2&cursor={paged["nextCursor"]}");
        Assert.Equal([fresh], next["items"]!.AsArray().Select(i => i!["dealId"]!.GetValue<long>()));
        Assert.Equal(3, (await GetOk($"/api/v1/reports/stale?teamId={world.Team}"))["items"]!.AsArray().Count);
        await AssertProblem(await Client.GetAsync("/api/v1/reports/stale?days=0"), HttpStatusCode.BadRequest, "days");
        await AssertProblem(await Client.GetAsync("/api/v1/reports/stale?days=abc"), HttpStatusCode.BadRequest, "days");
    }
}

public sealed class SqliteStaleReportTests : StaleReportTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerStaleReportTests : StaleReportTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresStaleReportTests : StaleReportTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
