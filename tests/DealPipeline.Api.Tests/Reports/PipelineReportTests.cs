using System.Globalization;

namespace DealPipeline.Api.Tests;

public abstract class PipelineReportTests : ApiTest
{
    [DbFact]
    public async Task A_revision_made_today_leaves_every_earlier_as_of_report_unchanged()
    {
        var w = await CreateWorld();
        var otherPark = await Park("中山翠亨新区", "中山");
        var deals = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            deals.Add(Id(await Deal(w, new { openedOn = DaysAgo(40), stage = i % 2 == 0 ? "negotiation" : "letters", isKeyProject = i == 0 }, $"项目{i}", 100_000_000m + i)));
        }

        var reports = new[] { "groupBy=stage", "groupBy=park", "groupBy=park,stage", "groupBy=owner" };
        var days = new[] { DaysAgo(30), DaysAgo(1) };
        var before = new Dictionary<string, string>();
        foreach (var report in reports)
        {
            foreach (var day in days)
            {
                before[$"{report}&asOf={day}"] = (await GetOk($"/api/v1/reports/pipeline?{report}&asOf={day}")).ToJsonString();
            }
        }

        var performanceBefore = (await GetOk($"/api/v1/reports/performance?from={DaysAgo(60)}&to={DaysAgo(1)}"))["inNegotiation"]!.ToJsonString();

        // Today: an amount revised, a deal moved to another park, a key-project flag removed.
        foreach (var (deal, patch) in new (long, object)[] { (deals[0], new { intendedInvestment = 999_999_999.99m, isKeyProject = false }), (deals[1], new { parkId = otherPark }) })
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await Send(HttpMethod.Patch, $"/api/v1/deals/{deal}", patch, "application/merge-patch+json")).StatusCode);
        }

        foreach (var (query, json) in before)
        {
            Assert.Equal(json, (await GetOk($"/api/v1/reports/pipeline?{query}")).ToJsonString());
        }

        Assert.Equal(performanceBefore, (await GetOk($"/api/v1/reports/performance?from={DaysAgo(60)}&to={DaysAgo(1)}"))["inNegotiation"]!.ToJsonString());
        var today = await GetOk("/api/v1/reports/pipeline?groupBy=park");
        Assert.Contains(today["rows"]!.AsArray(), r => r!["key"]!.GetValue<string>() == otherPark.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEqual(before[$"groupBy=park&asOf={DaysAgo(1)}"], today.ToJsonString());

        var revisions = (await GetOk($"/api/v1/deals/{deals[0]}/revisions"))["items"]!.AsArray();
        Assert.Equal(2, revisions.Count);
        Assert.Equal(DaysAgo(40), revisions[0]!["on"]!.GetValue<string>());
        Assert.Equal(Today, revisions[0]!["validUntil"]!.GetValue<string>());
        Assert.Equal(999_999_999.99m, Money(revisions[1]!["intendedInvestment"]));
        Assert.Null(revisions[1]!["validUntil"]);
    }

    [DbFact]
    public async Task Two_dimensions_are_one_flat_table_whose_cells_equal_the_filtered_reports_and_whose_total_is_the_same()
    {
        var w = await CreateWorld();
        var otherPark = await Park("济南国际医学中心", "济南");
        foreach (var (park, stage, amount) in new[] { (w.Park, "negotiation", 100.10m), (w.Park, "negotiation", 200.20m), (w.Park, "signed", 300.30m), (otherPark, "contact", 50m), (otherPark, "signed", 4000.45m) })
        {
            await Deal(w, new { parkId = park, stage, openedOn = DaysAgo(3) }, $"{park}-{stage}-{amount}", amount);
        }

        var matrix = await GetOk("/api/v1/reports/pipeline?groupBy=park,stage");
        var rows = matrix["rows"]!.AsArray();
        Assert.Equal(4, rows.Count);
        Assert.Equal(otherPark.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[0]!["key"]!.GetValue<string>());
        Assert.Equal(["contact", "signed"], rows.Take(2).Select(r => r!["stage"]!.GetValue<string>()));
        Assert.Equal("签约", rows[1]!["stageLabel"]!.GetValue<string>());
        foreach (var row in rows)
        {
            var park = row!["key"]!.GetValue<string>();
            var single = (await GetOk($"/api/v1/reports/pipeline?groupBy=stage&parkId={park}"))["rows"]!.AsArray().Single(r => r!["key"]!.GetValue<string>() == row["stage"]!.GetValue<string>());
            Assert.Equal(single!["count"]!.GetValue<long>(), row["count"]!.GetValue<long>());
            Assert.Equal(Money(single["intendedInvestment"]), Money(row["intendedInvestment"]));
            Assert.Equal(Money(single["weightedInvestment"]), Money(row["weightedInvestment"]));
        }

        var byPark = await GetOk("/api/v1/reports/pipeline?groupBy=park");
        Assert.Equal(byPark["total"]!.ToJsonString(), matrix["total"]!.ToJsonString());
        Assert.Null(byPark["rows"]![0]!["stage"]);
        foreach (var bad in new[] { "stage,stage", "park,sector", "park,stage,team", ",stage" })
        {
            await AssertProblem(await Client.GetAsync("/api/v1/reports/pipeline?groupBy=" + bad), System.Net.HttpStatusCode.BadRequest, "groupBy");
        }
    }

    private static readonly string[] Stages = ["contact", "negotiation", "letters", "signed", "landed"];

    private static readonly decimal[] Probability = [0.1m, 0.3m, 0.5m, 0.8m, 1.0m];

    private static Dictionary<string, JsonObject> Rows(JsonObject report) =>
        report["rows"]!.AsArray().ToDictionary(r => r!["key"]?.GetValue<string>() ?? "none", r => r!.AsObject());

    private static decimal Fen(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    [DbFact]
    public async Task Stage_totals_are_exact_to_the_fen_where_a_double_would_round_wrongly()
    {
        var world = await CreateWorld();
        decimal[] amounts = [1251299850319m, 8313213706482.49m, 1103660814341.42m, 8729110669459.99m, 9172353051578.77m, 6940542313081.67m, 9598491098503.65m, 7224631497720.52m];
        var exact = amounts.Sum();
        var asDouble = amounts.Aggregate(0.0, (sum, a) => sum + (double)a);
        Assert.NotEqual(exact, Math.Round((decimal)asDouble, 2));
        foreach (var amount in amounts)
        {
            await Deal(world, new { stage = "negotiation" }, intendedInvestment: amount);
        }

        var report = await GetOk("/api/v1/reports/pipeline?groupBy=stage");

        var negotiation = Rows(report)["negotiation"];
        Assert.Equal(exact, Money(negotiation["intendedInvestment"]));
        Assert.Equal("52333303001487.51", negotiation["intendedInvestment"]!.ToJsonString());
        Assert.Equal(exact, Money(report["total"]!["intendedInvestment"]));

        // Weighted per deal, then summed: the figure every grouping of the same deals adds up to.
        Assert.Equal(amounts.Sum(a => Fen(a * 0.3m)), Money(negotiation["weightedInvestment"]));
    }

    [DbFact]
    public async Task Totals_are_the_same_under_every_grouping_and_equal_the_sum_of_their_rows_to_the_fen()
    {
        var world = await CreateWorld();
        var otherPark = await Park("济南国际医学科学中心", "济南");
        var otherTeam = await Team("深圳招商工作组");
        var otherOwner = await User("周杰", "officer", otherTeam);
        await SetRate("USD", 7.1237m, DaysAgo(30));
        var random = new Random(11);
        var expectedWeighted = 0m;
        var expectedIntended = 0m;
        for (var i = 0; i < 40; i++)
        {
            var stage = Stages[i % 5];
            var usd = i % 7 == 0;

            // Amounts with odd fen, so that every per-row rounding would drift from a per-deal one.
            var amount = random.Next(1, 90_000_000) + random.Next(0, 100) / 100m + 0.33m;
            var extra = new Dictionary<string, object?>
            {
                ["stage"] = stage,
                ["parkId"] = i % 2 == 0 ? world.Park : otherPark,
                ["ownerId"] = i % 3 == 0 ? otherOwner : world.Officer,
                ["source"] = i % 4 == 0 ? "event" : "referral",
                ["currency"] = usd ? "USD" : "CNY",
            };
            if (stage is "signed" or "landed")
            {
                extra["contractedInvestment"] = 1m;
            }

            await Deal(world, extra, $"对账项目{i}", amount);
            var cny = usd ? Fen(amount * 7.1237m) : amount;
            expectedIntended += cny;
            expectedWeighted += Fen(cny * Probability[i % 5]);
        }

        foreach (var groupBy in new[] { "stage", "sector", "park", "owner", "team", "source" })
        {
            var report = await GetOk($"/api/v1/reports/pipeline?groupBy={groupBy}");
            var rows = report["rows"]!.AsArray();
            Assert.Equal(expectedIntended, Money(report["total"]!["intendedInvestment"]));
            Assert.Equal(expectedWeighted, Money(report["total"]!["weightedInvestment"]));
            Assert.Equal(rows.Sum(r => Money(r!["weightedInvestment"])), Money(report["total"]!["weightedInvestment"]));
            Assert.Equal(rows.Sum(r => Money(r!["intendedInvestment"])), Money(report["total"]!["intendedInvestment"]));
        }
    }

    [DbFact]
    public async Task Every_stage_has_a_row_in_pipeline_order_and_only_the_live_pipeline_counts()
    {
        var world = await CreateWorld();
        var expected = Stages.ToDictionary(s => s, _ => (Count: 0L, Sum: 0m, Weighted: 0m));
        var random = new Random(7);
        for (var i = 0; i < 12; i++)
        {
            var stage = Stages[i % 4];
            var amount = random.Next(1, 1_000_000_000) + random.Next(0, 100) / 100m;
            await Deal(world, new { stage }, $"项目{i}", amount);
            expected[stage] = (expected[stage].Count + 1, expected[stage].Sum + amount, expected[stage].Weighted + Fen(amount * Probability[Array.IndexOf(Stages, stage)]));
        }

        var lost = Id(await Deal(world, new { stage = "signed" }, "终止项目", 777));
        await SetStatus(lost, "lost", "funding");
        var held = Id(await Deal(world, new { stage = "letters" }, "暂缓项目", 555.55m));
        await SetStatus(held, "onHold");
        var deleted = Id(await Deal(world, new { stage = "contact" }, "删除项目", 999));
        await Send(HttpMethod.Delete, $"/api/v1/deals/{deleted}");

        var report = await GetOk("/api/v1/reports/pipeline");

        Assert.Equal("stage", report["groupBy"]!.GetValue<string>());
        Assert.Equal(Today, report["asOf"]!.GetValue<string>());
        Assert.Equal("CNY", report["currency"]!.GetValue<string>());
        var rows = report["rows"]!.AsArray();
        Assert.Equal(Stages, rows.Select(r => r!["key"]!.GetValue<string>()));
        Assert.Equal(["接洽", "洽谈", "三书", "签约", "落地"], rows.Select(r => r!["label"]!.GetValue<string>()));
        for (var i = 0; i < Stages.Length; i++)
        {
            var (count, sum, weighted) = expected[Stages[i]];
            Assert.Equal(count, rows[i]!["count"]!.GetValue<long>());
            Assert.Equal(sum, Money(rows[i]!["intendedInvestment"]));
            Assert.Equal(weighted, Money(rows[i]!["weightedInvestment"]));
        }

        Assert.Equal(0, rows[4]!["count"]!.GetValue<long>());
        Assert.Equal("0.00", rows[4]!["intendedInvestment"]!.ToJsonString());
        Assert.Equal(12, report["total"]!["count"]!.GetValue<long>());
        Assert.Equal(expected.Values.Sum(v => v.Sum), Money(report["total"]!["intendedInvestment"]));
        Assert.Equal(expected.Values.Sum(v => v.Weighted), Money(report["total"]!["weightedInvestment"]));

        var any = Rows(await GetOk("/api/v1/reports/pipeline?status=any"));
        Assert.Equal(expected["letters"].Count + 1, any["letters"]["count"]!.GetValue<long>());
        Assert.Equal(expected["letters"].Sum + 555.55m, Money(any["letters"]["intendedInvestment"]));
        Assert.Equal(expected["signed"].Count, any["signed"]["count"]!.GetValue<long>());
        var onHold = await GetOk("/api/v1/reports/pipeline?status=onHold");
        Assert.Equal(1, onHold["total"]!["count"]!.GetValue<long>());
    }

    [DbFact]
    public async Task Foreign_currency_deals_are_converted_at_the_rate_in_force_on_the_report_date()
    {
        var world = await CreateWorld();
        await SetRate("USD", 7.1004m, DaysAgo(400));
        await SetRate("USD", 7.2468m, DaysAgo(100));
        await SetRate("JPY", 0.04812m, DaysAgo(400));
        await Deal(world, new { currency = "USD", stage = "negotiation", openedOn = DaysAgo(300) }, "Helix", 12_345_678.91m);
        await Deal(world, new { currency = "USD", stage = "negotiation", openedOn = DaysAgo(300) }, "Meridian", 0.07m);
        await Deal(world, new { currency = "JPY", stage = "negotiation", openedOn = DaysAgo(300) }, "Sakura", 3_000_000_000m);
        await Deal(world, new { stage = "negotiation", openedOn = DaysAgo(300) }, "本地", 100m);

        var today = Rows(await GetOk("/api/v1/reports/pipeline"))["negotiation"];
        var earlier = Rows(await GetOk($"/api/v1/reports/pipeline?asOf={DaysAgo(200)}"))["negotiation"];

        var jpy = Fen(3_000_000_000m * 0.04812m);
        Assert.Equal(Fen((12_345_678.91m + 0.07m) * 7.2468m) + jpy + 100m, Money(today["intendedInvestment"]));
        Assert.Equal(Fen((12_345_678.91m + 0.07m) * 7.1004m) + jpy + 100m, Money(earlier["intendedInvestment"]));
        Assert.Equal(4, today["count"]!.GetValue<long>());
    }

    [DbFact]
    public async Task Other_groupings_name_their_groups_largest_first_and_filters_apply()
    {
        var world = await CreateWorld();
        var devices = await Sector("医疗器械");
        var ivd = await Sector("体外诊断", devices);
        var zhongshan = await Park("中山火炬开发区健康医药产业基地", "中山");
        var noTeam = await User("马建国", "manager");
        await Deal(world, new { source = "event", isKeyProject = true }, "A", 100);
        await Deal(world, new { sectorId = ivd, parkId = zhongshan, source = "referral", referrerCompanyId = world.Company, companyId = await Company("深圳某某") }, "B", 300);
        await Deal(world, new { ownerId = noTeam, sectorId = devices }, "C", 50);

        var byPark = await GetOk("/api/v1/reports/pipeline?groupBy=park");
        Assert.Equal(
            [$"{zhongshan} 中山火炬开发区健康医药产业基地 1 300.00", $"{world.Park} 杭州医药港 2 150.00"],
            byPark["rows"]!.AsArray().Select(r => $"{r!["key"]} {r["label"]} {r["count"]} {r["intendedInvestment"]!.ToJsonString()}"));
        var bySector = Rows(await GetOk("/api/v1/reports/pipeline?groupBy=sector"));
        Assert.Equal("体外诊断", bySector[ivd.ToString(CultureInfo.InvariantCulture)]["label"]!.GetValue<string>());
        var byTeam = Rows(await GetOk("/api/v1/reports/pipeline?groupBy=team"));
        Assert.Equal(50m, Money(byTeam["none"]["intendedInvestment"]));
        Assert.Equal("未指定", byTeam["none"]["label"]!.GetValue<string>());
        var byOwner = Rows(await GetOk("/api/v1/reports/pipeline?groupBy=owner"));
        Assert.Equal("马建国", byOwner[noTeam.ToString(CultureInfo.InvariantCulture)]["label"]!.GetValue<string>());
        var bySource = Rows(await GetOk("/api/v1/reports/pipeline?groupBy=source"));
        Assert.Equal(("以商招商", 300m), (bySource["referral"]["label"]!.GetValue<string>(), Money(bySource["referral"]["intendedInvestment"])));

        Assert.Equal(350m, Money((await GetOk($"/api/v1/reports/pipeline?sectorId={devices}"))["total"]!["intendedInvestment"]));
        Assert.Equal(100m, Money((await GetOk("/api/v1/reports/pipeline?isKeyProject=true"))["total"]!["intendedInvestment"]));
        Assert.Equal(150m, Money((await GetOk($"/api/v1/reports/pipeline?parkId={world.Park}"))["total"]!["intendedInvestment"]));
        Assert.Equal(400m, Money((await GetOk($"/api/v1/reports/pipeline?teamId={world.Team}"))["total"]!["intendedInvestment"]));
        Assert.Equal(50m, Money((await GetOk($"/api/v1/reports/pipeline?ownerId={noTeam}"))["total"]!["intendedInvestment"]));
        Assert.Equal(400m, Money((await GetOk("/api/v1/reports/pipeline?source=event,referral"))["total"]!["intendedInvestment"]));
    }

    [DbFact]
    public async Task Labels_are_english_when_the_caller_prefers_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports/pipeline");
        request.Headers.Add("Accept-Language", "en-GB, zh;q=0.5");

        var response = await Client.SendAsync(request);

        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(["Contact", "Negotiation", "Letters", "Signed", "Landed"], report["rows"]!.AsArray().Select(r => r!["label"]!.GetValue<string>()));
    }

    [DbFact]
    public async Task As_of_a_past_day_the_pipeline_is_rebuilt_from_history()
    {
        var world = await CreateWorld();
        var movedLater = Id(await Deal(world, new { openedOn = DaysAgo(100) }, "后来推进", 1000));
        await Move(movedLater, "negotiation", DaysAgo(60));
        await Move(movedLater, "signed", DaysAgo(10));
        var lostLater = Id(await Deal(world, new { openedOn = DaysAgo(90), stage = "letters" }, "后来终止", 200));
        await SetStatus(lostLater, "lost", "strategyChange", DaysAgo(20));
        await Deal(world, new { openedOn = DaysAgo(30) }, "后来打开", 30);
        var heldThenBack = Id(await Deal(world, new { openedOn = DaysAgo(80), stage = "negotiation" }, "暂缓后恢复", 4));
        await SetStatus(heldThenBack, "onHold", on: DaysAgo(70));
        await SetStatus(heldThenBack, "active", on: DaysAgo(40));

        string Describe(JsonObject report) => string.Join(" ", report["rows"]!.AsArray().Select(r => $"{r!["key"]}:{r["count"]}/{r["intendedInvestment"]!.ToJsonString()}"));

        Assert.Equal("contact:1/1000.00 negotiation:1/4.00 letters:1/200.00 signed:0/0.00 landed:0/0.00", Describe(await GetOk($"/api/v1/reports/pipeline?asOf={DaysAgo(75)}")));
        Assert.Equal("contact:0/0.00 negotiation:1/1000.00 letters:1/200.00 signed:0/0.00 landed:0/0.00", Describe(await GetOk($"/api/v1/reports/pipeline?asOf={DaysAgo(50)}")));
        Assert.Equal("contact:0/0.00 negotiation:2/1004.00 letters:1/200.00 signed:0/0.00 landed:0/0.00", Describe(await GetOk($"/api/v1/reports/pipeline?asOf={DaysAgo(40)}")));
        Assert.Equal("contact:1/30.00 negotiation:2/1004.00 letters:1/200.00 signed:0/0.00 landed:0/0.00", Describe(await GetOk($"/api/v1/reports/pipeline?asOf={DaysAgo(21)}")));
        Assert.Equal("contact:1/30.00 negotiation:1/4.00 letters:0/0.00 signed:1/1000.00 landed:0/0.00", Describe(await GetOk($"/api/v1/reports/pipeline?asOf={DaysAgo(1)}")));
        Assert.Equal(Describe(await GetOk("/api/v1/reports/pipeline")), Describe(await GetOk($"/api/v1/reports/pipeline?asOf={DaysAgo(1)}")));
        Assert.Equal(0, (await GetOk($"/api/v1/reports/pipeline?asOf={DaysAgo(101)}"))["total"]!["count"]!.GetValue<long>());
        Assert.Equal(3, (await GetOk($"/api/v1/reports/pipeline?asOf={DaysAgo(50)}&status=any"))["total"]!["count"]!.GetValue<long>());
        Assert.Equal(1, (await GetOk($"/api/v1/reports/pipeline?asOf={DaysAgo(50)}&status=onHold"))["total"]!["count"]!.GetValue<long>());
    }

    [DbFact]
    public async Task Bad_report_arguments_are_400s()
    {
        await AssertProblem(await Client.GetAsync("/api/v1/reports/pipeline?groupBy=colour"), HttpStatusCode.BadRequest, "groupBy");
        await AssertProblem(await Client.GetAsync("/api/v1/reports/pipeline?groupBy=Stage"), HttpStatusCode.BadRequest, "groupBy");
        await AssertProblem(await Client.GetAsync("/api/v1/reports/pipeline?groupBy=1"), HttpStatusCode.BadRequest, "groupBy");
        await AssertProblem(await Client.GetAsync("/api/v1/reports/pipeline?status=lost"), HttpStatusCode.BadRequest, "status");
        await AssertProblem(await Client.GetAsync("/api/v1/reports/pipeline?asOf=2025-02-30"), HttpStatusCode.BadRequest, "asOf");
        await AssertProblem(await Client.GetAsync("/api/v1/reports/pipeline?asOf=01/02/2025"), HttpStatusCode.BadRequest, "asOf");
        await AssertProblem(await Client.GetAsync($"/api/v1/reports/pipeline?asOf={DaysAgo(-2)}"), HttpStatusCode.BadRequest, "asOf");
        await AssertProblem(await Client.GetAsync("/api/v1/reports/pipeline?sectorId=77"), HttpStatusCode.BadRequest, "sectorId");
    }
}

public sealed class SqlitePipelineReportTests : PipelineReportTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerPipelineReportTests : PipelineReportTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresPipelineReportTests : PipelineReportTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
