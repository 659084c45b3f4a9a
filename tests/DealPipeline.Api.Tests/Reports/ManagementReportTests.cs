using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace DealPipeline.Api.Tests;

/// <summary>A clock stopped at one instant.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>
/// The management reports over a history built with back-dated changes, on a clock stopped at
/// 2027-03-01 10:00 China Standard Time, each figure compared with one computed here.
/// </summary>
public abstract class ManagementReportTests : ApiTest
{
    [DbFact]
    public async Task A_time_series_is_one_call_whose_rows_equal_single_period_reports_and_sum_to_the_whole()
    {
        var w = await CreateWorld();
        foreach (var (days, amount) in new[] { (100, 1_000_000m), (70, 2_500_000.55m), (40, 3_000_000m), (10, 4_000_000.45m), (5, 1m) })
        {
            var deal = Id(await Deal(w, new { openedOn = DaysAgo(days + 1) }, $"签约项目{days}", amount));
            await Move(deal, "signed", on: DaysAgo(days), contractedInvestment: amount);
        }

        var from = DaysAgo(120);
        var series = await GetOk($"/api/v1/reports/performance/series?from={from}&to={Today}&interval=month");
        var rows = series["rows"]!.AsArray();
        Assert.True(rows.Count is 4 or 5, $"{rows.Count} months");
        Assert.Equal(from, rows[0]!["from"]!.GetValue<string>());
        Assert.Equal(Today, rows[^1]!["to"]!.GetValue<string>());
        foreach (var row in rows)
        {
            var single = await GetOk($"/api/v1/reports/performance?from={row!["from"]}&to={row["to"]}");
            Assert.Equal(single["signed"]!["count"]!.GetValue<long>(), row["signedCount"]!.GetValue<long>());
            Assert.Equal(Money(single["signed"]!["contractedInvestment"]), Money(row["signedContractedInvestment"]));
            Assert.Equal(single["newDeals"]!.GetValue<long>(), row["newDeals"]!.GetValue<long>());
        }

        var whole = await GetOk($"/api/v1/reports/performance?from={from}&to={Today}");
        Assert.Equal(whole["signed"]!["count"]!.GetValue<long>(), rows.Sum(r => r!["signedCount"]!.GetValue<long>()));
        Assert.Equal(Money(whole["signed"]!["contractedInvestment"]), rows.Sum(r => Money(r!["signedContractedInvestment"])));

        var quarters = (await GetOk($"/api/v1/reports/performance/series?year={Today[..4]}&interval=quarter"))["rows"]!.AsArray();
        Assert.Equal([$"{Today[..4]}-Q1", $"{Today[..4]}-Q2", $"{Today[..4]}-Q3", $"{Today[..4]}-Q4"], quarters.Select(q => q!["period"]!.GetValue<string>()));
        await AssertProblem(await Client.GetAsync($"/api/v1/reports/performance/series?year=2026&interval=week"), System.Net.HttpStatusCode.BadRequest, "interval");
        await AssertProblem(await Client.GetAsync("/api/v1/reports/performance/series?from=2016-06-15&to=2026-06-14&interval=month"), System.Net.HttpStatusCode.BadRequest, "interval");
    }

    protected override Action<IServiceCollection>? Services => services =>
        services.AddSingleton<TimeProvider>(new FixedTime(new DateTimeOffset(2027, 3, 1, 2, 0, 0, TimeSpan.Zero)));


    private async Task<long> D(World w, string opened, object? extra = null, decimal amount = 100m, string name = "项目") =>
        Id(await Deal(w, Merge(new { openedOn = opened }, extra), name, amount));

    private static JsonObject Merge(object a, object? b)
    {
        var result = System.Text.Json.JsonSerializer.SerializeToNode(a)!.AsObject();
        if (b is not null)
        {
            foreach (var (k, v) in System.Text.Json.JsonSerializer.SerializeToNode(b)!.AsObject())
            {
                result[k] = v?.DeepClone();
            }
        }

        return result;
    }

    [DbFact]
    public async Task Performance_counts_each_figure_of_the_period_with_its_boundaries()
    {
        var w = await CreateWorld();
        var devices = await Sector("医疗器械");
        var ivd = await Sector("体外诊断", devices);
        await SetRate("USD", 7.0m, "2025-01-01");
        await SetRate("USD", 7.5m, "2026-12-31");
        await SetRate("USD", 8.0m, "2027-01-01");

        // Signed on the last day of 2025: not in 2026.
        var lastYear = await D(w, "2025-06-01", new { stage = "negotiation" }, 1000m);
        await Move(lastYear, "signed", "2025-12-31");
        // Signed on the first day of 2026, landed the same year: in both.
        var both = await D(w, "2025-06-01", new { stage = "negotiation", sectorId = ivd }, 2000.01m);
        await Move(both, "signed", "2026-01-01", contractedInvestment: 1900m);
        await Move(both, "landed", "2026-06-30");
        await Post($"/api/v1/deals/{both}/milestones", new { kind = "constructionStarted", on = "2026-08-01" });
        await Post($"/api/v1/deals/{both}/milestones", new { kind = "productionStarted", on = "2027-01-05" });
        // Signed in 2026, then lost: not signed.
        var signedThenLost = await D(w, "2026-01-10", null, 3000m);
        await Move(signedThenLost, "signed", "2026-02-01");
        await SetStatus(signedThenLost, "lost", "funding", "2026-03-01");
        // Signed in 2026, then moved back: its signing no longer counts.
        var movedBack = await D(w, "2026-01-10", null, 4000m);
        await Move(movedBack, "signed", "2026-02-01");
        await Move(movedBack, "negotiation", "2026-04-01", "签约条件变化");
        // A USD deal signed in 2026: converted at the rate in force on 31 December (7.5), not 1 January (8.0).
        var usd = await D(w, "2026-02-01", new { currency = "USD", isKeyProject = true }, 10.01m);
        await Move(usd, "signed", "2026-05-05", contractedInvestment: 9m);
        // Opened in 2026 and still negotiating at the end of the year, a key project with expected tax; then signed in 2027.
        var reserve = await D(w, "2026-12-31", new { stage = "negotiation", isKeyProject = true, expectedAnnualTax = 50.5m }, 600m);
        await Move(reserve, "signed", "2027-01-02");
        // Opened in 2027: not a new deal of 2026.
        await D(w, "2027-01-01", null, 1m);
        var onHold = await D(w, "2026-03-01", new { stage = "letters", expectedAnnualTax = 7m }, 70m);
        await SetStatus(onHold, "onHold", on: "2026-12-01");

        var forum = Id(await PostOk("/api/v1/events", new { name = "论坛", type = "forum", startsOn = "2026-12-31", endsOn = "2027-01-01", city = "博鳌", parkId = w.Park }));
        await PostOk("/api/v1/events", new { name = "考察", type = "outboundTrip", startsOn = "2026-01-01", endsOn = "2026-01-03", city = "深圳" });
        await PostOk("/api/v1/events", new { name = "推介会", type = "promotion", startsOn = "2027-01-01", endsOn = "2027-01-01", city = "济南" });
        await PostOk("/api/v1/letters", new { type = "intent", signedOn = "2026-12-31", counterparty = "x", dealId = reserve, eventId = forum });
        await PostOk("/api/v1/letters", new { type = "expertAppointment", signedOn = "2026-01-01", counterparty = "张教授" });
        await PostOk("/api/v1/letters", new { type = "initiative", signedOn = "2025-12-31", counterparty = "y" });
        await PostOk($"/api/v1/deals/{reserve}/activities", new { type = "siteVisit", on = "2026-12-31", summary = "考察" });
        await PostOk($"/api/v1/deals/{both}/activities", new { type = "siteVisit", on = "2027-01-01", summary = "考察" });
        await PostOk($"/api/v1/deals/{both}/activities", new { type = "meeting", on = "2026-05-01", summary = "会谈" });

        var r = await GetOk("/api/v1/reports/performance?year=2026");

        Assert.Equal(("2026-01-01", "2026-12-31"), (r["from"]!.GetValue<string>(), r["to"]!.GetValue<string>()));
        Assert.Equal(5, r["newDeals"]!.GetValue<long>());
        var usdCny = Math.Round(10.01m * 7.5m, 2, MidpointRounding.AwayFromZero);
        Assert.Equal(2, r["signed"]!["count"]!.GetValue<long>());
        Assert.Equal(2000.01m + usdCny, Money(r["signed"]!["intendedInvestment"]));
        Assert.Equal(1900m + 67.5m, Money(r["signed"]!["contractedInvestment"]));
        Assert.Equal((1L, 2000.01m), (r["landed"]!["count"]!.GetValue<long>(), Money(r["landed"]!["intendedInvestment"])));
        Assert.Equal(1, r["lost"]!["count"]!.GetValue<long>());
        Assert.Equal((1L, 0L), (r["constructionStarted"]!["count"]!.GetValue<long>(), r["productionStarted"]!["count"]!.GetValue<long>()));
        Assert.Equal((2L, 1L, 1L, 0L), (r["events"]!["total"]!.GetValue<long>(), r["events"]!["forum"]!.GetValue<long>(), r["events"]!["outboundTrip"]!.GetValue<long>(), r["events"]!["promotion"]!.GetValue<long>()));
        Assert.Equal((2L, 1L, 1L, 0L), (r["letters"]!["total"]!.GetValue<long>(), r["letters"]!["intent"]!.GetValue<long>(), r["letters"]!["expertAppointment"]!.GetValue<long>(), r["letters"]!["initiative"]!.GetValue<long>()));
        Assert.Equal(1, r["siteVisits"]!.GetValue<long>());

        // Each figure lists exactly the deals it counts, on the day it counts them.
        async Task<List<(long, string)>> DealsOf(string figure) =>
            [.. (await GetOk($"/api/v1/reports/performance/deals?year=2026&figure={figure}"))["items"]!.AsArray().Select(i => (i!["dealId"]!.GetValue<long>(), i["on"]!.GetValue<string>()))];
        Assert.Equal([(both, "2026-01-01"), (usd, "2026-05-05")], await DealsOf("signed"));
        Assert.Equal([(both, "2026-06-30")], await DealsOf("landed"));
        Assert.Equal([(signedThenLost, "2026-03-01")], await DealsOf("lost"));
        Assert.Equal([(both, "2026-08-01")], await DealsOf("constructionStarted"));
        Assert.Empty(await DealsOf("productionStarted"));
        Assert.Equal(r["newDeals"]!.GetValue<long>(), (await DealsOf("newDeals")).Count);
        var usdRow = (await GetOk("/api/v1/reports/performance/deals?year=2026&figure=signed"))["items"]![1]!;
        Assert.Equal(("USD", 10.01m, 9m), (usdRow["currency"]!.GetValue<string>(), Money(usdRow["intendedInvestment"]), Money(usdRow["contractedInvestment"])));
        await AssertProblem(await Client.GetAsync("/api/v1/reports/performance/deals?year=2026&figure=luck"), HttpStatusCode.BadRequest, "figure");

        // At the end of 2026: reserve (negotiation, key) and movedBack (negotiation) are active in negotiation; onHold is not active.
        Assert.Equal(2, r["inNegotiation"]!["count"]!.GetValue<long>());
        Assert.Equal(1, r["inNegotiation"]!["keyProjects"]!.GetValue<long>());
        Assert.Equal(600m + 4000m, Money(r["inNegotiation"]!["intendedInvestment"]));
        Assert.Equal(50.5m, Money(r["expectedAnnualTax"]));
        Assert.Null(r["targets"]);

        // Today (2027-03-01) the reserve deal has signed.
        var now = await GetOk("/api/v1/reports/performance?from=2027-01-01&to=2027-03-01");
        Assert.Equal(1, now["inNegotiation"]!["count"]!.GetValue<long>());
        Assert.Equal(1, now["signed"]!["count"]!.GetValue<long>());
        Assert.Equal(1, now["productionStarted"]!["count"]!.GetValue<long>());

        // A sector filter takes the subtree.
        Assert.Equal(1, (await GetOk($"/api/v1/reports/performance?year=2026&sectorId={devices}"))["signed"]!["count"]!.GetValue<long>());
        Assert.Equal(1, (await GetOk($"/api/v1/reports/performance?year=2026&sectorId={w.Biomed}"))["signed"]!["count"]!.GetValue<long>());
    }

    [DbFact]
    public async Task Targets_are_set_by_managers_and_give_completion_ratios()
    {
        var w = await CreateWorld();
        var a = await D(w, "2026-01-05", new { stage = "negotiation" }, 300m);
        await Move(a, "signed", "2026-02-01");
        await Move(a, "landed", "2026-09-01");
        var b = await D(w, "2026-01-05", new { stage = "negotiation" }, 150.5m);
        await Move(b, "signed", "2026-03-01");

        var put = await Send(HttpMethod.Put, "/api/v1/targets/2026", new { signedCount = 8, landedCount = 0, signedInvestment = 1000m });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        await Send(HttpMethod.Put, "/api/v1/targets/2026", new { signedCount = 4, landedCount = 0, signedInvestment = 1000m, landedInvestment = 600m });
        await Send(HttpMethod.Put, "/api/v1/targets/2026", new { teamId = w.Team, signedCount = 1 });
        var targets = (await GetOk("/api/v1/targets/2026"))["items"]!.AsArray();
        Assert.Equal(2, targets.Count);

        var r = (await GetOk("/api/v1/reports/performance?year=2026"))["targets"]!;
        Assert.Equal((4m, 2m, 0.5m), (Money(r["signedCount"]!["target"]), Money(r["signedCount"]!["actual"]), Money(r["signedCount"]!["completion"])));
        Assert.Null(r["landedCount"]!["completion"]);
        Assert.Equal((1000m, 450.5m, 0.4505m), (Money(r["signedInvestment"]!["target"]), Money(r["signedInvestment"]!["actual"]), Money(r["signedInvestment"]!["completion"])));
        Assert.Equal(0.5m, Money(r["landedInvestment"]!["completion"]));
        var team = (await GetOk($"/api/v1/reports/performance?from=2026-01-01&to=2026-06-30&teamId={w.Team}"))["targets"]!;
        Assert.Equal(2m, Money(team["signedCount"]!["completion"]));

        // 序时进度: the first half is 181 of 2026's 365 days, and its weekdays (no calendar loaded) of the year's; the pace is completion over it.
        static int Weekdays(DateOnly from, DateOnly to) =>
            Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        var (jan1, dec31) = (new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        Assert.Equal(("2026-06-30", 0.4959m), (team["elapsedThrough"]!.GetValue<string>(), Money(team["timeElapsed"])));
        Assert.Equal(decimal.Round((decimal)Weekdays(jan1, new DateOnly(2026, 6, 30)) / Weekdays(jan1, dec31), 4, MidpointRounding.AwayFromZero), Money(team["workingTimeElapsed"]));
        Assert.Equal(decimal.Round(2m / 0.4959m, 4, MidpointRounding.AwayFromZero), Money(team["signedCount"]!["pace"]));
        // The whole year, read on 1 March 2027 (the clock here): all of it elapsed, so the pace is the completion itself.
        Assert.Equal(("2026-12-31", 1m, 1m), (r["elapsedThrough"]!.GetValue<string>(), Money(r["timeElapsed"]), Money(r["workingTimeElapsed"])));
        Assert.Equal(0.5m, Money(r["signedCount"]!["pace"]));
        Assert.Null(r["landedCount"]!["pace"]); // no completion without a target

        // This year's, read on 1 March: 60 of 365 days, 42 of 261 weekdays, gone.
        await Send(HttpMethod.Put, "/api/v1/targets/2027", new { signedCount = 4 });
        var now = (await GetOk("/api/v1/reports/performance?year=2027"))["targets"]!;
        Assert.Equal(("2027-03-01", 0.1644m, 0.1609m), (now["elapsedThrough"]!.GetValue<string>(), Money(now["timeElapsed"]), Money(now["workingTimeElapsed"])));
        Assert.Equal((0m, 0m), (Money(now["signedCount"]!["completion"]), Money(now["signedCount"]!["pace"])));
        Assert.Null((await GetOk("/api/v1/reports/performance?from=2025-12-01&to=2026-01-31"))["targets"]);
        Assert.Null((await GetOk($"/api/v1/reports/performance?year=2026&sectorId={w.Drugs}"))["targets"]);

        await AssertProblem(await Send(HttpMethod.Put, "/api/v1/targets/2026", new { signedCount = -1 }), HttpStatusCode.BadRequest, "signedCount");
        await AssertProblem(await Send(HttpMethod.Put, "/api/v1/targets/1999", new { signedCount = 1 }), HttpStatusCode.BadRequest, "year");
        await AssertProblem(await Send(HttpMethod.Put, "/api/v1/targets/2026", new { parkId = 99, signedCount = 1 }), HttpStatusCode.BadRequest, "parkId");
        await AssertProblem(await Send(HttpMethod.Put, "/api/v1/targets/2026", new { parkId = w.Park, teamId = w.Team }), HttpStatusCode.BadRequest, "teamId");
        var (_, officerKey) = await UserWithKey("officer", "officer", w.Team);
        using var officer = Factory.ClientWithKey(officerKey);
        await AssertProblem(await Send(officer, HttpMethod.Put, "/api/v1/targets/2026", new { signedCount = 1 }), HttpStatusCode.Forbidden);
    }

    [DbFact]
    public async Task Bad_periods_are_400s()
    {
        foreach (var query in new[] { "", "?from=2026-01-01", "?to=2026-01-01", "?year=2026&from=2026-01-01", "?from=2026-02-01&to=2026-01-01", "?year=abc", "?year=1900", "?from=2000-01-01&to=2020-01-01", "?from=2026-1-1&to=2026-02-01" })
        {
            await AssertProblem(await Client.GetAsync("/api/v1/reports/performance" + query), HttpStatusCode.BadRequest);
            await AssertProblem(await Client.GetAsync("/api/v1/reports/funnel" + query), HttpStatusCode.BadRequest);
        }
    }

    [DbFact]
    public async Task The_funnel_follows_the_period_s_new_deals_through_their_history()
    {
        var w = await CreateWorld();
        // contact 10 days, negotiation 20, letters 30, signed; another: contact 20, skips to signed (passing negotiation and letters) and lands 40 days later.
        var a = await D(w, "2026-01-01");
        await Move(a, "negotiation", "2026-01-11");
        await Move(a, "letters", "2026-01-31");
        await Move(a, "signed", "2026-03-02");
        var b = await D(w, "2026-02-01");
        await Move(b, "signed", "2026-02-21");
        await Move(b, "landed", "2026-04-02");
        // contact 30 days, negotiation and back: negotiation 5 days then contact again.
        var c = await D(w, "2026-03-01");
        await Move(c, "negotiation", "2026-03-31");
        await Move(c, "contact", "2026-04-05", "企业暂停");
        // Still in contact, opened in the period; and one opened before the period.
        await D(w, "2026-06-01");
        var before = await D(w, "2025-12-31");
        await Move(before, "signed", "2026-01-10");

        var f = await GetOk("/api/v1/reports/funnel?year=2026");

        Assert.Equal(4, f["deals"]!.GetValue<long>());
        var stages = f["stages"]!.AsArray();
        Assert.Equal(["contact", "negotiation", "letters", "signed", "landed"], stages.Select(s => s!["stage"]!.GetValue<string>()));
        Assert.Equal([4L, 3L, 2L, 2L, 1L], stages.Select(s => s!["reached"]!.GetValue<long>()));
        Assert.Null(stages[0]!["conversion"]);
        Assert.Equal([0.75m, 0.6667m, 1m, 0.5m], stages.Skip(1).Select(s => Money(s!["conversion"])));
        // contact stays ended: a 10, b 20, c 30 → median 20 (c's second stay in contact has not ended).
        Assert.Equal((20m, 3L), (Money(stages[0]!["medianDaysInStage"]), stages[0]!["staysMeasured"]!.GetValue<long>()));
        Assert.Equal((12.5m, 2L), (Money(stages[1]!["medianDaysInStage"]), stages[1]!["staysMeasured"]!.GetValue<long>()));
        Assert.Equal(30m, Money(stages[2]!["medianDaysInStage"]));
        Assert.Equal(40m, Money(stages[3]!["medianDaysInStage"]));
        Assert.Null(stages[4]!["medianDaysInStage"]);
        Assert.Equal(1, (await GetOk("/api/v1/reports/funnel?from=2026-02-01&to=2026-02-28"))["deals"]!.GetValue<long>());
    }

    [DbFact]
    public async Task The_pipeline_as_of_a_day_with_two_changes_keeps_the_last_of_that_day()
    {
        var w = await CreateWorld();
        var a = await D(w, "2026-01-01", null, 10m);
        await Move(a, "negotiation", "2026-02-01");
        await Move(a, "letters", "2026-02-01");
        await SetStatus(a, "onHold", on: "2026-02-01");
        await SetStatus(a, "active", on: "2026-02-02");

        string Rows(JsonObject report) => string.Join(" ", report["rows"]!.AsArray().Select(r => $"{r!["key"]}:{r["count"]}"));
        Assert.Equal("contact:1 negotiation:0 letters:0 signed:0 landed:0", Rows(await GetOk("/api/v1/reports/pipeline?asOf=2026-01-31")));
        Assert.Equal("contact:0 negotiation:0 letters:0 signed:0 landed:0", Rows(await GetOk("/api/v1/reports/pipeline?asOf=2026-02-01")));
        Assert.Equal("contact:0 negotiation:0 letters:1 signed:0 landed:0", Rows(await GetOk("/api/v1/reports/pipeline?asOf=2026-02-01&status=onHold")));
        Assert.Equal("contact:0 negotiation:0 letters:1 signed:0 landed:0", Rows(await GetOk("/api/v1/reports/pipeline?asOf=2026-02-02")));
    }

    [DbFact]
    public async Task The_csv_export_is_utf8_with_a_bom_one_header_and_the_list_filters()
    {
        var w = await CreateWorld();
        var a = await D(w, "2026-01-01", new { isKeyProject = true, expectedAnnualTax = 12.3m }, 1234567.89m, "合成生物制造基地, \"一期\"");
        await D(w, "2026-01-02", null, 5m, "其他项目");
        var otherTeam = await Team("深圳招商工作组");
        var stranger = await User("周杰", "officer", otherTeam);
        await D(w, "2026-01-03", new { ownerId = stranger, confidential = true, isKeyProject = true }, 9m, "保密项目");
        var (_, analystKey) = await UserWithKey("BI", "analyst");
        using var analyst = Factory.ClientWithKey(analystKey);

        var response = await analyst.GetAsync("/api/v1/export/deals.csv?isKeyProject=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("id,name,companyId,companyName,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{a},\"合成生物制造基地, \"\"一期\"\"\",{w.Company},杭州康源生物科技有限公司,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",1234567.89,CNY,,,12.30,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",contact,active,,true,false,,", lines[1], StringComparison.Ordinal);
        var all = Encoding.UTF8.GetString(await (await Client.GetAsync("/api/v1/export/deals.csv")).Content.ReadAsByteArrayAsync());
        Assert.Equal(4, all.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        await AssertProblem(await Client.GetAsync("/api/v1/export/deals.csv?stage=won"), HttpStatusCode.BadRequest, "stage");
    }
}

public sealed class SqliteManagementReportTests : ManagementReportTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerManagementReportTests : ManagementReportTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresManagementReportTests : ManagementReportTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
