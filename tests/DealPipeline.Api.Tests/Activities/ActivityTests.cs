namespace DealPipeline.Api.Tests;

/// <summary>Activities on a deal (calls, meetings, site visits …): listed newest first, and kept with letters from those who may not see a confidential deal.</summary>
public abstract class ActivityTests : ApiTest
{
    [DbFact]
    public async Task Activities_are_listed_newest_first_and_touch_the_deal_without_changing_its_version()
    {
        var world = await CreateWorld();
        var deal = Id(await Deal(world, new { openedOn = DaysAgo(40) }));

        await Activity(deal, "call", DaysAgo(30), "电话沟通");
        await Activity(deal, "siteVisit", DaysAgo(10), "企业来园区实地考察", "提供厂房方案", DaysAgo(-7));
        await Activity(deal, "meeting", DaysAgo(30), "面谈");
        await Activity(deal, "visit", DaysAgo(20), "上门拜访");

        var first = await GetOk($"/api/v1/deals/{deal}/activities?limit=3");
        var rest = await GetOk($"/api/v1/deals/{deal}/activities?limit=3&cursor={first["nextCursor"]}");
        var all = first["items"]!.AsArray().Concat(rest["items"]!.AsArray()).Select(a => $"{a!["on"]} {a["type"]} {a["summary"]}").ToList();
        Assert.Equal([$"{DaysAgo(10)} siteVisit 企业来园区实地考察", $"{DaysAgo(20)} visit 上门拜访", $"{DaysAgo(30)} meeting 面谈", $"{DaysAgo(30)} call 电话沟通"], all);
        Assert.Null(rest["nextCursor"]);
        var siteVisit = first["items"]![0]!;
        Assert.Equal(("提供厂房方案", DaysAgo(-7)), (siteVisit["nextStep"]!.GetValue<string>(), siteVisit["nextStepDue"]!.GetValue<string>()));

        var after = await Client.GetAsync($"/api/v1/deals/{deal}");
        Assert.Equal("\"1\"", after.Headers.ETag!.Tag);
        await AssertProblem(await Post($"/api/v1/deals/{deal}/activities", new { type = "call", on = DaysAgo(-1), summary = "x" }), HttpStatusCode.BadRequest, "on");
        await AssertProblem(await Post($"/api/v1/deals/{deal}/activities", new { type = "call", summary = "x" }), HttpStatusCode.BadRequest, "on");
        await AssertProblem(await Post($"/api/v1/deals/{deal}/activities", new { type = "lunch", on = Today, summary = "x" }), HttpStatusCode.BadRequest, "type");
        await AssertProblem(await Post($"/api/v1/deals/{deal}/activities", new { type = "call", on = Today, summary = "" }), HttpStatusCode.BadRequest, "summary");
        await AssertProblem(await Post($"/api/v1/deals/{deal}/activities", new { type = "call", on = Today, summary = "x", nextStepDue = DaysAgo(1) }), HttpStatusCode.BadRequest, "nextStepDue");
        await AssertProblem(await Post("/api/v1/deals/999/activities", new { type = "call", on = Today, summary = "x" }), HttpStatusCode.NotFound);
        await AssertProblem(await Client.GetAsync("/api/v1/deals/999/activities"), HttpStatusCode.NotFound);
        await AssertProblem(await Client.GetAsync($"/api/v1/deals/{deal}/activities?cursor=bad"), HttpStatusCode.BadRequest, "cursor");
    }

    /// <summary>
    /// A forum reception with the awkward cases, every figure computed here independently:
    /// two deals of one company, a lost deal with letters, a deleted deal, a USD deal, site visits
    /// twice by one company and one before the event, and a deal of another event.
    /// </summary>

    [DbFact]
    public async Task Confidential_deals_keep_their_letters_and_activities_from_outsiders_and_are_only_code_named_in_reports()
    {
        var world = await CreateWorld();
        var otherTeam = await Team("深圳招商工作组");
        var owner = await User("周杰", "officer", otherTeam);
        var (_, outsiderKey) = await UserWithKey("外人", "officer", world.Team);
        var forum = Id(await Event());
        var secret = Id(await Deal(world, new { ownerId = owner, confidential = true, codeName = "Project Falcon", openedOn = DaysAgo(100), source = "event", sourceEventId = forum }, "总部迁移（保密）"));
        await Activity(secret, "siteVisit", DaysAgo(50));
        var letter = Id(await Letter("intent", DaysAgo(50), secret, forum));
        using var outsider = Factory.ClientWithKey(outsiderKey);
        var before = await Snapshot();

        await AssertProblem(await outsider.GetAsync($"/api/v1/deals/{secret}/activities"), HttpStatusCode.NotFound);
        await AssertProblem(await Send(outsider, HttpMethod.Post, $"/api/v1/deals/{secret}/activities", new { type = "call", on = Today, summary = "x" }), HttpStatusCode.NotFound);
        await AssertProblem(await outsider.GetAsync($"/api/v1/letters/{letter}"), HttpStatusCode.NotFound);
        await AssertProblem(await Send(outsider, HttpMethod.Post, "/api/v1/letters", new { type = "intent", signedOn = Today, counterparty = "x", dealId = secret }), HttpStatusCode.NotFound);
        Assert.Empty(JsonNode.Parse(await outsider.GetStringAsync("/api/v1/letters"))!["items"]!.AsArray());
        Assert.Equal(before, await Snapshot());

        var stale = JsonNode.Parse(await outsider.GetStringAsync("/api/v1/reports/stale"))!["items"]!.AsArray().Single()!;
        Assert.Null(stale["dealId"]);
        Assert.Null(stale["companyId"]);
        Assert.Equal("Project Falcon", stale["name"]!.GetValue<string>());
        var yield = JsonNode.Parse(await outsider.GetStringAsync($"/api/v1/events/{forum}/report"))!;
        Assert.Equal(0, yield["deals"]!.GetValue<long>());
        Assert.Equal(0, yield["siteVisits"]!.GetValue<long>());
        var managersYield = await GetOk($"/api/v1/events/{forum}/report");
        Assert.Equal(1, managersYield["deals"]!.GetValue<long>());
        Assert.Equal(1, managersYield["siteVisits"]!.GetValue<long>());
        Assert.Equal("总部迁移（保密）", (await GetOk("/api/v1/reports/stale"))["items"]![0]!["name"]!.GetValue<string>());
    }
}

public sealed class SqliteActivityTests : ActivityTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerActivityTests : ActivityTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresActivityTests : ActivityTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
