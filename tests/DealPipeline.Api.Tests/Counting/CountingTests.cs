namespace DealPipeline.Api.Tests;

/// <summary>
/// Counting rules (认定): which signed projects count as attracted (引进成功) in a period, under the office's default set (1亿 and up,
/// not signed again, with a contract, registration, funds in place and works started, within 24 months) and under a set an admin
/// adds; each deal counted once, on the day it met its last requirement, and every deal not counted said why.
/// </summary>
public abstract class CountingTests : ApiTest
{
    private static readonly string[] ContractOnly = ["contract"];

    private static readonly string[] NoContract = ["registration"];

    private static readonly string[] UnknownRequirement = ["contract", "luck"];

    private static readonly string[] UnknownKind = ["cousin"];

    private static readonly long[] NoSuchSector = [999_999];

    private async Task<long> Signed(World world, long company, string name, int signedAgo, decimal intended = 200_000_000m, decimal? contracted = null, object? extra = null)
    {
        var body = new JsonObject { ["stage"] = "negotiation", ["openedOn"] = DaysAgo(signedAgo + 5), ["companyId"] = company };
        if (extra is not null)
        {
            foreach (var (key, value) in System.Text.Json.JsonSerializer.SerializeToNode(extra)!.AsObject())
            {
                body[key] = value?.DeepClone();
            }
        }

        var id = Id(await Deal(world, body, name, intended));
        await Move(id, "signed", DaysAgo(signedAgo), contractedInvestment: contracted);
        return id;
    }

    private async Task Fulfil(long deal, int landedAgo, int? fundsAgo, int? startedAgo)
    {
        await Move(deal, "landed", DaysAgo(landedAgo));
        if (fundsAgo is { } funds)
        {
            await PostOk($"/api/v1/deals/{deal}/funds", new { on = DaysAgo(funds), amount = 10_000_000m });
        }

        if (startedAgo is { } started)
        {
            await PostOk($"/api/v1/deals/{deal}/milestones", new { kind = "constructionStarted", on = DaysAgo(started) }, HttpStatusCode.OK);
        }
    }

    [DbFact]
    public async Task A_project_counts_once_on_the_day_it_meets_the_last_requirement_of_the_rule_set_and_every_other_says_why_not()
    {
        var world = await CreateWorld();
        var registered = await Company("杭州注册生物科技有限公司", "91330106MA2B0A2X4R");
        var a = await Signed(world, registered, "甲：开工最后", 200, contracted: 150_000_000m);
        await Fulfil(a, 180, 150, 90);                       // counted 90 days ago: works started last
        var b = await Signed(world, registered, "乙：资金最后", 120);
        await Fulfil(b, 115, 50, 110);                       // counted 50 days ago: funds last
        var c = await Signed(world, registered, "丙：早已认定", 300);
        await Fulfil(c, 290, 250, 200);                      // counted 200 days ago: before the period
        var d = await Signed(world, world.Company, "丁：未登记", 70);
        await Fulfil(d, 65, 60, 55);                         // its company has no credit code
        var e = await Signed(world, registered, "戊：不足一亿", 60, intended: 50_000_000m);
        var f = await Signed(world, registered, "己：再签约", 40, extra: new { priorDealId = a, priorKind = "resigning" });
        var g = await Signed(world, registered, "庚：超出期限", 800);
        await Fulfil(g, 790, 780, 60);                       // works started 26 months after signing
        var h = await Signed(world, registered, "辛：刚签约", 30);

        var from = DaysAgo(100);
        var report = await GetOk($"/api/v1/reports/counted?from={from}&to={Today}");
        var rules = (await GetOk("/api/v1/counting-rules"))["items"]![0]!;
        Assert.Equal((Id(rules), "引进成功（默认）", 1), (report["countedBy"]!["id"]!.GetValue<long>(), report["countedBy"]!["name"]!.GetValue<string>(), report["countedBy"]!["version"]!.GetValue<int>()));
        Assert.Equal([(a, DaysAgo(90)), (b, DaysAgo(50))], report["items"]!.AsArray().Select(i => (i!["dealId"]!.GetValue<long>(), i["countedOn"]!.GetValue<string>())));
        Assert.Equal((2, 150_000_000m + 200_000_000m), (report["count"]!.GetValue<int>(), Money(report["investment"])));

        var why = report["notCounted"]!.AsArray().ToDictionary(n => n!["dealId"]!.GetValue<long>(), n => (n!["excluded"]?.GetValue<string>(), string.Join(",", n["missing"]!.AsArray().Select(m => m!.GetValue<string>()))));
        Assert.Equal((null, "registration"), why[d]);
        Assert.Equal(("belowMinimum", ""), why[e]);
        Assert.Equal(("priorKind", ""), why[f]);
        Assert.Equal(("outsideWindow", ""), why[g]);
        Assert.Equal((null, "fundsInPlace,constructionStarted"), why[h]);
        Assert.False(why.ContainsKey(c)); // counted, in its own period
        Assert.Equal(DaysAgo(200), (await GetOk($"/api/v1/reports/counted?from={DaysAgo(210)}&to={DaysAgo(190)}"))["items"]![0]!["countedOn"]!.GetValue<string>());

        // The deal's own standing: what it still needs.
        var standing = await GetOk($"/api/v1/deals/{d}/counting");
        Assert.Equal((null, "registration"), (standing["countedOn"]?.GetValue<string>(), string.Join(",", standing["missing"]!.AsArray().Select(m => m!.GetValue<string>()))));
        Assert.Equal(DaysAgo(90), (await GetOk($"/api/v1/deals/{a}/counting"))["countedOn"]!.GetValue<string>());

        // A broader rule set: a contract is enough, nothing excluded. The deals signed in the period count on their signing day.
        var broad = await PostOk("/api/v1/counting-rules", new { name = "宽口径", minInvestment = 0m, requires = ContractOnly, windowMonths = 24 });
        var wide = await GetOk($"/api/v1/reports/counted?from={from}&to={Today}&countingRulesId={Id(broad)}");
        Assert.Equal([d, e, f, h], wide["items"]!.AsArray().Select(i => i!["dealId"]!.GetValue<long>()));
        Assert.Equal(DaysAgo(70), wide["items"]![0]!["countedOn"]!.GetValue<string>());

        // A correction moves the version on, and the figure says so.
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Patch, $"/api/v1/counting-rules/{Id(broad)}", new { minInvestment = 100_000_000m }, "application/merge-patch+json")).StatusCode);
        var narrowed = await GetOk($"/api/v1/reports/counted?from={from}&to={Today}&countingRulesId={Id(broad)}");
        Assert.Equal((2, 3), (narrowed["countedBy"]!["version"]!.GetValue<int>(), narrowed["count"]!.GetValue<int>())); // 戊 under 1亿 now
    }

    [DbFact]
    public async Task Rule_sets_no_office_could_mean_are_refused_naming_the_field_and_change_nothing()
    {
        var world = await CreateWorld();
        var before = await Snapshot();
        await AssertProblem(await Post("/api/v1/counting-rules", new { name = "无合同", minInvestment = 0m, requires = NoContract, windowMonths = 24 }), HttpStatusCode.BadRequest, "requires");
        await AssertProblem(await Post("/api/v1/counting-rules", new { name = "未知条件", minInvestment = 0m, requires = UnknownRequirement, windowMonths = 24 }), HttpStatusCode.BadRequest);
        await AssertProblem(await Post("/api/v1/counting-rules", new { name = "期限", minInvestment = 0m, requires = ContractOnly, windowMonths = 0 }), HttpStatusCode.BadRequest, "windowMonths");
        await AssertProblem(await Post("/api/v1/counting-rules", new { name = "负数", minInvestment = -1m, requires = ContractOnly, windowMonths = 12 }), HttpStatusCode.BadRequest, "minInvestment");
        await AssertProblem(await Post("/api/v1/counting-rules", new { name = "行业", minInvestment = 0m, requires = ContractOnly, windowMonths = 12, excludedSectorIds = NoSuchSector }), HttpStatusCode.BadRequest, "excludedSectorIds");
        await AssertProblem(await Post("/api/v1/counting-rules", new { name = "种类", minInvestment = 0m, requires = ContractOnly, windowMonths = 12, excludedPriorKinds = UnknownKind }), HttpStatusCode.BadRequest);
        await AssertProblem(await Post("/api/v1/counting-rules", new { name = "引进成功（默认）", minInvestment = 0m, requires = ContractOnly, windowMonths = 12 }), HttpStatusCode.Conflict);
        await AssertProblem(await Client.GetAsync("/api/v1/reports/counted?year=2026&countingRulesId=999"), HttpStatusCode.NotFound);
        Assert.Equal(before, await Snapshot());

        // A sector left out takes the sectors below it with it.
        var outOfScope = await PostOk("/api/v1/counting-rules", new { name = "不含生物医药", minInvestment = 0m, requires = ContractOnly, windowMonths = 12, excludedSectorIds = new[] { world.Biomed } });
        var deal = Id(await Deal(world, new { stage = "signed", openedOn = DaysAgo(3) }, "创新药项目"));
        var report = await GetOk($"/api/v1/reports/counted?from={DaysAgo(10)}&to={Today}&countingRulesId={Id(outOfScope)}");
        Assert.Equal(0, report["count"]!.GetValue<int>());
        Assert.Equal((deal, "sector"), (report["notCounted"]![0]!["dealId"]!.GetValue<long>(), report["notCounted"]![0]!["excluded"]!.GetValue<string>()));
    }
}

public sealed class SqliteCountingTests : CountingTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerCountingTests : CountingTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresCountingTests : CountingTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
