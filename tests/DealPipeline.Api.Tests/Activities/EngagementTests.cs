namespace DealPipeline.Api.Tests;

public abstract class EngagementTests : ApiTest
{
    private async Task<JsonObject> Event(string name = "博鳌亚洲论坛全球健康论坛·亦城会客厅", string type = "forum", string? startsOn = null, int? visitorsReceived = 500, long? parkId = null) =>
        await PostOk("/api/v1/events", new { name, type, startsOn = startsOn ?? DaysAgo(60), endsOn = startsOn ?? DaysAgo(58), city = "博鳌", parkId, visitorsReceived });

    private async Task<JsonObject> Activity(long deal, string type, string on, string summary = "洽谈", string? nextStep = null, string? nextStepDue = null) =>
        await PostOk($"/api/v1/deals/{deal}/activities", new { type, on, summary, nextStep, nextStepDue });

    private async Task<JsonObject> Letter(string type, string signedOn, long? dealId = null, long? eventId = null, string counterparty = "某某生物") =>
        await PostOk("/api/v1/letters", new { type, signedOn, counterparty, dealId, eventId });

    [DbFact]
    public async Task Events_are_created_read_with_an_etag_patched_and_listed_by_date_and_type()
    {
        var world = await CreateWorld();
        var forum = await Event(parkId: world.Park, visitorsReceived: null);
        var trip = await Event("深圳招商考察", "outboundTrip", DaysAgo(10));
        await Event("济南国际医学中心推介会", "promotion", DaysAgo(200));

        var response = await Client.GetAsync($"/api/v1/events/{Id(forum)}");
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        var patched = await Send(HttpMethod.Patch, $"/api/v1/events/{Id(forum)}", new { visitorsReceived = 523 }, "application/merge-patch+json", new Dictionary<string, string> { ["If-Match"] = "\"1\"" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(523, (await GetOk($"/api/v1/events/{Id(forum)}"))["visitorsReceived"]!.GetValue<int>());
        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/events/{Id(forum)}", new { city = "海口" }, headers: new Dictionary<string, string> { ["If-Match"] = "\"1\"" }), HttpStatusCode.PreconditionFailed);
        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/events/{Id(forum)}", new { endsOn = DaysAgo(100) }), HttpStatusCode.BadRequest, "endsOn");
        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/events/{Id(forum)}", new { version = 3 }), HttpStatusCode.BadRequest, "version");
        await AssertProblem(await Client.GetAsync("/api/v1/events/999"), HttpStatusCode.NotFound);

        string[] Names(JsonObject page) => page["items"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).ToArray();
        Assert.Equal(3, Names(await GetOk("/api/v1/events")).Length);
        Assert.Equal(["博鳌亚洲论坛全球健康论坛·亦城会客厅", "深圳招商考察"], Names(await GetOk($"/api/v1/events?from={DaysAgo(90)}")));
        Assert.Equal(["深圳招商考察"], Names(await GetOk($"/api/v1/events?type=outboundTrip")));
        Assert.Equal(["博鳌亚洲论坛全球健康论坛·亦城会客厅", "济南国际医学中心推介会"], Names(await GetOk($"/api/v1/events?type=forum,promotion&to={DaysAgo(30)}")));
        Assert.Equal(Id(trip), Id((await GetOk("/api/v1/events?type=outboundTrip"))["items"]![0]!));

        await AssertProblem(await Post("/api/v1/events", new { name = "x", type = "party", startsOn = Today, endsOn = Today, city = "x" }), HttpStatusCode.BadRequest, "type");
        await AssertProblem(await Post("/api/v1/events", new { name = "x", type = "forum", startsOn = Today, endsOn = DaysAgo(1), city = "x" }), HttpStatusCode.BadRequest, "endsOn");
        await AssertProblem(await Post("/api/v1/events", new { name = "x", type = "forum", startsOn = Today, endsOn = Today, city = "x", parkId = 77 }), HttpStatusCode.BadRequest, "parkId");
        await AssertProblem(await Post("/api/v1/events", new { name = "x", type = "forum", startsOn = Today, endsOn = Today, city = "x", visitorsReceived = -1 }), HttpStatusCode.BadRequest, "visitorsReceived");
        await AssertProblem(await Client.GetAsync("/api/v1/events?type=party"), HttpStatusCode.BadRequest, "type");
    }

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

    [DbFact]
    public async Task Letters_link_to_a_deal_an_event_or_neither_and_are_filtered()
    {
        var world = await CreateWorld();
        var forum = Id(await Event());
        var deal = Id(await Deal(world, new { stage = "negotiation" }));

        var intent = await Letter("intent", DaysAgo(59), deal, forum);
        await Letter("initiative", DaysAgo(59), eventId: forum);
        await Letter("expertAppointment", DaysAgo(5), counterparty: "张教授");
        var response = await Client.GetAsync($"/api/v1/letters/{Id(intent)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        Assert.Equal("negotiation", (await GetOk($"/api/v1/deals/{deal}"))["stage"]!.GetValue<string>());
        long[] Ids(JsonObject page) => page["items"]!.AsArray().Select(l => Id(l!)).ToArray();
        Assert.Equal(3, Ids(await GetOk("/api/v1/letters")).Length);
        Assert.Equal(2, Ids(await GetOk($"/api/v1/letters?eventId={forum}")).Length);
        Assert.Equal([Id(intent)], Ids(await GetOk($"/api/v1/letters?dealId={deal}")));
        Assert.Equal([Id(intent)], Ids(await GetOk("/api/v1/letters?type=intent")));
        Assert.Single(Ids(await GetOk($"/api/v1/letters?from={DaysAgo(10)}")));
        Assert.Equal(2, Ids(await GetOk($"/api/v1/letters?from={DaysAgo(59)}&to={DaysAgo(59)}&type=intent,initiative")).Length);

        await AssertProblem(await Post("/api/v1/letters", new { type = "contract", signedOn = Today, counterparty = "x" }), HttpStatusCode.BadRequest, "type");
        await AssertProblem(await Post("/api/v1/letters", new { type = "intent", signedOn = DaysAgo(-1), counterparty = "x" }), HttpStatusCode.BadRequest, "signedOn");
        await AssertProblem(await Post("/api/v1/letters", new { type = "intent", signedOn = Today, counterparty = "x", eventId = 999 }), HttpStatusCode.BadRequest, "eventId");
        await AssertProblem(await Post("/api/v1/letters", new { type = "intent", signedOn = Today, counterparty = "x", dealId = 999 }), HttpStatusCode.NotFound);
        await AssertProblem(await Post("/api/v1/letters", new { type = "intent", signedOn = Today }), HttpStatusCode.BadRequest, "counterparty");
        await AssertProblem(await Client.GetAsync("/api/v1/letters/999"), HttpStatusCode.NotFound);
        await AssertProblem(await Client.GetAsync("/api/v1/letters?from=2025-02-30"), HttpStatusCode.BadRequest, "from");
    }

    /// <summary>
    /// A forum reception with the awkward cases, every figure computed here independently:
    /// two deals of one company, a lost deal with letters, a deleted deal, a USD deal, site visits
    /// twice by one company and one before the event, and a deal of another event.
    /// </summary>
    [DbFact]
    public async Task The_event_report_gives_every_figure_of_the_article_exactly()
    {
        var world = await CreateWorld();
        await SetRate("USD", 7.1004m, DaysAgo(400));
        await SetRate("USD", 7.3m, DaysAgo(30));
        var start = DaysAgo(60);
        var forum = Id(await Event(startsOn: start, visitorsReceived: 523));
        var other = Id(await Event("另一场推介会", "promotion", DaysAgo(100)));
        var companies = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            companies.Add(await Company($"企业{i}"));
        }

        var startDay = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        string InYears(double years) => startDay.AddDays((int)(years * 365)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        async Task<long> EventDeal(int company, decimal amount, string? planned, string currency = "CNY", long? eventId = null) =>
            Id(await Deal(world, new { companyId = companies[company], source = "event", sourceEventId = eventId ?? forum, currency, plannedLandingOn = planned, stage = "negotiation", openedOn = start }, $"项目{company}-{amount}", amount));

        var a1 = await EventDeal(0, 1_000_000_000.01m, InYears(1));
        var a2 = await EventDeal(0, 500_000_000m, InYears(2.5));
        var b = await EventDeal(1, 12_345_678.91m, InYears(0.5), "USD");
        var c = await EventDeal(2, 300_000_000m, null);
        var lost = await EventDeal(3, 9_000_000_000m, InYears(1));
        await SetStatus(lost, "lost", "funding");
        var deleted = await EventDeal(4, 7_000_000_000m, InYears(1));
        await Send(HttpMethod.Delete, $"/api/v1/deals/{deleted}");
        var held = await EventDeal(4, 250_000_000.5m, startDay.AddYears(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await SetStatus(held, "onHold");
        await EventDeal(2, 42m, InYears(1), eventId: other);

        await Activity(a1, "siteVisit", DaysAgo(50));
        await Activity(a2, "siteVisit", DaysAgo(40));
        await Activity(b, "siteVisit", DaysAgo(61));
        await Activity(c, "meeting", DaysAgo(50));
        await Activity(held, "siteVisit", start);
        await Activity(lost, "siteVisit", DaysAgo(50));
        foreach (var (type, deal) in new[] { ("intent", a1), ("intent", a2), ("initiative", c), ("intent", lost), ("initiative", lost), ("expertAppointment", (long?)null) }.Select(t => (t.Item1, (long?)t.Item2)))
        {
            await Letter(type, start, deal, forum);
        }

        await Letter("intent", start, c, other);

        var report = await GetOk($"/api/v1/events/{forum}/report");

        // Counted deals: a1, a2, b, c, held (lost and deleted left out).
        var usdAtStart = Math.Round(12_345_678.91m * 7.1004m, 2, MidpointRounding.AwayFromZero);
        Assert.Equal(forum, report["eventId"]!.GetValue<long>());
        Assert.Equal(523, report["visitorsReceived"]!.GetValue<int>());
        Assert.Equal(4, report["companiesEngaged"]!.GetValue<long>());
        Assert.Equal(5, report["deals"]!.GetValue<long>());
        Assert.Equal(1_000_000_000.01m + 500_000_000m + usdAtStart + 300_000_000m + 250_000_000.5m, Money(report["intendedInvestment"]));
        Assert.Equal(3, report["plannedToLand"]!.GetValue<long>());
        Assert.Equal(6, report["letters"]!["total"]!.GetValue<long>());
        Assert.Equal(2, report["letters"]!["initiative"]!.GetValue<long>());
        Assert.Equal(3, report["letters"]!["intent"]!.GetValue<long>());
        Assert.Equal(1, report["letters"]!["expertAppointment"]!.GetValue<long>());
        Assert.Equal(2, report["siteVisits"]!.GetValue<long>());
        Assert.Equal(2, (await GetOk($"/api/v1/events/{forum}/report?plannedWithinYears=1"))["plannedToLand"]!.GetValue<long>());
        Assert.Equal(4, (await GetOk($"/api/v1/events/{forum}/report?plannedWithinYears=3"))["plannedToLand"]!.GetValue<long>());
        await AssertProblem(await Client.GetAsync($"/api/v1/events/{forum}/report?plannedWithinYears=-1"), HttpStatusCode.BadRequest, "plannedWithinYears");
        await AssertProblem(await Client.GetAsync("/api/v1/events/999/report"), HttpStatusCode.NotFound);
    }

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

public sealed class SqliteEngagementTests : EngagementTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerEngagementTests : EngagementTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresEngagementTests : EngagementTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
