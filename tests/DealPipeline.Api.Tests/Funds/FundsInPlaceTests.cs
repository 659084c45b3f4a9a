using System.Text;
using Dapper;

namespace DealPipeline.Api.Tests;

/// <summary>
/// Funds in place (到位资金): recorded for signed and landed deals only, never in the future or before
/// the signing; summed by the performance report for its period and to its end, in CNY, with each
/// figure computed here from what was recorded; hidden with the confidential deals they belong to.
/// </summary>
public abstract class FundsInPlaceTests : ApiTest
{
    [DbFact]
    public async Task Funds_are_recorded_for_signed_deals_only_and_listed_newest_first_without_changing_the_deal()
    {
        var w = await CreateWorld();
        var deal = Id(await Deal(w, new { openedOn = DaysAgo(60) }));
        var before = await Snapshot();
        await AssertProblem(await Post($"/api/v1/deals/{deal}/funds", new { on = DaysAgo(1), amount = 1_000_000m }), HttpStatusCode.Conflict, code: "funds.notSigned");
        Assert.Equal(before, await Snapshot());

        await Move(deal, "signed", DaysAgo(20), contractedInvestment: 90_000_000m);
        var signedVersion = (await GetOk($"/api/v1/deals/{deal}"))["version"]!.GetValue<int>();
        before = await Snapshot();
        await AssertProblem(await Post($"/api/v1/deals/{deal}/funds", new { on = DaysAgo(21), amount = 1m }), HttpStatusCode.BadRequest, "on", "on.beforeSigning");
        await AssertProblem(await Post($"/api/v1/deals/{deal}/funds", new { on = DaysAgo(-1), amount = 1m }), HttpStatusCode.BadRequest, "on");
        await AssertProblem(await Post($"/api/v1/deals/{deal}/funds", new { on = DaysAgo(1), amount = 0m }), HttpStatusCode.BadRequest, "amount");
        await AssertProblem(await Post($"/api/v1/deals/{deal}/funds", new { on = DaysAgo(1), amount = 1.005m }), HttpStatusCode.BadRequest, "amount");
        await AssertProblem(await Post($"/api/v1/deals/{deal}/funds", new { on = DaysAgo(1) }), HttpStatusCode.BadRequest, "amount");
        await AssertProblem(await Post("/api/v1/deals/424242/funds", new { on = DaysAgo(1), amount = 1m }), HttpStatusCode.NotFound);
        Assert.Equal(before, await Snapshot());

        var first = await Post($"/api/v1/deals/{deal}/funds", new { on = DaysAgo(10), amount = 3_000_000m, note = "首期注册资本金" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal($"/api/v1/deals/{deal}/funds", first.Headers.Location!.OriginalString);
        await PostOk($"/api/v1/deals/{deal}/funds", new { on = DaysAgo(10), amount = 1_500_000.50m });
        await PostOk($"/api/v1/deals/{deal}/funds", new { on = Today, amount = 500_000m });

        var page = await GetOk($"/api/v1/deals/{deal}/funds?limit=2");
        Assert.Equal([(Today, 500_000m), (DaysAgo(10), 1_500_000.50m)], page["items"]!.AsArray().Select(f => (f!["on"]!.GetValue<string>(), Money(f["amount"]))));
        var rest = await GetOk($"/api/v1/deals/{deal}/funds?limit=2&cursor={page["nextCursor"]}");
        var last = Assert.Single(rest["items"]!.AsArray())!;
        Assert.Equal((3_000_000m, "CNY", "首期注册资本金"), (Money(last["amount"]), last["currency"]!.GetValue<string>(), last["note"]!.GetValue<string>()));

        // A record of money, not a change of the deal: its version (and ETag) stay; the audit log and the change feed have each record.
        Assert.Equal(signedVersion, (await GetOk($"/api/v1/deals/{deal}"))["version"]!.GetValue<int>());
        await using var session = new DbSession(Factory.Database);
        Assert.Equal(3, await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE entity = 'fundsInPlace'", null, default));
        var changes = await GetOk("/api/v1/changes?after=0&limit=500");
        Assert.Equal(3, changes["items"]!.AsArray().Count(c => c!["entity"]!.GetValue<string>() == "fundsInPlace" && c["kind"]!.GetValue<string>() == "created"));
    }

    [DbFact]
    public async Task The_performance_report_sums_funds_in_the_period_and_to_its_end_in_cny_and_hides_confidential_deals()
    {
        var w = await CreateWorld();
        await SetRate("USD", 7.1234m, DaysAgo(90));
        var (_, officerKey) = await UserWithKey("李娜", "officer", w.Team);
        var outsider = await User("陈刚", "officer", await Team("深圳招商工作组"));
        var cny = Id(await Deal(w, new { openedOn = DaysAgo(60) }, "合成生物中试基地"));
        var usd = Id(await Deal(w, new { openedOn = DaysAgo(60), currency = "USD" }, "Helix Biologics", 20_000_000m));
        var secret = Id(await Deal(w, new { openedOn = DaysAgo(60), ownerId = outsider, confidential = true, codeName = "Project Falcon" }, "总部迁移（保密）"));
        foreach (var deal in new[] { cny, usd, secret })
        {
            await Move(deal, "signed", DaysAgo(40));
        }

        await Move(usd, "landed", DaysAgo(35));
        await SetStatus(cny, "onHold", on: DaysAgo(3));

        // Before the period, in it (the CNY deal since put on hold still counts), on its last day, after it.
        var recorded = new (long Deal, string On, decimal Amount)[]
        {
            (cny, DaysAgo(30), 1_000_000m), (cny, DaysAgo(10), 2_000_000.25m), (usd, DaysAgo(5), 100_000m), (usd, DaysAgo(2), 50_000.10m),
            (secret, DaysAgo(8), 9_000_000m), (cny, Today, 777m),
        };
        foreach (var (deal, on, amount) in recorded)
        {
            await PostOk($"/api/v1/deals/{deal}/funds", new { on, amount });
        }

        var from = DaysAgo(15);
        var to = DaysAgo(2);
        var rate = new Dictionary<long, decimal> { [cny] = 1m, [usd] = 7.1234m, [secret] = 1m };
        (long Deals, decimal InPeriod, decimal ToDate) Expected(params long[] visible)
        {
            var seen = recorded.Where(r => visible.Contains(r.Deal) && string.CompareOrdinal(r.On, to) <= 0).ToList();
            var inPeriod = seen.Where(r => string.CompareOrdinal(r.On, from) >= 0).ToList();

            // Each currency's subtotal is converted, then rounded half away from zero to the fen.
            static decimal Cny(IEnumerable<(long Deal, string On, decimal Amount)> rows, Dictionary<long, decimal> rate) =>
                rows.GroupBy(r => rate[r.Deal]).Sum(g => Math.Round(g.Sum(r => r.Amount) * g.Key, 2, MidpointRounding.AwayFromZero));
            return (inPeriod.Select(r => r.Deal).Distinct().Count(), Cny(inPeriod, rate), Cny(seen, rate));
        }

        static (long, decimal, decimal) Figures(JsonNode report) =>
            (report["fundsInPlace"]!["deals"]!.GetValue<long>(), Money(report["fundsInPlace"]!["inPeriod"]), Money(report["fundsInPlace"]!["toDate"]));

        var all = await GetOk($"/api/v1/reports/performance?from={from}&to={to}");
        Assert.Equal(Expected(cny, usd, secret), Figures(all));
        Assert.Equal((3L, 2_000_000.25m + 712_340.00m + 356_170.71m + 9_000_000m, 1_000_000m + 2_000_000.25m + 712_340.00m + 356_170.71m + 9_000_000m), Figures(all));

        using var officer = Factory.ClientWithKey(officerKey);
        var mine = JsonNode.Parse(await officer.GetStringAsync(new Uri($"/api/v1/reports/performance?from={from}&to={to}", UriKind.Relative)))!;
        Assert.Equal(Expected(cny, usd), Figures(mine));
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(new Uri($"/api/v1/deals/{secret}/funds", UriKind.Relative))).StatusCode);
        Assert.Equal((0L, 0m, 0m), Figures(await GetOk($"/api/v1/reports/performance?from={from}&to={to}&parkId={await Park("济南国际医学中心", "济南")}")));

        var series = await GetOk($"/api/v1/reports/performance/series?from={DaysAgo(400)}&to={Today}&interval=year");
        Assert.Equal(recorded.Sum(r => Math.Round(r.Amount * rate[r.Deal], 2, MidpointRounding.AwayFromZero)), series["rows"]!.AsArray().Sum(r => Money(r!["fundsInPlace"])));

        // The deals export: each deal's funds to date, in its currency and in CNY.
        var csv = (await Client.GetStringAsync(new Uri("/api/v1/export/deals.csv", UriKind.Relative))).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = csv[0].Split(',');
        var byId = csv[1..].Select(l => l.Split(',')).ToDictionary(c => long.Parse(c[0], System.Globalization.CultureInfo.InvariantCulture));
        string Cell(long deal, string column) => byId[deal][Array.IndexOf(header, column)];
        Assert.Equal(("3000777.25", "3000777.25"), (Cell(cny, "fundsInPlace"), Cell(cny, "fundsInPlaceCny")));
        Assert.Equal(("150000.10", "1068510.71"), (Cell(usd, "fundsInPlace"), Cell(usd, "fundsInPlaceCny")));

        // The pipeline with withFunds: each row's funds to asOf, in CNY. Today the CNY deal is on hold (out of the default pipeline).
        static Dictionary<string, decimal> Funds(JsonNode report) =>
            report["rows"]!.AsArray().ToDictionary(r => r!["key"]!.GetValue<string>(), r => Money(r!["fundsInPlace"]));
        var today = await GetOk("/api/v1/reports/pipeline?groupBy=stage&withFunds=true");
        Assert.Equal((9_000_000m, 1_068_510.71m, 0m), (Funds(today)["signed"], Funds(today)["landed"], Funds(today)["contact"]));
        Assert.Equal(10_068_510.71m, Money(today["total"]!["fundsInPlace"]));
        Assert.Equal(12_000_777.25m, Funds(await GetOk("/api/v1/reports/pipeline?groupBy=stage&status=any&withFunds=true"))["signed"]);
        var sixDaysAgo = await GetOk($"/api/v1/reports/pipeline?groupBy=stage&asOf={DaysAgo(6)}&withFunds=true");
        Assert.Equal((12_000_000.25m, 0m), (Funds(sixDaysAgo)["signed"], Funds(sixDaysAgo)["landed"]));
        Assert.Equal(10_068_510.71m, Money((await GetOk("/api/v1/reports/pipeline?groupBy=park,stage&withFunds=true"))["total"]!["fundsInPlace"]));
        Assert.Null((await GetOk("/api/v1/reports/pipeline?groupBy=stage"))["rows"]![0]!["fundsInPlace"]);
        var officers = JsonNode.Parse(await officer.GetStringAsync(new Uri("/api/v1/reports/pipeline?groupBy=stage&withFunds=true", UriKind.Relative)))!;
        Assert.Equal(1_068_510.71m, Money(officers["total"]!["fundsInPlace"]));
    }
}

public sealed class SqliteFundsInPlaceTests : FundsInPlaceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerFundsInPlaceTests : FundsInPlaceTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresFundsInPlaceTests : FundsInPlaceTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
