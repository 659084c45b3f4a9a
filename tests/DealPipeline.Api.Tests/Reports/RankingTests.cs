using System.Globalization;

namespace DealPipeline.Api.Tests;

/// <summary>
/// The ranking board (赛马榜): parks ranked on the year's weighted figures, the points computed here independently by 功效系数法,
/// (v − min) / (max − min) × 40 + 60, and by rank; officers ranked within their teams; bad boards refused naming the parameter.
/// </summary>
public abstract partial class RankingTests : ApiTest
{
    private static readonly string Year = Today[..4];

    private static decimal Efficacy(decimal v, decimal min, decimal max) => max == min ? 100m : decimal.Round(((v - min) / (max - min) * 40m) + 60m, 2, MidpointRounding.AwayFromZero);

    [DbFact]
    public async Task Parks_are_ranked_on_weighted_figures_by_efficacy_coefficients_or_by_rank_and_officers_within_their_teams()
    {
        var world = await CreateWorld();
        var second = await Park("滨江园区");
        var third = await Park("萧山园区");
        async Task Signed(long park, decimal contracted, long? owner = null) =>
            await Deal(world, new { parkId = park, stage = "signed", openedOn = Today, contractedInvestment = contracted, ownerId = owner ?? world.Officer }, $"签约项目{park}-{contracted}");
        await Signed(world.Park, 300_000_000m);
        await Signed(world.Park, 100_000_000m);
        await Signed(second, 300_000_000m);

        var board = await GetOk($"/api/v1/reports/rankings?by=park&year={Year}&figures=signedCount:60,signedInvestment:40");
        var items = board["items"]!.AsArray();
        Assert.Equal([world.Park, second, third], items.Select(i => i!["id"]!.GetValue<long>()));
        // signedCount 2, 1, 0 and signedInvestment 4亿, 3亿, 0, scored here:
        var expected = new[]
        {
            (Efficacy(2, 0, 2) * 60 + Efficacy(400_000_000m, 0, 400_000_000m) * 40) / 100,
            (Efficacy(1, 0, 2) * 60 + Efficacy(300_000_000m, 0, 400_000_000m) * 40) / 100,
            (Efficacy(0, 0, 2) * 60 + Efficacy(0, 0, 400_000_000m) * 40) / 100,
        };
        Assert.Equal(expected.Select(e => decimal.Round(e, 2, MidpointRounding.AwayFromZero)), items.Select(i => Money(i!["score"])));
        Assert.Equal([100m, 84m, 60m], items.Select(i => Money(i!["score"])));
        Assert.Equal((300_000_000m, 90m), (Money(items[1]!["figures"]!["signedInvestment"]!["value"]), Money(items[1]!["figures"]!["signedInvestment"]!["points"])));
        Assert.Equal([1, 2, 3], items.Select(i => i!["rank"]!.GetValue<int>()));

        // By rank: the first 100, the last 60; the board's figures add up to the performance report's.
        var byRank = (await GetOk($"/api/v1/reports/rankings?by=park&year={Year}&figures=signedCount:60,signedInvestment:40&method=rank"))["items"]!.AsArray();
        Assert.Equal([100m, 80m, 60m], byRank.Select(i => Money(i!["score"])));
        var performance = await GetOk($"/api/v1/reports/performance?year={Year}");
        Assert.Equal(Money(performance["signed"]!["contractedInvestment"]), items.Sum(i => Money(i!["figures"]!["signedInvestment"]!["value"])));

        // Equal figures share a rank.
        await Signed(third, 100_000_000m);
        await Signed(third, 300_000_000m);
        var tied = (await GetOk($"/api/v1/reports/rankings?by=park&year={Year}&figures=signedCount:100"))["items"]!.AsArray();
        Assert.Equal([(1, 100m), (1, 100m), (3, 60m)], tied.Select(i => (i!["rank"]!.GetValue<int>(), Money(i["score"]))));

        // Officers within their teams: each team its own board.
        var other = await Team("先进制造专班");
        var zhao = await User("赵敏", "officer", other);
        var qian = await User("钱坤", "officer", other);
        await Signed(second, 50_000_000m, zhao);
        var teams = (await GetOk($"/api/v1/reports/rankings?by=owner&year={Year}&figures=signedCount:100&within=team"))["items"]!.AsArray();
        Assert.Equal([(world.Team, world.Officer, 1), (other, zhao, 1), (other, qian, 2)], teams.Select(i => (i!["groupId"]!.GetValue<long>(), i["id"]!.GetValue<long>(), i["rank"]!.GetValue<int>())));

        foreach (var (query, field) in new[]
        {
            ($"year={Year}", "by"), ($"by=region&year={Year}", "by"), ($"by=park&year={Year}&figures=profit:100", "figures"),
            ($"by=park&year={Year}&figures=signedCount:0", "figures"), ($"by=park&year={Year}&figures=signedCount:50,signedCount:50", "figures"),
            ($"by=park&year={Year}&method=median", "method"), ($"by=park&year={Year}&within=team", "within"),
        })
        {
            await AssertProblem(await Client.GetAsync($"/api/v1/reports/rankings?{query}"), HttpStatusCode.BadRequest, field);
        }
    }
}

public abstract partial class RankingTests
{
    private static readonly long[] NoSuchPark = [999_999];

    [DbFact]
    public async Task Parks_are_ranked_within_the_board_groups_an_admin_keeps_and_those_in_none_together()
    {
        var world = await CreateWorld();
        var (binjiang, xiaoshan, yuhang) = (await Park("滨江园区"), await Park("萧山园区"), await Park("余杭园区"));
        async Task Signed(long park, int count)
        {
            for (var i = 0; i < count; i++)
            {
                await Deal(world, new { parkId = park, stage = "signed", openedOn = Today }, $"签约{park}-{i}");
            }
        }

        await Signed(world.Park, 3);
        await Signed(binjiang, 1);
        await Signed(xiaoshan, 2);
        var national = await PostOk("/api/v1/board-groups", new { name = "国家级开发区", unit = "park", memberIds = new[] { world.Park, binjiang } });
        var provincial = await PostOk("/api/v1/board-groups", new { name = "省级开发区", unit = "park", memberIds = new[] { xiaoshan } });

        var board = (await GetOk($"/api/v1/reports/rankings?by=park&year={Year}&figures=signedCount:100&within=group"))["items"]!.AsArray();
        // 国家级: 3 and 1 signed, scored 100 and 60; 省级: alone, 100; 余杭 in no group, alone too.
        Assert.Equal(
            [(Id(national), world.Park, 1, 100m), (Id(national), binjiang, 2, 60m), (Id(provincial), xiaoshan, 1, 100m), ((long?)null, yuhang, 1, 100m)],
            board.Select(i => (i!["groupId"]?.GetValue<long>(), i["id"]!.GetValue<long>(), i["rank"]!.GetValue<int>(), Money(i["score"]))).OrderBy(x => x.Item1 ?? long.MaxValue).ThenBy(x => x.Item3));
        Assert.Equal("国家级开发区", board.First(i => i!["id"]!.GetValue<long>() == binjiang)!["groupName"]!.GetValue<string>());

        // Moving 萧山 into 国家级 makes it that board's second of three: a unit is in one group of its kind.
        await AssertProblem(await Post("/api/v1/board-groups", new { name = "重复", unit = "park", memberIds = new[] { xiaoshan } }), HttpStatusCode.Conflict);
        await AssertProblem(await Post("/api/v1/board-groups", new { name = "无此园区", unit = "park", memberIds = NoSuchPark }), HttpStatusCode.BadRequest, "memberIds");
        await AssertProblem(await Post("/api/v1/board-groups", new { name = "空组", unit = "park", memberIds = Array.Empty<long>() }), HttpStatusCode.BadRequest, "memberIds");
        await AssertProblem(await Post("/api/v1/board-groups", new { name = "错类", unit = "region", memberIds = new[] { xiaoshan } }), HttpStatusCode.BadRequest, "unit");
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Patch, $"/api/v1/board-groups/{Id(provincial)}", new { memberIds = new[] { yuhang } }, "application/merge-patch+json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Patch, $"/api/v1/board-groups/{Id(national)}", new { memberIds = new[] { world.Park, binjiang, xiaoshan } }, "application/merge-patch+json")).StatusCode);
        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/board-groups/{Id(national)}", new { unit = "team" }, "application/merge-patch+json"), HttpStatusCode.BadRequest, "unit");
        var regrouped = (await GetOk($"/api/v1/reports/rankings?by=park&year={Year}&figures=signedCount:100&within=group"))["items"]!.AsArray();
        Assert.Equal((Id(national), 2, 80m), regrouped.Where(i => i!["id"]!.GetValue<long>() == xiaoshan).Select(i => (i!["groupId"]!.GetValue<long>(), i["rank"]!.GetValue<int>(), Money(i["score"]))).Single());
        Assert.Equal([world.Park, binjiang, xiaoshan], (await GetOk($"/api/v1/board-groups/{Id(national)}"))["memberIds"]!.AsArray().Select(m => m!.GetValue<long>()).Order());
    }
}

public sealed class SqliteRankingTests : RankingTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerRankingTests : RankingTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresRankingTests : RankingTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
