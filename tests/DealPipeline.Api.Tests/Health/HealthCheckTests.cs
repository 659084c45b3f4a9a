using System.Globalization;

namespace DealPipeline.Api.Tests;

/// <summary>
/// The fulfilment health check (项目体检): Weinan's four rules as the default set, evaluated on signed deals from their milestones and
/// their funds in place up to the day checked; each flag's day computed here independently from the same dates; rules an admin adds
/// (in working days) or disables; bad rules refused naming the field.
/// </summary>
public abstract class HealthCheckTests : ApiTest
{
    private static DateOnly Day(int daysAgo) => DateOnly.ParseExact(DaysAgo(daysAgo), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<long> Landed(World world, string name, int signedAgo, int landedAgo, int? startedAgo, int? producingAgo, decimal contracted)
    {
        var id = Id(await Deal(world, new { stage = "negotiation", openedOn = DaysAgo(signedAgo + 10) }, name));
        await Move(id, "signed", DaysAgo(signedAgo), contractedInvestment: contracted);
        await Move(id, "landed", DaysAgo(landedAgo));
        if (startedAgo is { } started)
        {
            await PostOk($"/api/v1/deals/{id}/milestones", new { kind = "constructionStarted", on = DaysAgo(started) }, HttpStatusCode.OK);
        }

        if (producingAgo is { } producing)
        {
            await PostOk($"/api/v1/deals/{id}/milestones", new { kind = "productionStarted", on = DaysAgo(producing) }, HttpStatusCode.OK);
        }

        return id;
    }

    private async Task Funds(long deal, int daysAgo, decimal amount) => await PostOk($"/api/v1/deals/{deal}/funds", new { on = DaysAgo(daysAgo), amount });

    private static List<(string Deal, string Kind, string Since)> Flags(JsonObject report) =>
        [.. report["items"]!.AsArray().SelectMany(i => i!["flags"]!.AsArray().Select(f => (i["name"]!.GetValue<string>(), f!["kind"]!.GetValue<string>(), f["since"]!.GetValue<string>()))).Order()];

    [DbFact]
    public async Task Weinans_four_rules_flag_signed_deals_from_their_milestones_and_funds_up_to_the_day_checked()
    {
        var world = await CreateWorld();
        var notStarted = Id(await Deal(world, new { stage = "signed", openedOn = DaysAgo(400), contractedInvestment = 80_000_000m }, "签约未开工"));
        var noFunds = await Landed(world, "开工后无资金", 300, 250, 200, null, 100_000_000m);
        await Funds(noFunds, 190, 1_000_000m); // 1 %
        var healthy = await Landed(world, "新开工", 120, 60, 40, null, 100_000_000m);
        await Funds(healthy, 30, 50_000_000m);
        var producing = await Landed(world, "投产资金不足", 400, 350, 300, 100, 100_000_000m);
        await Funds(producing, 20, 40_000_000m); // 40 %
        var lost = Id(await Deal(world, new { stage = "signed", openedOn = DaysAgo(400) }, "已流失"));
        await PostOk($"/api/v1/deals/{lost}/status", new { status = "lost", reason = "funding", on = DaysAgo(5) }, HttpStatusCode.OK);
        await Deal(world, new { stage = "negotiation" }, "洽谈中");

        // The default set: Weinan's rules.
        var rules = (await GetOk("/api/v1/health-rules"))["items"]!.AsArray();
        Assert.Equal(["notStarted", "noFunds", "lowFunds", "fundsBehindProgress"], rules.Select(r => r!["kind"]!.GetValue<string>()));
        Assert.Equal([null, null, 15, 50], rules.Select(r => r!["percentBelow"]?.GetValue<int>()));

        var report = await GetOk("/api/v1/reports/health");
        Assert.Equal((Today, 4, 3), (report["asOf"]!.GetValue<string>(), report["checked"]!.GetValue<int>(), report["flagged"]!.GetValue<int>()));
        List<(string, string, string)> expected =
        [
            ("签约未开工", "notStarted", Iso(Day(400).AddMonths(12))),
            ("开工后无资金", "noFunds", Iso(Day(190).AddMonths(3))), // three months after its last funds
            ("开工后无资金", "lowFunds", Iso(Day(200).AddMonths(6))), // 1 % < 15 %, six months after the start
            ("投产资金不足", "fundsBehindProgress", Iso(Day(100).AddMonths(1))), // 40 % < 50 %, a month into production
        ];
        Assert.Equal(expected.Order().ToList(), Flags(report));
        var short_ = report["items"]!.AsArray().Single(i => i!["dealId"]!.GetValue<long>() == producing)!;
        Assert.Equal((40_000_000m, 100_000_000m, 40m), (Money(short_["fundsInPlace"]), Money(short_["fundsBase"]), Money(short_["fundsRate"])));
        Assert.Equal([1, 1, 1, 1], report["rules"]!.AsArray().Select(r => r!["deals"]!.GetValue<int>()));
        Assert.Equal((world.Officer, 3), (report["byOwner"]![0]!["id"]!.GetValue<long>(), report["byOwner"]![0]!["deals"]!.GetValue<int>()));
        Assert.Equal(("生物医药招商专班", 3), (report["byTeam"]![0]!["name"]!.GetValue<string>(), report["byTeam"]![0]!["deals"]!.GetValue<int>()));

        // Fifty days ago the funds of twenty days ago had not arrived: that deal broke three rules then.
        var then = await GetOk($"/api/v1/reports/health?asOf={DaysAgo(50)}&ruleId={rules[1]!["id"]}");
        Assert.Contains(("投产资金不足", "noFunds", Iso(Day(300).AddMonths(3))), Flags(then));
        var producingThen = (await GetOk($"/api/v1/reports/health?asOf={DaysAgo(50)}"))["items"]!.AsArray().Single(i => i!["dealId"]!.GetValue<long>() == producing)!;
        Assert.Equal(["noFunds", "lowFunds", "fundsBehindProgress"], producingThen["flags"]!.AsArray().Select(f => f!["kind"]!.GetValue<string>()));
        Assert.Equal(0m, Money(producingThen["fundsInPlace"]));

        // A deal shows its own flags.
        var flags = (await GetOk($"/api/v1/deals/{notStarted}/health"))["flags"]!.AsArray();
        Assert.Equal(("notStarted", Iso(Day(400).AddMonths(12))), (Assert.Single(flags)!["kind"]!.GetValue<string>(), flags[0]!["since"]!.GetValue<string>()));
        Assert.Empty((await GetOk($"/api/v1/deals/{healthy}/health"))["flags"]!.AsArray());
    }

    [DbFact]
    public async Task An_admin_adds_a_rule_in_working_days_or_disables_one_and_a_rule_no_office_could_mean_is_refused()
    {
        var world = await CreateWorld();
        var deal = Id(await Deal(world, new { stage = "signed", openedOn = DaysAgo(30) }, "签约三十天"));
        var rule = await PostOk("/api/v1/health-rules", new { name = "签约十个工作日未开工", kind = "notStarted", period = new { count = 10, unit = "workingDays" } });

        // Ten working days after the signing (Monday to Friday: no calendar loaded), counted here.
        var since = Day(30);
        for (var left = 10; left > 0;)
        {
            since = since.AddDays(1);
            if (since.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                left--;
            }
        }

        var flags = (await GetOk($"/api/v1/deals/{deal}/health"))["flags"]!.AsArray();
        Assert.Equal((Id(rule), Iso(since)), (Assert.Single(flags)!["ruleId"]!.GetValue<long>(), flags[0]!["since"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Patch, $"/api/v1/health-rules/{Id(rule)}", new { enabled = false }, "application/merge-patch+json")).StatusCode);
        Assert.Empty((await GetOk($"/api/v1/deals/{deal}/health"))["flags"]!.AsArray());

        var before = await Snapshot();
        await AssertProblem(await Send(HttpMethod.Post, "/api/v1/health-rules", new { name = "缺比例", kind = "lowFunds", period = new { count = 6, unit = "months" } }), HttpStatusCode.BadRequest, "percentBelow");
        await AssertProblem(await Send(HttpMethod.Post, "/api/v1/health-rules", new { name = "多比例", kind = "notStarted", period = new { count = 6, unit = "months" }, percentBelow = 10 }), HttpStatusCode.BadRequest, "percentBelow");
        await AssertProblem(await Send(HttpMethod.Post, "/api/v1/health-rules", new { name = "坏单位", kind = "notStarted", period = new { count = 6, unit = "weeks" } }), HttpStatusCode.BadRequest, "period.unit");
        await AssertProblem(await Send(HttpMethod.Post, "/api/v1/health-rules", new { name = "缺天数", kind = "notStarted", period = new { unit = "days" } }), HttpStatusCode.BadRequest, "period.count");
        await AssertProblem(await Send(HttpMethod.Post, "/api/v1/health-rules", new { name = "坏种类", kind = "late", period = new { count = 6, unit = "days" } }), HttpStatusCode.BadRequest, "kind");
        await AssertProblem(await Send(HttpMethod.Post, "/api/v1/health-rules", new { name = "签约满一年未开工", kind = "notStarted", period = new { count = 6, unit = "days" } }), HttpStatusCode.Conflict);
        await AssertProblem(await Client.GetAsync("/api/v1/reports/health?asOf=2999-01-01"), HttpStatusCode.BadRequest, "asOf");
        await AssertProblem(await Client.GetAsync("/api/v1/reports/health?ruleId=999"), HttpStatusCode.BadRequest, "ruleId");
        Assert.Equal(before, await Snapshot());
    }
}

public sealed class SqliteHealthCheckTests : HealthCheckTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerHealthCheckTests : HealthCheckTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresHealthCheckTests : HealthCheckTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
