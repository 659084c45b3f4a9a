using System.Globalization;

namespace DealPipeline.Api.Tests;

/// <summary>
/// The life of a signed project to full production (项目全周期): the office's steps (ten by default, five built in), milestones
/// recorded in their order and refused out of it naming the field, the milestones report (每一步 reached, waited at, lead times)
/// with 三未 and lists of the caller's own, and each project's needs of the park (要素保障) with their approval; every expected
/// figure computed here from the same dates.
/// </summary>
public abstract class MilestoneTests : ApiTest
{
    private static int DayNumber(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber;

    private static int Between(string from, string to) => DayNumber(to) - DayNumber(from);

    private async Task<long> Signed(World world, string name, int signedAgo, int? landedAgo = null)
    {
        var id = Id(await Deal(world, new { stage = "negotiation", openedOn = DaysAgo(signedAgo + 10) }, name));
        await Move(id, "signed", DaysAgo(signedAgo), contractedInvestment: 100_000_000m);
        if (landedAgo is { } landed)
        {
            await Move(id, "landed", DaysAgo(landed));
        }

        return id;
    }

    private Task<JsonObject> Reach(long deal, string kind, string on) => PostOk($"/api/v1/deals/{deal}/milestones", new { kind, on }, HttpStatusCode.OK);

    private Task<HttpResponseMessage> TryReach(long deal, string kind, string on) => Post($"/api/v1/deals/{deal}/milestones", new { kind, on });

    [DbFact]
    public async Task Milestones_follow_the_offices_steps_in_order_and_each_refusal_names_its_field_and_changes_nothing()
    {
        var world = await CreateWorld();
        var steps = (await GetOk("/api/v1/milestone-steps"))["items"]!.AsArray();
        Assert.Equal(
            ["landSupplied", "projectFiled", "energyReviewed", "environmentApproved", "permitIssued", "constructionStarted", "statsEntered", "productionStarted", "aboveSize", "fullProduction"],
            steps.OrderBy(s => s!["position"]!.GetValue<int>()).Select(s => s!["code"]!.GetValue<string>()));
        Assert.Equal(["constructionStarted", "statsEntered", "productionStarted", "aboveSize", "fullProduction"], steps.Where(s => s!["builtIn"]!.GetValue<bool>()).Select(s => s!["code"]!.GetValue<string>()));

        var negotiating = Id(await Deal(world, new { stage = "negotiation", openedOn = DaysAgo(100) }, "洽谈中"));
        var deal = await Signed(world, "签约项目", 200, 150);
        var before = await Snapshot();
        await AssertProblem(await TryReach(negotiating, "landSupplied", DaysAgo(10)), HttpStatusCode.Conflict, code: "milestone.notSigned");
        await AssertProblem(await TryReach(deal, "landSupplied", DaysAgo(201)), HttpStatusCode.BadRequest, "on", "on.beforeSigning");
        await AssertProblem(await TryReach(deal, "noSuchStep", DaysAgo(10)), HttpStatusCode.BadRequest, "kind", "kind.unknown");
        await AssertProblem(await TryReach(deal, "productionStarted", DaysAgo(10)), HttpStatusCode.BadRequest, "kind", "milestone.outOfOrder"); // 投产 needs 开工
        await AssertProblem(await Post($"/api/v1/deals/{deal}/milestones", new { kind = "landSupplied" }), HttpStatusCode.BadRequest, "on");
        await AssertProblem(await Post($"/api/v1/deals/{deal}/milestones", new { on = DaysAgo(3) }), HttpStatusCode.BadRequest, "kind");
        Assert.Equal(before, await Snapshot());

        var supplied = await Reach(deal, "landSupplied", DaysAgo(180));
        Assert.Equal(4, supplied["version"]!.GetValue<int>()); // opened, signed, landed, then this milestone
        await Reach(deal, "environmentApproved", DaysAgo(160)); // 备案 and 能评 skipped: not required
        before = await Snapshot();
        await AssertProblem(await TryReach(deal, "landSupplied", DaysAgo(170)), HttpStatusCode.Conflict, code: "milestone.recorded");
        var early = await AssertProblem(await TryReach(deal, "projectFiled", DaysAgo(190)), HttpStatusCode.BadRequest, "on", "on.beforePrevious");
        Assert.Contains("供地", early["errors"]!["on"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var late = await AssertProblem(await TryReach(deal, "projectFiled", DaysAgo(150)), HttpStatusCode.BadRequest, "on", "on.afterNext");
        Assert.Contains("环评", late["errors"]!["on"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertProblem(await TryReach(deal, "constructionStarted", DaysAgo(165)), HttpStatusCode.BadRequest, "on", "on.beforePrevious"); // before 环评
        Assert.Equal(before, await Snapshot());

        await Reach(deal, "projectFiled", DaysAgo(170)); // between 供地 and 环评: in order
        var started = await Reach(deal, "constructionStarted", DaysAgo(120));
        Assert.Equal(DaysAgo(120), started["constructionStartedOn"]!.GetValue<string>());
        await Reach(deal, "productionStarted", DaysAgo(30));
        await AssertProblem(await TryReach(deal, "statsEntered", DaysAgo(20)), HttpStatusCode.BadRequest, "on", "on.afterNext"); // 入库 comes before 投产
        await Reach(deal, "statsEntered", DaysAgo(60));

        var view = await GetOk($"/api/v1/deals/{deal}/milestones");
        var byCode = view["steps"]!.AsArray().ToDictionary(s => s!["code"]!.GetValue<string>(), s => s!);
        Assert.Equal(DaysAgo(180), byCode["landSupplied"]["on"]!.GetValue<string>());
        Assert.Equal(20, byCode["landSupplied"]["daysFromPrevious"]!.GetValue<int>()); // from the signing
        Assert.Equal(10, byCode["projectFiled"]["daysFromPrevious"]!.GetValue<int>());
        Assert.Equal(10, byCode["environmentApproved"]["daysFromPrevious"]!.GetValue<int>()); // 能评 skipped: from 备案
        Assert.Equal(40, byCode["constructionStarted"]["daysFromPrevious"]!.GetValue<int>());
        Assert.Equal(60, byCode["statsEntered"]["daysFromPrevious"]!.GetValue<int>());
        Assert.Equal(30, byCode["productionStarted"]["daysFromPrevious"]!.GetValue<int>()); // from 入库, the step before it
        Assert.Null(byCode["energyReviewed"]["on"]);
        Assert.Equal(("aboveSize", DaysAgo(30), 30), (view["waitingAt"]!["step"]!.GetValue<string>(), view["waitingAt"]!["since"]!.GetValue<string>(), view["waitingAt"]!["days"]!.GetValue<int>()));

        // An office step is its own entry in the audit log and the change feed, beside the deal it moved on.
        var changes = (await GetOk("/api/v1/changes?after=0&limit=500"))["items"]!.AsArray();
        Assert.Equal(4, changes.Count(c => c!["entity"]!.GetValue<string>() == "dealMilestone" && c["kind"]!.GetValue<string>() == "created"));
        Assert.Equal(6, changes.Count(c => c!["entity"]!.GetValue<string>() == "deal" && c["id"]!.GetValue<string>() == deal.ToString(CultureInfo.InvariantCulture) && c["kind"]!.GetValue<string>() == "milestoneRecorded"));
        var audited = (await GetOk("/api/v1/audit?entity=dealMilestone&limit=100"))["items"]!.AsArray();
        Assert.Equal(["environmentApproved", "landSupplied", "projectFiled", "statsEntered"], audited.Select(a => a!["after"]!["step"]!.GetValue<string>()).Order());
    }

    [DbFact]
    public async Task A_deal_moved_back_below_landing_or_signing_loses_the_milestones_of_that_life()
    {
        var world = await CreateWorld();
        var deal = await Signed(world, "退回项目", 100, 80);
        await Reach(deal, "landSupplied", DaysAgo(90));
        await Reach(deal, "constructionStarted", DaysAgo(70));
        await Reach(deal, "statsEntered", DaysAgo(60));
        await Reach(deal, "productionStarted", DaysAgo(50));
        await Reach(deal, "aboveSize", DaysAgo(40));

        static List<string?> Reached(JsonObject view) => [.. view["steps"]!.AsArray().Where(s => s!["on"] is not null).Select(s => s!["code"]!.GetValue<string>())];

        // Back to signed: 开工 and 投产 go with the landing, and so do 入库 and 上规 after them; 供地 stays.
        await Move(deal, "signed", DaysAgo(30), reason: "落地手续退回");
        Assert.Equal(["landSupplied"], Reached(await GetOk($"/api/v1/deals/{deal}/milestones")));
        var changes = (await GetOk("/api/v1/changes?after=0&limit=500"))["items"]!.AsArray();
        Assert.Equal(2, changes.Count(c => c!["entity"]!.GetValue<string>() == "dealMilestone" && c["kind"]!.GetValue<string>() == "deleted"));

        // Landed again, the steps are recorded afresh, in order.
        await Move(deal, "landed", DaysAgo(20));
        await AssertProblem(await TryReach(deal, "statsEntered", DaysAgo(10)), HttpStatusCode.BadRequest, "kind", "milestone.outOfOrder");
        await Reach(deal, "constructionStarted", DaysAgo(15));

        // Back below signing: no milestone is left.
        await Move(deal, "negotiation", DaysAgo(5), reason: "重新洽谈");
        var view = await GetOk($"/api/v1/deals/{deal}/milestones");
        Assert.Empty(Reached(view));
        Assert.Null(view["waitingAt"]);
        var removed = (await GetOk("/api/v1/audit?entity=dealMilestone&limit=100"))["items"]!.AsArray().Where(a => a!["action"]!.GetValue<string>() == "MoveDealStage");
        Assert.Equal(["aboveSize", "landSupplied", "statsEntered"], removed.Select(a => a!["before"]!["step"]!.GetValue<string>()).Order());
    }

    [DbFact]
    public async Task Admins_add_and_order_steps_but_a_built_in_step_changes_only_its_names()
    {
        var world = await CreateWorld();
        var added = await PostOk("/api/v1/milestone-steps", new { code = "landCertified", name = "土地证", nameEn = "Land certificate", position = 15, required = true });
        Assert.False(added["builtIn"]!.GetValue<bool>());
        await AssertProblem(await Post("/api/v1/milestone-steps", new { code = "landCertified", name = "重复", position = 16 }), HttpStatusCode.Conflict);
        await AssertProblem(await Post("/api/v1/milestone-steps", new { code = "other", name = "同位", position = 15 }), HttpStatusCode.Conflict);
        await AssertProblem(await Post("/api/v1/milestone-steps", new { code = "Bad code", name = "坏", position = 17 }), HttpStatusCode.BadRequest, "code");
        await AssertProblem(await Post("/api/v1/milestone-steps", new { code = "fine", name = "好", position = 0 }), HttpStatusCode.BadRequest, "position");
        await AssertProblem(await Post("/api/v1/milestone-steps", new { code = "fine", name = "", position = 17 }), HttpStatusCode.BadRequest, "name");

        var steps = (await GetOk("/api/v1/milestone-steps"))["items"]!.AsArray();
        var started = steps.Single(s => s!["code"]!.GetValue<string>() == "constructionStarted")!;
        var patch = $"/api/v1/milestone-steps/{started["id"]}";
        await AssertProblem(await Send(HttpMethod.Patch, patch, new { position = 5 }, "application/merge-patch+json"), HttpStatusCode.BadRequest, "position");
        await AssertProblem(await Send(HttpMethod.Patch, patch, new { enabled = false }, "application/merge-patch+json"), HttpStatusCode.BadRequest, "enabled");
        await AssertProblem(await Send(HttpMethod.Patch, patch, new { code = "started" }, "application/merge-patch+json"), HttpStatusCode.BadRequest, "code");
        var renamed = await Send(HttpMethod.Patch, patch, new { name = "项目开工" }, "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("项目开工", (await Json(renamed))["name"]!.GetValue<string>());

        // The new required step (供地 at 10, 土地证 at 15) must come before 备案 and everything after it.
        var deal = await Signed(world, "要证项目", 100);
        await Reach(deal, "landSupplied", DaysAgo(90));
        var missing = await AssertProblem(await TryReach(deal, "projectFiled", DaysAgo(80)), HttpStatusCode.BadRequest, "kind", "milestone.outOfOrder");
        Assert.Contains("土地证", missing["errors"]!["kind"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await Reach(deal, "landCertified", DaysAgo(85));
        await Reach(deal, "projectFiled", DaysAgo(80));

        // Disabled, a step takes no milestone and leaves the deal's list; what was recorded stays.
        var filed = steps.Single(s => s!["code"]!.GetValue<string>() == "projectFiled")!;
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Patch, $"/api/v1/milestone-steps/{filed["id"]}", new { enabled = false }, "application/merge-patch+json")).StatusCode);
        await AssertProblem(await TryReach(await Signed(world, "另一项目", 50), "projectFiled", DaysAgo(10)), HttpStatusCode.BadRequest, "kind", "kind.unknown");
        Assert.DoesNotContain((await GetOk($"/api/v1/deals/{deal}/milestones"))["steps"]!.AsArray(), s => s!["code"]!.GetValue<string>() == "projectFiled");
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Patch, $"/api/v1/milestone-steps/{filed["id"]}", new { enabled = true }, "application/merge-patch+json")).StatusCode);
        Assert.Equal(DaysAgo(80), (await GetOk($"/api/v1/deals/{deal}/milestones"))["steps"]!.AsArray().Single(s => s!["code"]!.GetValue<string>() == "projectFiled")!["on"]!.GetValue<string>());
    }

    [DbFact]
    public async Task The_milestones_report_lists_the_deals_stuck_at_each_step_with_lead_times_as_of_a_day()
    {
        var world = await CreateWorld();
        // Four signed deals, their milestones in days ago.
        var a = await Signed(world, "甲", 400, 380); // 签约未开工 since signing
        var b = await Signed(world, "乙", 300, 290);
        await Reach(b, "landSupplied", DaysAgo(280));
        await Reach(b, "constructionStarted", DaysAgo(250)); // 开工未投产
        var c = await Signed(world, "丙", 500, 480);
        await Reach(c, "constructionStarted", DaysAgo(450));
        await Reach(c, "productionStarted", DaysAgo(200)); // 投产未达产
        var d = await Signed(world, "丁", 600, 590);
        await Reach(d, "constructionStarted", DaysAgo(560));
        await Reach(d, "productionStarted", DaysAgo(400));
        await Reach(d, "fullProduction", DaysAgo(100)); // past the last of 三未
        var lost = await Signed(world, "失", 200);
        await SetStatus(lost, "lost", "funding", DaysAgo(10));
        await Deal(world, new { stage = "negotiation" }, "洽谈");

        var three = await GetOk($"/api/v1/reports/milestones?list={Uri.EscapeDataString("三未")}");
        Assert.Equal((Today, "三未", 4), (three["asOf"]!.GetValue<string>(), three["list"]!.GetValue<string>(), three["checked"]!.GetValue<int>()));
        var figures = three["steps"]!.AsArray().ToDictionary(s => s!["code"]!.GetValue<string>(), s => s!);
        Assert.Equal(["constructionStarted", "productionStarted", "fullProduction"], figures.Keys);
        Assert.Equal(["未开工", "未投产", "未达产"], figures.Values.Select(f => f["waitingLabel"]!.GetValue<string>()));
        Assert.Equal([3, 2, 1], figures.Values.Select(f => f["reached"]!.GetValue<int>()));
        Assert.Equal([1, 1, 1], figures.Values.Select(f => f["waiting"]!.GetValue<int>()));

        // Lead times to 开工 from signing: 乙 50, 丙 50, 丁 40 days; to 投产 from 开工: 丙 250, 丁 160.
        int[] toStart = [Between(DaysAgo(300), DaysAgo(250)), Between(DaysAgo(500), DaysAgo(450)), Between(DaysAgo(600), DaysAgo(560))];
        var start = figures["constructionStarted"]["fromSigning"]!;
        Assert.Equal((3, decimal.Round((decimal)toStart.Sum() / 3, 1, MidpointRounding.AwayFromZero), toStart.Order().ElementAt(1), toStart.Max()),
            (start["count"]!.GetValue<int>(), Money(start["meanDays"]), Money(start["medianDays"]), start["maxDays"]!.GetValue<int>()));
        int[] toProduce = [Between(DaysAgo(450), DaysAgo(200)), Between(DaysAgo(560), DaysAgo(400))];
        var produce = figures["productionStarted"]["fromPrevious"]!;
        Assert.Equal((2, (decimal)toProduce.Sum() / 2, (decimal)toProduce.Sum() / 2, toProduce.Max()),
            (produce["count"]!.GetValue<int>(), Money(produce["meanDays"]), Money(produce["medianDays"]), produce["maxDays"]!.GetValue<int>()));

        var items = three["items"]!.AsArray().Select(i => (i!["name"]!.GetValue<string>(), i["step"]!.GetValue<string>(), i["since"]!.GetValue<string>(), i["days"]!.GetValue<int>())).ToList();
        Assert.Equal([("甲", "constructionStarted", DaysAgo(400), 400), ("乙", "productionStarted", DaysAgo(250), 250), ("丙", "fullProduction", DaysAgo(200), 200)], items);

        // Only the long waits, only one step, and the day before 乙 started: then it waited at 开工 since its signing.
        Assert.Equal(["甲", "乙"], (await GetOk($"/api/v1/reports/milestones?list={Uri.EscapeDataString("三未")}&minDays=201"))["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
        Assert.Equal(["甲"], (await GetOk($"/api/v1/reports/milestones?list={Uri.EscapeDataString("三未")}&step=constructionStarted"))["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
        var then = await GetOk($"/api/v1/reports/milestones?list={Uri.EscapeDataString("三未")}&asOf={DaysAgo(251)}");
        Assert.Contains(then["items"]!.AsArray(), i => i!["name"]!.GetValue<string>() == "乙" && i["step"]!.GetValue<string>() == "constructionStarted" && i["since"]!.GetValue<string>() == DaysAgo(300));
        Assert.Equal(2, then["steps"]![0]!["reached"]!.GetValue<int>());

        // Every enabled step: 乙 reached 供地 then 开工, so it waits at 入库, after 开工; 甲 at 供地, the first.
        var all = await GetOk("/api/v1/reports/milestones");
        Assert.Equal(10, all["steps"]!.AsArray().Count);
        Assert.Contains(all["items"]!.AsArray(), i => i!["name"]!.GetValue<string>() == "乙" && i["step"]!.GetValue<string>() == "statsEntered");
        Assert.Contains(all["items"]!.AsArray(), i => i!["name"]!.GetValue<string>() == "甲" && i["step"]!.GetValue<string>() == "landSupplied");
        var own = await GetOk("/api/v1/reports/milestones?steps=landSupplied,constructionStarted");
        Assert.Equal("landSupplied,constructionStarted", own["list"]!.GetValue<string>());
        Assert.Equal([1, 3], own["steps"]!.AsArray().Select(s => s!["reached"]!.GetValue<int>()));

        await AssertProblem(await Client.GetAsync("/api/v1/reports/milestones?list=nine"), HttpStatusCode.BadRequest, "list");
        await AssertProblem(await Client.GetAsync("/api/v1/reports/milestones?steps=nope"), HttpStatusCode.BadRequest, "steps");
        await AssertProblem(await Client.GetAsync($"/api/v1/reports/milestones?list={Uri.EscapeDataString("三未")}&steps=landSupplied"), HttpStatusCode.BadRequest, "steps");
        await AssertProblem(await Client.GetAsync($"/api/v1/reports/milestones?list={Uri.EscapeDataString("三未")}&step=landSupplied"), HttpStatusCode.BadRequest, "step");
        await AssertProblem(await Client.GetAsync("/api/v1/reports/milestones?minDays=-1"), HttpStatusCode.BadRequest, "minDays");
        await AssertProblem(await Client.GetAsync($"/api/v1/reports/milestones?asOf={DateOnly.ParseExact(Today, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(1):yyyy-MM-dd}"), HttpStatusCode.BadRequest, "asOf");
    }

    [DbFact]
    public async Task Needs_are_asked_exactly_and_decided_once_by_a_manager_and_the_report_sums_them_as_of_a_day()
    {
        var world = await CreateWorld();
        var deal = Id(await Deal(world, new { stage = "negotiation", openedOn = DaysAgo(100) }, "需要用地的项目"));
        var other = Id(await Deal(world, new { stage = "negotiation", openedOn = DaysAgo(100) }, "用能项目"));
        var land = await PostOk($"/api/v1/deals/{deal}/needs", new { kind = "land", quantity = 120.125m, requestedOn = DaysAgo(60), note = "一期" });
        Assert.Equal(("亩", 120.125m, "requested"), (land["unit"]!.GetValue<string>(), Money(land["quantity"]), land["state"]!.GetValue<string>()));
        var energy = await PostOk($"/api/v1/deals/{deal}/needs", new { kind = "energy", quantity = 5000m, requestedOn = DaysAgo(50) });
        var moreLand = await PostOk($"/api/v1/deals/{other}/needs", new { kind = "land", quantity = 0.001m, requestedOn = DaysAgo(40) });
        var water = await PostOk($"/api/v1/deals/{other}/needs", new { kind = "water", quantity = 300m });
        Assert.Equal(Today, water["requestedOn"]!.GetValue<string>());

        var before = await Snapshot();
        await AssertProblem(await Post($"/api/v1/deals/{deal}/needs", new { kind = "gold", quantity = 1m }), HttpStatusCode.BadRequest, "kind");
        await AssertProblem(await Post($"/api/v1/deals/{deal}/needs", new { kind = "land", quantity = 0m }), HttpStatusCode.BadRequest, "quantity");
        await AssertProblem(await Post($"/api/v1/deals/{deal}/needs", new { kind = "land", quantity = 1.0001m }), HttpStatusCode.BadRequest, "quantity");
        await AssertProblem(await Post($"/api/v1/deals/{deal}/needs", new { kind = "land", quantity = 1_000_000_001m }), HttpStatusCode.BadRequest, "quantity");
        await AssertProblem(await Post($"/api/v1/deals/{deal}/needs", new { kind = "land" }), HttpStatusCode.BadRequest, "quantity");
        await AssertProblem(await Post($"/api/v1/deals/{deal}/needs/{Id(land)}/decision", new { decision = "maybe" }), HttpStatusCode.BadRequest, "decision");
        await AssertProblem(await Post($"/api/v1/deals/{deal}/needs/{Id(land)}/decision", new { decision = "approved", approvedQuantity = 200m }), HttpStatusCode.BadRequest, "approvedQuantity");
        await AssertProblem(await Post($"/api/v1/deals/{deal}/needs/{Id(land)}/decision", new { decision = "refused", approvedQuantity = 1m }), HttpStatusCode.BadRequest, "approvedQuantity");
        await AssertProblem(await Post($"/api/v1/deals/{deal}/needs/{Id(land)}/decision", new { decision = "approved", on = DaysAgo(61) }), HttpStatusCode.BadRequest, "on");
        await AssertProblem(await Post($"/api/v1/deals/{other}/needs/{Id(land)}/decision", new { decision = "approved" }), HttpStatusCode.NotFound);
        Assert.Equal(before, await Snapshot());

        // An officer asks; only a manager (or an admin) decides.
        var (_, officerKey) = await UserWithKey("李娜", "officer", world.Team);
        using var officer = Factory.ClientWithKey(officerKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(officer, HttpMethod.Post, $"/api/v1/deals/{deal}/needs/{Id(land)}/decision", new { decision = "approved" })).StatusCode);
        var (_, managerKey) = await UserWithKey("王经理", "manager", world.Team);
        using var manager = Factory.ClientWithKey(managerKey);
        var partly = await Send(manager, HttpMethod.Post, $"/api/v1/deals/{deal}/needs/{Id(land)}/decision", new { decision = "approved", approvedQuantity = 100.5m, on = DaysAgo(30), note = "先供一期" });
        Assert.Equal(HttpStatusCode.OK, partly.StatusCode);
        var decided = await Json(partly);
        Assert.Equal(("partlyApproved", 100.5m, DaysAgo(30)), (decided["state"]!.GetValue<string>(), Money(decided["approvedQuantity"]), decided["decidedOn"]!.GetValue<string>()));
        await AssertProblem(await Post($"/api/v1/deals/{deal}/needs/{Id(land)}/decision", new { decision = "refused" }), HttpStatusCode.Conflict, code: "need.decided");
        await PostOk($"/api/v1/deals/{deal}/needs/{Id(energy)}/decision", new { decision = "refused", on = DaysAgo(20) }, HttpStatusCode.OK);
        await PostOk($"/api/v1/deals/{other}/needs/{Id(moreLand)}/decision", new { decision = "approved", on = DaysAgo(10) }, HttpStatusCode.OK);

        Assert.Equal(["land", "energy"], JsonNode.Parse(await Client.GetStringAsync($"/api/v1/deals/{deal}/needs"))!.AsArray().Select(n => n!["kind"]!.GetValue<string>()));
        var report = (await GetOk("/api/v1/reports/needs"))["kinds"]!.AsArray().ToDictionary(k => k!["kind"]!.GetValue<string>(), k => k!);
        Assert.Equal((2, 2, 120.126m, 100.501m, 0m, 0m), Figures(report["land"]));
        Assert.Equal((1, 1, 5000m, 0m, 0m, 5000m), Figures(report["energy"]));
        Assert.Equal((1, 1, 300m, 0m, 300m, 0m), Figures(report["water"]));
        Assert.Equal((0, 0, 0m, 0m, 0m, 0m), Figures(report["power"]));

        // Twenty-five days ago: the land partly approved, the energy not yet refused, the smaller land not yet approved, no water asked.
        var then = (await GetOk($"/api/v1/reports/needs?asOf={DaysAgo(25)}"))["kinds"]!.AsArray().ToDictionary(k => k!["kind"]!.GetValue<string>(), k => k!);
        Assert.Equal((2, 2, 120.126m, 100.5m, 0.001m, 0m), Figures(then["land"]));
        Assert.Equal((1, 1, 5000m, 0m, 5000m, 0m), Figures(then["energy"]));
        Assert.Equal(0, then["water"]!["needs"]!.GetValue<int>());

        var changes = (await GetOk("/api/v1/changes?after=0&limit=500"))["items"]!.AsArray();
        Assert.Equal(4, changes.Count(c => c!["entity"]!.GetValue<string>() == "dealNeed" && c["kind"]!.GetValue<string>() == "created"));
        Assert.Equal(3, changes.Count(c => c!["entity"]!.GetValue<string>() == "dealNeed" && c["kind"]!.GetValue<string>() == "needDecided"));
    }

    private static (int, int, decimal, decimal, decimal, decimal) Figures(JsonNode kind) =>
        (kind["needs"]!.GetValue<int>(), kind["deals"]!.GetValue<int>(), Money(kind["requested"]), Money(kind["approved"]), Money(kind["pending"]), Money(kind["refused"]));
}

public sealed class SqliteMilestoneTests : MilestoneTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerMilestoneTests : MilestoneTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresMilestoneTests : MilestoneTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
