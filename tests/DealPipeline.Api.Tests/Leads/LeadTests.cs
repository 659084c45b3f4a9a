namespace DealPipeline.Api.Tests;

/// <summary>
/// Lead intake (线索): dispatch by the first matching rule (sector and those under it, the company's region, an amount band in CNY),
/// the pools, claims on leads, conversion to a deal that keeps the lead's history, escalation and recycling on working days with a
/// moving clock (Jiangmen's deadlines: answered within 1 working day, assessed within 3), and the intake report, each figure
/// counted by hand here.
/// </summary>
public abstract class LeadTests : ApiTest
{
    // Thursday 3 December 2026, 10:00 in China.
    private readonly MovableTime _time = new(new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero));

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Leads:TeamLeadAfterWorkingDays"] = "2",
        ["Leads:FlagAfterWorkingDays"] = "5",
        ["Leads:RecycleAfterWorkingDays"] = "4",
    };

    protected override Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? Services =>
        services => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<TimeProvider>(services, _time);

    private void ToDay(int december) => _time.Advance(new DateTimeOffset(2026, 12, december, 2, 0, 0, TimeSpan.Zero) - _time.GetUtcNow());

    private async Task<long> CompanyIn(string name, string regionCode) => Id(await PostOk("/api/v1/companies", new { name, country = "CN", regionCode }));

    private static string[] Kinds(JsonNode lead) => [.. lead["history"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>())];

    [DbFact]
    public async Task A_lead_goes_to_the_first_rule_it_matches_else_to_the_pool_and_converts_to_a_deal_that_keeps_its_history()
    {
        var world = await CreateWorld();
        var making = await Team("先进制造专班");
        var (makerId, makerKey) = await UserWithKey("赵敏", "officer", making);
        var (_, officerKey) = await UserWithKey("孙丽", "officer", world.Team);
        using var maker = Factory.ClientWithKey(makerKey);
        using var officer = Factory.ClientWithKey(officerKey);
        var shanghai = await CompanyIn("上海微创医疗器械（集团）有限公司", "310115");
        var ningbo = await CompanyIn("宁波均胜电子股份有限公司", "330212");
        var shenzhen = await CompanyIn("深圳迈瑞生物医疗电子股份有限公司", "440305");

        // Refused, changing nothing: a rule sending leads nowhere, an empty band, a bad region; a lead's missing references.
        var before = await Snapshot();
        await AssertProblem(await Post("/api/v1/lead-rules", new { name = "空区间", teamId = making, minIntendedInvestment = 5m, maxIntendedInvestment = 5m }), HttpStatusCode.BadRequest, "maxIntendedInvestment", "leadRule.band");
        await AssertProblem(await Post("/api/v1/lead-rules", new { name = "错区划", teamId = making, regionCode = "33" }), HttpStatusCode.BadRequest, "regionCode");
        await AssertProblem(await Post("/api/v1/lead-rules", new { name = "无此人", ownerId = 999 }), HttpStatusCode.BadRequest, "ownerId");
        await AssertProblem(await Post("/api/v1/leads", new { companyId = ningbo, title = "x", source = "event" }), HttpStatusCode.BadRequest, "sourceEventId");
        await AssertProblem(await Post("/api/v1/leads", new { companyId = 999, title = "x", source = "form" }), HttpStatusCode.BadRequest, "companyId");
        await AssertProblem(await Post("/api/v1/leads", new { companyId = ningbo, title = "x", source = "fax" }), HttpStatusCode.BadRequest, "source");
        await AssertProblem(await Send(officer, HttpMethod.Post, "/api/v1/leads", new { companyId = ningbo, title = "x", source = "form", teamId = making }), HttpStatusCode.Forbidden);
        Assert.Equal(before, await Snapshot());

        var biomed = Id(await PostOk("/api/v1/lead-rules", new { name = "生物医药", priority = 10, sectorId = world.Biomed, teamId = world.Team }));
        var zhejiang = Id(await PostOk("/api/v1/lead-rules", new { name = "浙江来源", priority = 20, regionCode = "330000", ownerId = makerId }));
        var major = Id(await PostOk("/api/v1/lead-rules", new { name = "十亿以上", priority = 5, minIntendedInvestment = 1_000_000_000m, teamId = making }));
        await AssertProblem(await Post("/api/v1/lead-rules", new { name = "生物医药", teamId = making }), HttpStatusCode.Conflict);
        var order = JsonNode.Parse(await Client.GetStringAsync("/api/v1/lead-rules"))!.AsArray().Select(r => Id(r!)).ToArray();
        Assert.Equal([major, biomed, zhejiang], order);

        object Lead(long company, string title, string source = "form", long? sector = null, decimal? amount = null, object? more = null) =>
            new { companyId = company, title, source, sectorId = sector, intendedInvestment = amount, contact = "投资部 王总" };
        var drugs = await PostOk("/api/v1/leads", Lead(shanghai, "微创介入器械华东基地", sector: world.Drugs, amount: 500_000_000m));
        Assert.Equal(("queued", world.Team, biomed), (drugs["state"]!.GetValue<string>(), drugs["teamId"]!.GetValue<long>(), drugs["ruleId"]!.GetValue<long>()));
        Assert.Null(drugs["ownerId"]);
        Assert.Equal(["received", "dispatched"], Kinds(drugs));
        var parts = await PostOk("/api/v1/leads", Lead(ningbo, "均胜汽车电子二期", amount: 100_000_000m));
        Assert.Equal(("assigned", makerId, making, zhejiang), (parts["state"]!.GetValue<string>(), parts["ownerId"]!.GetValue<long>(), parts["teamId"]!.GetValue<long>(), parts["ruleId"]!.GetValue<long>()));
        var big = await PostOk("/api/v1/leads", Lead(shanghai, "微创总部基地", sector: world.Drugs, amount: 2_000_000_000m));
        Assert.Equal((making, major), (big["teamId"]!.GetValue<long>(), big["ruleId"]!.GetValue<long>())); // priority 5 before 10
        var unknown = await PostOk("/api/v1/leads", Lead(shenzhen, "迈瑞华东仓储中心", source: "call"));
        Assert.Equal("pool", unknown["state"]!.GetValue<string>());
        Assert.Null(unknown["ruleId"]);
        Assert.Equal(["received"], Kinds(unknown));

        // Taking: the team's queue for the team, the pool for anyone; a lead an officer has is not taken from them.
        await AssertProblem(await Send(officer, HttpMethod.Post, $"/api/v1/leads/{Id(big)}/take"), HttpStatusCode.Forbidden);
        await AssertProblem(await Send(officer, HttpMethod.Post, $"/api/v1/leads/{Id(parts)}/take"), HttpStatusCode.Conflict, code: "lead.taken");
        var taken = await Json(await Send(officer, HttpMethod.Post, $"/api/v1/leads/{Id(drugs)}/take"));
        Assert.Equal("assigned", taken["state"]!.GetValue<string>());
        var fromPool = await Json(await Send(maker, HttpMethod.Post, $"/api/v1/leads/{Id(unknown)}/take"));
        Assert.Equal((makerId, making), (fromPool["ownerId"]!.GetValue<long>(), fromPool["teamId"]!.GetValue<long>()));
        await AssertProblem(await Send(officer, HttpMethod.Post, $"/api/v1/leads/{Id(unknown)}/contacts", new { type = "call", on = "2026-12-03", summary = "电话" }), HttpStatusCode.Forbidden);
        await AssertProblem(await Send(maker, HttpMethod.Post, $"/api/v1/leads/{Id(unknown)}/contacts", new { type = "call", on = "2026-12-02", summary = "电话" }), HttpStatusCode.BadRequest, "on");

        // Conversion: the deal takes the lead's fields, opens on the day received, keeps the contacts as activities; once only.
        ToDay(4);
        var contacted = await Json(await Send(officer, HttpMethod.Post, $"/api/v1/leads/{Id(drugs)}/contacts", new { type = "call", on = "2026-12-03", summary = "电话联系王总，确认用地约 80 亩" }));
        Assert.Equal("2026-12-03", contacted["firstContactOn"]!.GetValue<string>());
        await AssertProblem(await Send(officer, HttpMethod.Post, $"/api/v1/leads/{Id(drugs)}/convert", new { }), HttpStatusCode.BadRequest, "parkId");
        var converting = await Send(officer, HttpMethod.Post, $"/api/v1/leads/{Id(drugs)}/convert", new { parkId = world.Park, stage = "negotiation" });
        Assert.Equal(HttpStatusCode.Created, converting.StatusCode);
        var deal = await Json(converting);
        Assert.Equal($"/api/v1/deals/{Id(deal)}", converting.Headers.Location!.OriginalString);
        Assert.Equal(("微创介入器械华东基地", shanghai, world.Drugs, "2026-12-03", "inbound", "negotiation"),
            (deal["name"]!.GetValue<string>(), deal["companyId"]!.GetValue<long>(), deal["sectorId"]!.GetValue<long>(), deal["openedOn"]!.GetValue<string>(), deal["source"]!.GetValue<string>(), deal["stage"]!.GetValue<string>()));
        Assert.Equal(500_000_000m, Money(deal["intendedInvestment"]));
        Assert.Equal(world.Team, deal["teamId"]!.GetValue<long>());
        var activities = JsonNode.Parse(await Client.GetStringAsync($"/api/v1/deals/{Id(deal)}/activities"))!;
        var activity = (activities is JsonArray list ? list : activities["items"]!.AsArray()).Single()!;
        Assert.Equal(("call", "2026-12-03", "电话联系王总，确认用地约 80 亩"), (activity["type"]!.GetValue<string>(), activity["on"]!.GetValue<string>(), activity["summary"]!.GetValue<string>()));
        var converted = await GetOk($"/api/v1/leads/{Id(drugs)}");
        Assert.Equal(("converted", Id(deal), "2026-12-04"), (converted["state"]!.GetValue<string>(), converted["dealId"]!.GetValue<long>(), converted["decidedOn"]!.GetValue<string>()));
        Assert.Equal(["received", "dispatched", "taken", "contacted", "converted"], Kinds(converted));
        await AssertProblem(await Send(officer, HttpMethod.Post, $"/api/v1/leads/{Id(drugs)}/convert", new { parkId = world.Park }), HttpStatusCode.Conflict, code: "lead.closed");
        await AssertProblem(await Send(officer, HttpMethod.Post, $"/api/v1/leads/{Id(drugs)}/drop", new { reason = "x" }), HttpStatusCode.Conflict, code: "lead.closed");

        // The deal's answer deadline, from the day received, was met by the lead's contact.
        await PostOk("/api/v1/deadline-rules", new { name = "一般线索", minIntendedInvestment = 0m, answerWithin = new { count = 1, unit = "workingDays" }, assessWithin = new { count = 3, unit = "workingDays" } });
        var deadlines = await GetOk($"/api/v1/deals/{Id(deal)}/deadlines");
        var answer = deadlines["deadlines"]!.AsArray().Single(d => d!["kind"]!.GetValue<string>() == "answer")!;
        Assert.Equal(("2026-12-04", "2026-12-03"), (answer["due"]!.GetValue<string>(), answer["metOn"]!.GetValue<string>()));

        // Dropping is the lead's team's; a manager reassigns with a reason.
        await AssertProblem(await Send(officer, HttpMethod.Post, $"/api/v1/leads/{Id(parts)}/drop", new { reason = "无意向" }), HttpStatusCode.Forbidden);
        await AssertProblem(await Send(maker, HttpMethod.Post, $"/api/v1/leads/{Id(parts)}/drop", new { }), HttpStatusCode.BadRequest, "reason");
        Assert.Equal("dropped", (await Json(await Send(maker, HttpMethod.Post, $"/api/v1/leads/{Id(parts)}/drop", new { reason = "企业确认无投资计划" })))["state"]!.GetValue<string>());
        await AssertProblem(await Send(maker, HttpMethod.Post, $"/api/v1/leads/{Id(big)}/assign", new { teamId = world.Team, reason = "x" }), HttpStatusCode.Forbidden);
        var assigned = await PostOk($"/api/v1/leads/{Id(big)}/assign", new { ownerId = world.Officer, reason = "总部项目由医药专班统筹" }, HttpStatusCode.OK);
        Assert.Equal((world.Officer, world.Team), (assigned["ownerId"]!.GetValue<long>(), assigned["teamId"]!.GetValue<long>()));
        Assert.Equal("总部项目由医药专班统筹", assigned["history"]!.AsArray().Last()!["note"]!.GetValue<string>());

        // Lists by state and source; every write in the change feed.
        Assert.Equal([Id(parts)], (await GetOk("/api/v1/leads?state=dropped"))["items"]!.AsArray().Select(l => Id(l!)).ToArray());
        Assert.Equal([Id(unknown)], (await GetOk("/api/v1/leads?source=call"))["items"]!.AsArray().Select(l => Id(l!)).ToArray());
        await AssertProblem(await Client.GetAsync("/api/v1/leads?state=lost"), HttpStatusCode.BadRequest, "state");
        var feed = (await GetOk("/api/v1/changes?after=0&limit=500"))["items"]!.AsArray()
            .Where(c => c!["entity"]!.GetValue<string>() == "lead" && c["id"]!.GetValue<string>() == Id(drugs).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(c => c!["kind"]!.GetValue<string>());
        Assert.Equal(["created", "taken", "contacted", "converted"], feed);
    }

    [DbFact]
    public async Task Another_units_claim_on_the_company_refuses_its_lead_naming_only_the_holder_unless_a_manager_overrides()
    {
        var world = await CreateWorld();
        var rivals = await Team("中山招商专班");
        var (_, rivalKey) = await UserWithKey("陈静", "officer", rivals);
        var (_, managerKey) = await UserWithKey("周强", "manager");
        using var rival = Factory.ClientWithKey(rivalKey);
        using var manager = Factory.ClientWithKey(managerKey);
        var claim = Id(await PostOk("/api/v1/claims", new { companyId = world.Company, parkId = world.Park, firstReportedOn = "2026-11-20", evidence = "11月20日报送项目信息表（编号 2026-118）" }));

        var before = await Snapshot();
        var refused = await AssertProblem(await Send(rival, HttpMethod.Post, "/api/v1/leads", new { companyId = world.Company, title = "康源二期", source = "visit", teamId = rivals }), HttpStatusCode.Conflict, code: "claim.heldByOther");
        Assert.Contains("杭州医药港", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("2026-118", refused.ToJsonString(), StringComparison.Ordinal);
        await AssertProblem(await Send(rival, HttpMethod.Post, "/api/v1/leads", new { companyId = world.Company, title = "康源二期", source = "visit", teamId = rivals, claimOverride = "我们先谈的" }), HttpStatusCode.Forbidden);
        Assert.Equal(before, await Snapshot());

        // The holder's own park takes the lead in; a manager lets another unit's through, kept in the claim's history and the lead's.
        Assert.Equal(HttpStatusCode.Created, (await Post("/api/v1/leads", new { companyId = world.Company, title = "康源一期", source = "visit", parkId = world.Park })).StatusCode);
        var overridden = await Json(await Send(manager, HttpMethod.Post, "/api/v1/leads", new { companyId = world.Company, title = "康源二期", source = "visit", teamId = rivals, claimOverride = "市领导协调：两地分设研发与生产" }));
        var history = (await GetOk($"/api/v1/claims/{claim}"))["history"]!.AsArray().Last()!;
        Assert.Equal(("overridden", Id(overridden)), (history["kind"]!.GetValue<string>(), history["leadId"]!.GetValue<long>()));
        Assert.Equal("市领导协调：两地分设研发与生产", overridden["history"]![0]!["note"]!.GetValue<string>());
    }

    [DbFact]
    public async Task A_late_lead_is_escalated_to_its_officer_then_the_teams_manager_then_flagged_and_an_untouched_one_goes_back_to_the_pool()
    {
        var world = await CreateWorld();
        var (teamManager, _) = await UserWithKey("刘洋", "manager", world.Team);
        var (officeManager, _) = await UserWithKey("周强", "manager");
        var (_, officerKey) = await UserWithKey("孙丽", "officer", world.Team);
        using var officer = Factory.ClientWithKey(officerKey);
        await PostOk("/api/v1/deadline-rules", new { name = "一般线索", minIntendedInvestment = 0m, answerWithin = new { count = 1, unit = "workingDays" }, assessWithin = new { count = 3, unit = "workingDays" } });
        var lead = Id(await PostOk("/api/v1/leads", new { companyId = world.Company, title = "康源原料药基地", source = "form", ownerId = world.Officer }));
        var pooled = Id(await PostOk("/api/v1/leads", new { companyId = world.Company, title = "康源冷链仓储", source = "form", parkId = world.Park }));
        async Task<JsonObject> Sweep() => await PostOk("/api/v1/leads/sweep", new { }, HttpStatusCode.OK);
        async Task<JsonObject> Lead(long id) => await GetOk($"/api/v1/leads/{id}");
        JsonNode LastEvent(JsonObject l) => l["history"]!.AsArray().Last()!;

        // Thursday 3 December: answer due Friday 4, assess Tuesday 8 (three working days after the 3rd).
        var fresh = await Lead(lead);
        Assert.Equal(["2026-12-04", "2026-12-08"], fresh["deadlines"]!.AsArray().Select(d => d!["due"]!.GetValue<string>()).ToArray());
        Assert.Empty((await Sweep())["escalated"]!.AsArray());
        ToDay(4);
        Assert.Empty((await Sweep())["escalated"]!.AsArray()); // due today, not late

        // Saturday 5: the answer deadline passed: the officer is told; the pool lead's first level goes to the office's managers.
        ToDay(5);
        var swept = await Sweep();
        Assert.Equal([lead, pooled], swept["escalated"]!.AsArray().Select(x => x!.GetValue<long>()).ToArray());
        var first = await Lead(lead);
        Assert.Equal("owner", first["escalation"]!.GetValue<string>());
        Assert.Equal(("escalated", "owner"), (LastEvent(first)["kind"]!.GetValue<string>(), LastEvent(first)["level"]!.GetValue<string>()));
        Assert.Equal([world.Officer], LastEvent(first)["notifiedUserIds"]!.AsArray().Select(x => x!.GetValue<long>()).ToArray());
        Assert.Equal([teamManager, officeManager], LastEvent(await Lead(pooled))["notifiedUserIds"]!.AsArray().Select(x => x!.GetValue<long>()).ToArray());
        Assert.Empty((await Sweep())["escalated"]!.AsArray()); // once per level

        // Monday 7 is one working day late; Tuesday 8 two: the team's manager is told.
        ToDay(7);
        Assert.Empty((await Sweep())["escalated"]!.AsArray());
        ToDay(8);
        Assert.Contains(lead, (await Sweep())["escalated"]!.AsArray().Select(x => x!.GetValue<long>()));
        var second = await Lead(lead);
        Assert.Equal("teamLead", second["escalation"]!.GetValue<string>());
        Assert.Equal([teamManager], LastEvent(second)["notifiedUserIds"]!.AsArray().Select(x => x!.GetValue<long>()).ToArray());

        // Wednesday 9: four working days untouched since the 3rd: back to the shared pool.
        ToDay(9);
        var recycledSweep = await Sweep();
        Assert.Equal([lead], recycledSweep["recycled"]!.AsArray().Select(x => x!.GetValue<long>()).ToArray());
        var recycled = await Lead(lead);
        Assert.Equal("pool", recycled["state"]!.GetValue<string>());
        Assert.Null(recycled["ownerId"]);
        Assert.Null(recycled["teamId"]);

        // Friday 11: five working days late: flagged, telling no one new; listed as flagged.
        ToDay(11);
        await Sweep();
        var flagged = await Lead(lead);
        Assert.True(flagged["flagged"]!.GetValue<bool>());
        Assert.Empty(LastEvent(flagged)["notifiedUserIds"]?.AsArray() ?? []);
        Assert.Contains(lead, (await GetOk("/api/v1/leads?flagged=true"))["items"]!.AsArray().Select(l => Id(l!)));

        // Taken from the pool and answered: late now only on assess (due the 8th, three working days ago): back to teamLead.
        await Send(officer, HttpMethod.Post, $"/api/v1/leads/{lead}/take");
        await Send(officer, HttpMethod.Post, $"/api/v1/leads/{lead}/contacts", new { type = "call", on = "2026-12-11", summary = "回电确认需求" });
        await Sweep();
        var answered = await Lead(lead);
        Assert.Equal("teamLead", answered["escalation"]!.GetValue<string>());
        Assert.Equal(["received", "escalated", "escalated", "recycled", "escalated", "taken", "contacted", "eased"], Kinds(answered));

        // Each change the sweep made is the lead's own row in the feed.
        var kinds = (await GetOk("/api/v1/changes?after=0&limit=500"))["items"]!.AsArray()
            .Where(c => c!["entity"]!.GetValue<string>() == "lead" && c["id"]!.GetValue<string>() == lead.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(c => c!["kind"]!.GetValue<string>());
        Assert.Equal(["created", "escalated", "escalated", "recycled", "escalated", "taken", "contacted", "updated"], kinds);
    }

    [DbFact]
    public async Task The_intake_report_counts_each_source_and_the_conversion_lead_to_deal_to_signed_to_landed()
    {
        var world = await CreateWorld();
        var forum = Id(await Event(startsOn: "2026-11-10"));
        async Task<long> Lead(string source, string title) =>
            Id(await PostOk("/api/v1/leads", new { companyId = world.Company, title, source, sourceEventId = source == "event" ? forum : (long?)null, ownerId = world.Officer, receivedOn = "2026-11-20" }));
        var events = new[] { await Lead("event", "甲"), await Lead("event", "乙"), await Lead("event", "丙") };
        var form = await Lead("form", "丁");
        await Lead("call", "戊");
        await PostOk($"/api/v1/leads/{form}/drop", new { reason = "重复登记" }, HttpStatusCode.OK);
        var signedAndLanded = Id(await PostOk($"/api/v1/leads/{events[0]}/convert", new { parkId = world.Park, sectorId = world.Drugs, intendedInvestment = 300_000_000m }));
        var notSigned = Id(await PostOk($"/api/v1/leads/{events[1]}/convert", new { parkId = world.Park, sectorId = world.Drugs, intendedInvestment = 100_000_000m }));
        Assert.NotEqual(signedAndLanded, notSigned);
        await Move(signedAndLanded, "signed", "2026-11-25", contractedInvestment: 300_000_000m);
        await Move(signedAndLanded, "landed", "2026-12-01");

        var report = await GetOk("/api/v1/reports/leads?from=2026-11-01&to=2026-11-30");
        JsonNode Row(string source) => report["sources"]!.AsArray().Single(s => s!["source"]!.GetValue<string>() == source)!;
        Assert.Equal(["form", "event", "referrer", "visit", "call", "other"], report["sources"]!.AsArray().Select(s => s!["source"]!.GetValue<string>()).ToArray());
        var byEvent = Row("event");
        Assert.Equal((3L, 1L, 2L, 1L, 1L), (byEvent["received"]!.GetValue<long>(), byEvent["assigned"]!.GetValue<long>(), byEvent["converted"]!.GetValue<long>(), byEvent["signed"]!.GetValue<long>(), byEvent["landed"]!.GetValue<long>()));
        Assert.Equal((0.6667m, 0.5m, 1m, 0.3333m), (Money(byEvent["conversionRate"]), Money(byEvent["signingRate"]), Money(byEvent["landingRate"]), Money(byEvent["leadToLanded"])));
        Assert.Equal("招商活动", byEvent["label"]!.GetValue<string>());
        Assert.Equal((1L, 1L, 0L), (Row("form")["received"]!.GetValue<long>(), Row("form")["dropped"]!.GetValue<long>(), Row("form")["converted"]!.GetValue<long>()));
        Assert.Null(Row("form")["signingRate"]); // nothing converted
        Assert.Null(Row("referrer")["conversionRate"]); // nothing received
        var total = report["total"]!;
        Assert.Equal((5L, 2L, 1L, 0.4m, 0.2m), (total["received"]!.GetValue<long>(), total["converted"]!.GetValue<long>(), total["landed"]!.GetValue<long>(), Money(total["conversionRate"]), Money(total["leadToLanded"])));
        Assert.Equal(0L, (await GetOk("/api/v1/reports/leads?from=2026-12-01&to=2026-12-31"))["total"]!["received"]!.GetValue<long>());
        await AssertProblem(await Client.GetAsync("/api/v1/reports/leads?from=2026-11-30&to=2026-11-01"), HttpStatusCode.BadRequest, "to");
        await AssertProblem(await Client.GetAsync("/api/v1/reports/leads"), HttpStatusCode.BadRequest, "from");
    }
}

public sealed class SqliteLeadTests : LeadTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerLeadTests : LeadTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresLeadTests : LeadTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
