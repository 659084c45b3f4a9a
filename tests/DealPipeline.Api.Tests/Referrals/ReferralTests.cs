namespace DealPipeline.Api.Tests;

/// <summary>
/// Referrers (引荐人) and their rewards: registered before the deal, one per deal, rewarded on the deal's funds in place
/// converted to CNY at the rate of each amount's day, under a tiered or a marginal scheme with a cap. Every figure below is
/// computed by hand in the comments.
/// </summary>
public abstract class ReferralTests : ApiTest
{
    private static readonly object[] TieredBands =
    [
        new { from = 0m, to = 100_000_000m, ratePermille = 3m },
        new { from = 100_000_000m, to = 500_000_000m, ratePermille = 2m },
        new { from = 500_000_000m, to = (decimal?)null, ratePermille = 1.5m },
    ];

    private static readonly object[] MarginalBands =
    [
        new { from = 0m, to = 100_000_000m, ratePermille = 3m },
        new { from = 100_000_000m, to = 500_000_000m, ratePermille = 4m },
        new { from = 500_000_000m, to = (decimal?)null, ratePermille = 5m },
    ];

    [DbFact]
    public async Task Rewards_are_computed_on_funds_in_place_at_each_days_rate_under_tiered_and_marginal_schemes()
    {
        var world = await CreateWorld();
        await SetRate("USD", 7.1m, DaysAgo(60));
        await SetRate("USD", 7.2m, DaysAgo(20));
        var association = await PostOk("/api/v1/referrers", new { kind = "organisation", name = "浙江省生物医药行业协会", registeredOn = DaysAgo(100) });
        var person = await PostOk("/api/v1/referrers", new { kind = "person", name = "张教授", contact = "138 0000 0000", registeredOn = DaysAgo(5) });
        var tiered = Id(await PostOk("/api/v1/reward-schemes", new { name = "分档奖励", method = "tiered", bands = TieredBands, cap = 1_000_000m }));
        var marginal = Id(await PostOk("/api/v1/reward-schemes", new { name = "累进奖励", method = "marginal", bands = MarginalBands, cap = 1_000_000m }));
        Assert.Equal(1.5m, (await GetOk($"/api/v1/reward-schemes/{tiered}"))["bands"]![2]!["ratePermille"]!.GetValue<decimal>());

        async Task<long> Signed(string name, string currency, int openedDaysAgo) =>
            Id(await Deal(world, new { stage = "signed", openedOn = DaysAgo(openedDaysAgo), currency }, name));
        async Task Funds(long deal, string on, decimal amount) => await PostOk($"/api/v1/deals/{deal}/funds", new { on, amount });
        object Referral(JsonObject referrer, long scheme, string confirmedOn) => new { referrerId = Id(referrer), schemeId = scheme, confirmedOn, confirmation = "三方签署引荐确认书" };

        // USD 10,000,000 at 7.1 = 71,000,000.00 and USD 5,000,000 at 7.2 = 36,000,000.00: 107,000,000.00, in the 1亿–5亿 band at 2‰ = 214,000.00.
        var usd = await Signed("Helix 中国研发中心", "USD", 90);
        await Funds(usd, DaysAgo(50), 10_000_000m);
        await Funds(usd, DaysAgo(10), 5_000_000m);
        var first = await PostOk($"/api/v1/deals/{usd}/referral", Referral(association, tiered, DaysAgo(85)));
        Assert.Equal(107_000_000.00m, Money(first["fundsInPlace"]));
        Assert.Equal(214_000.00m, Money(first["reward"]));

        // 300,000,000.00 marginal: 1亿 at 3‰ (300,000) + 2亿 at 4‰ (800,000) = 1,100,000, capped at 1,000,000.00.
        var cny = await Signed("康源 CDMO 基地", "CNY", 80);
        await Funds(cny, DaysAgo(30), 300_000_000m);
        await PostOk($"/api/v1/deals/{cny}/referral", Referral(association, marginal, DaysAgo(75)));

        // 123,456,789.00 marginal: 300,000 + 23,456,789 at 4‰ (93,827.156) = 393,827.156: 393,827.16.
        var recent = await Signed("张教授引荐项目", "CNY", 3);
        await Funds(recent, DaysAgo(1), 123_456_789m);
        await PostOk($"/api/v1/deals/{recent}/referral", Referral(person, marginal, DaysAgo(2)));

        // Refused, changing nothing: a referrer registered after the deal opened, a second referrer, a confirmation before the registration.
        var late = await Signed("晚登记", "CNY", 30);
        var before = await Snapshot();
        await AssertProblem(await Post($"/api/v1/deals/{late}/referral", Referral(person, tiered, Today)), HttpStatusCode.BadRequest, "referrerId", "referral.lateRegistration");
        await AssertProblem(await Post($"/api/v1/deals/{usd}/referral", Referral(person, tiered, Today)), HttpStatusCode.Conflict, code: "referral.exists");
        await AssertProblem(await Post($"/api/v1/deals/{late}/referral", Referral(association, tiered, DaysAgo(101))), HttpStatusCode.BadRequest, "confirmedOn");
        await AssertProblem(await Post($"/api/v1/deals/{late}/referral", new { referrerId = 999, schemeId = tiered, confirmedOn = Today, confirmation = "x" }), HttpStatusCode.BadRequest, "referrerId");
        await AssertProblem(await Post($"/api/v1/deals/{late}/referral", new { referrerId = Id(association), schemeId = tiered }), HttpStatusCode.BadRequest, "confirmedOn");
        await AssertProblem(await Client.GetAsync($"/api/v1/deals/{late}/referral"), HttpStatusCode.NotFound);
        Assert.Equal(before, await Snapshot());

        var report = await GetOk("/api/v1/reports/referrals");
        Assert.Equal(Today, report["asOf"]!.GetValue<string>());
        var byReferrer = report["items"]!.AsArray();
        Assert.Equal([Id(association), Id(person)], byReferrer.Select(r => r!["referrerId"]!.GetValue<long>()));
        Assert.Equal([usd, cny], byReferrer[0]!["deals"]!.AsArray().Select(d => d!["dealId"]!.GetValue<long>()));
        Assert.Equal([214_000.00m, 1_000_000.00m], byReferrer[0]!["deals"]!.AsArray().Select(d => Money(d!["reward"])));
        Assert.Equal(407_000_000.00m, Money(byReferrer[0]!["fundsInPlace"]));
        Assert.Equal(1_214_000.00m, Money(byReferrer[0]!["reward"]));
        Assert.Equal(393_827.16m, Money(byReferrer[1]!["reward"]));
        Assert.Equal(530_456_789.00m, Money(report["fundsInPlace"]));
        Assert.Equal(1_607_827.16m, Money(report["reward"]));

        // Forty days ago only the first USD amount had arrived: 71,000,000.00, under 1亿, at 3‰ = 213,000.00.
        var earlier = await GetOk("/api/v1/reports/referrals?asOf=" + DaysAgo(40));
        Assert.Equal(213_000.00m, Money(earlier["items"]![0]!["deals"]![0]!["reward"]));
        Assert.Equal(213_000.00m, Money(earlier["reward"]));
        await AssertProblem(await Client.GetAsync("/api/v1/reports/referrals?asOf=2999-01-01"), HttpStatusCode.BadRequest, "asOf");
        await AssertProblem(await Client.GetAsync("/api/v1/reports/referrals?asOf=yesterday"), HttpStatusCode.BadRequest, "asOf");
    }

    [DbFact]
    public async Task Schemes_with_gaps_overlaps_an_open_band_before_the_last_or_a_negative_cap_are_refused_naming_the_field()
    {
        var before = await Snapshot();
        async Task Refused(object bands, string field, string? code, decimal? cap = null) =>
            await AssertProblem(await Post("/api/v1/reward-schemes", new { name = "方案", method = "marginal", bands, cap }), HttpStatusCode.BadRequest, field, code);

        await Refused(new[] { new { from = 0m, to = (decimal?)100m, ratePermille = 3m }, new { from = 200m, to = (decimal?)null, ratePermille = 2m } }, "bands", "bands.gap");
        await Refused(new[] { new { from = 0m, to = (decimal?)100m, ratePermille = 3m }, new { from = 50m, to = (decimal?)null, ratePermille = 2m } }, "bands", "bands.overlap");
        await Refused(new[] { new { from = 10m, to = (decimal?)null, ratePermille = 3m } }, "bands", "bands.gap");
        await Refused(new[] { new { from = 0m, to = (decimal?)null, ratePermille = 3m }, new { from = 100m, to = (decimal?)null, ratePermille = 2m } }, "bands", "bands.end");
        await Refused(new[] { new { from = 0m, to = (decimal?)null, ratePermille = 3m } }, "cap", null, -1m);
        await Refused(new[] { new { from = 0m, to = (decimal?)null, ratePermille = 3.333m } }, "bands[0].ratePermille", null);
        await Refused(Array.Empty<object>(), "bands", "bands.count");
        await AssertProblem(await Post("/api/v1/reward-schemes", new { name = "方案", bands = TieredBands }), HttpStatusCode.BadRequest, "method");
        await AssertProblem(await Post("/api/v1/reward-schemes", new { name = "方案", method = "flat", bands = TieredBands }), HttpStatusCode.BadRequest, "method");
        Assert.Equal(before, await Snapshot());
        await PostOk("/api/v1/reward-schemes", new { name = "方案", method = "tiered", bands = TieredBands });
        await AssertProblem(await Post("/api/v1/reward-schemes", new { name = "方案", method = "tiered", bands = TieredBands }), HttpStatusCode.Conflict);
    }
}

public sealed class SqliteReferralTests : ReferralTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerReferralTests : ReferralTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresReferralTests : ReferralTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
