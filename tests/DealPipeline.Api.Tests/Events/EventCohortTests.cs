namespace DealPipeline.Api.Tests;

/// <summary>
/// Event cohorts (签约项目 re-measured): an event's signed deals on a day, their 履约率, 开工率, 投产率 and 到位率 computed here
/// independently from the same deals, in both rounding modes (rounded, and truncated as Weinan and Jiangmen publish them), on a past
/// day, and across a fair's editions.
/// </summary>
public abstract class EventCohortTests : ApiTest
{
    private static decimal Round(decimal n, decimal d) => decimal.Round(n / d, 4, MidpointRounding.AwayFromZero);

    private static decimal Truncate(decimal n, decimal d) => decimal.Truncate(n / d * 10_000m) / 10_000m;

    private async Task<long> Signed(World world, long eventId, string name, int signedAgo, decimal contracted, int? landedAgo = null, int? startedAgo = null, long? prior = null, string? priorKind = null)
    {
        var id = Id(await Deal(world, new { source = "event", sourceEventId = eventId, stage = "negotiation", openedOn = DaysAgo(signedAgo + 5), priorDealId = prior, priorKind }, name));
        await Move(id, "signed", DaysAgo(signedAgo), contractedInvestment: contracted);
        if (landedAgo is { } landed)
        {
            await Move(id, "landed", DaysAgo(landed));
        }

        if (startedAgo is { } started)
        {
            await PostOk($"/api/v1/deals/{id}/milestones", new { kind = "constructionStarted", on = DaysAgo(started) }, HttpStatusCode.OK);
        }

        return id;
    }

    [DbFact]
    public async Task A_cohort_gives_its_rates_from_the_signed_deals_rounded_or_truncated_on_any_day_and_across_a_fairs_editions()
    {
        var world = await CreateWorld();
        var first = Id(await PostOk("/api/v1/events", new { name = "第一届投洽会", type = "promotion", startsOn = DaysAgo(400), endsOn = DaysAgo(399), city = "杭州" }));
        var second = Id(await PostOk("/api/v1/events", new { name = "第二届投洽会", type = "promotion", startsOn = DaysAgo(200), endsOn = DaysAgo(199), city = "杭州" }));
        var built = await Signed(world, first, "已开工项目", 380, 100_000_000m, landedAgo: 100, startedAgo: 50);
        var newlyLanded = await Signed(world, first, "新落地项目", 370, 200_000_000m, landedAgo: 20);
        var lost = await Signed(world, first, "签约后流失", 360, 300_000_000m);
        await PostOk($"/api/v1/deals/{lost}/status", new { status = "lost", reason = "strategyChange", on = DaysAgo(10) }, HttpStatusCode.OK);
        await PostOk($"/api/v1/deals/{built}/funds", new { on = DaysAgo(40), amount = 100_000_000m });
        await Deal(world, new { source = "event", sourceEventId = first, stage = "negotiation" }, "仍在洽谈"); // not signed: not in the cohort
        await Signed(world, second, "第二届项目", 150, 50_000_000m, landedAgo: 60);
        var resigned = await Signed(world, second, "再次签约", 140, 100_000_000m, prior: built, priorKind: "resigning"); // counted at the first edition only
        await Signed(world, second, "升级项目", 130, 70_000_000m, prior: newlyLanded, priorKind: "upgrade"); // counted, no investment
        await Signed(world, second, "增资项目", 120, 180_000_000m, prior: built, priorKind: "capitalIncrease"); // counted: 1.8亿 − 1亿

        var cohort = await GetOk($"/api/v1/events/{first}/cohort");
        Assert.Equal((3, 2, 1, 0), (cohort["signed"]!.GetValue<int>(), cohort["landed"]!.GetValue<int>(), cohort["constructionStarted"]!.GetValue<int>(), cohort["productionStarted"]!.GetValue<int>()));
        Assert.Equal((600_000_000m, 100_000_000m), (Money(cohort["contractedInvestment"]), Money(cohort["fundsInPlace"])));
        Assert.Equal((Round(2, 3), Round(1, 3), 0m, Round(1, 6)), (Money(cohort["fulfilmentRate"]!["value"]), Money(cohort["constructionRate"]!["value"]), Money(cohort["productionRate"]!["value"]), Money(cohort["fundsRate"]!["value"])));
        Assert.Equal(("round", 4), (cohort["fulfilmentRate"]!["rounding"]!.GetValue<string>(), cohort["fulfilmentRate"]!["decimals"]!.GetValue<int>()));
        Assert.Equal(0.6667m, Money(cohort["fulfilmentRate"]!["value"]));

        var truncated = await GetOk($"/api/v1/events/{first}/cohort?rounding=truncate");
        Assert.Equal((Truncate(2, 3), Truncate(1, 6)), (Money(truncated["fulfilmentRate"]!["value"]), Money(truncated["fundsRate"]!["value"])));
        Assert.Equal((0.6666m, "truncate"), (Money(truncated["fulfilmentRate"]!["value"]), truncated["fulfilmentRate"]!["rounding"]!.GetValue<string>()));

        // Fifty days ago: one had landed, none had started, no funds had arrived.
        var then = await GetOk($"/api/v1/events/{first}/cohort?asOf={DaysAgo(50)}");
        Assert.Equal((3, 1, 1, 0m), (then["signed"]!.GetValue<int>(), then["landed"]!.GetValue<int>(), then["constructionStarted"]!.GetValue<int>(), Money(then["fundsInPlace"])));
        Assert.Equal(Round(1, 3), Money(then["fulfilmentRate"]!["value"]));

        // The fair's editions: each its own cohort, and the series computed from the sums.
        var series = await GetOk($"/api/v1/events/cohorts?eventIds={second},{first}");
        Assert.Equal([first, second], series["editions"]!.AsArray().Select(e => e!["eventId"]!.GetValue<long>()));
        var edition = series["editions"]![1]!;
        Assert.Equal((3, 130_000_000m), (edition["signed"]!.GetValue<int>(), Money(edition["contractedInvestment"])));
        var again = edition["deals"]!.AsArray().Single(d => d!["dealId"]!.GetValue<long>() == resigned)!;
        Assert.Equal((false, 0m), (again["counted"]!.GetValue<bool>(), Money(again["countedInvestment"])));
        Assert.Equal([50_000_000m, 0m, 0m, 80_000_000m], edition["deals"]!.AsArray().Select(d => Money(d!["countedInvestment"])));
        var total = series["total"]!;
        Assert.Equal((6, 3), (total["signed"]!.GetValue<int>(), total["landed"]!.GetValue<int>()));
        Assert.Equal((Round(3, 6), Round(100_000_000m, 730_000_000m)), (Money(total["fulfilmentRate"]!["value"]), Money(total["fundsRate"]!["value"])));
        await AssertProblem(await Send(HttpMethod.Post, "/api/v1/deals", new { name = "缺延续方式", companyId = world.Company, parkId = world.Park, sectorId = world.Drugs, ownerId = world.Officer, intendedInvestment = 1m, priorDealId = built }), HttpStatusCode.BadRequest, "priorKind");
        await AssertProblem(await Send(HttpMethod.Post, "/api/v1/deals", new { name = "无此前项目", companyId = world.Company, parkId = world.Park, sectorId = world.Drugs, ownerId = world.Officer, intendedInvestment = 1m, priorDealId = 99999, priorKind = "upgrade" }), HttpStatusCode.BadRequest, "priorDealId");

        await AssertProblem(await Client.GetAsync($"/api/v1/events/{first}/cohort?rounding=ceiling"), HttpStatusCode.BadRequest, "rounding");
        await AssertProblem(await Client.GetAsync($"/api/v1/events/{first}/cohort?asOf=2999-01-01"), HttpStatusCode.BadRequest, "asOf");
        await AssertProblem(await Client.GetAsync("/api/v1/events/cohorts?eventIds=1,x"), HttpStatusCode.BadRequest, "eventIds");
        await AssertProblem(await Client.GetAsync("/api/v1/events/999/cohort"), HttpStatusCode.NotFound);
    }
}

public sealed class SqliteEventCohortTests : EventCohortTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerEventCohortTests : EventCohortTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresEventCohortTests : EventCohortTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
