namespace DealPipeline.Api.Tests;

/// <summary>
/// Claims (首报首谈): the first unit to report a major project holds it, other units' deals for the company are refused
/// naming only the holder, a manager overrides or transfers, the holder renews or releases, and a claim expires. The office's
/// thresholds here are Chongqing's: 10亿 CNY, or FDI of 1,000万 USD, or a sector on the list (生物医药 and what is under it).
/// </summary>
public abstract class ClaimTests : ApiTest
{
    private readonly MovableTime _time = new(new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero));

    private static readonly DateOnly Start = new(2026, 12, 3);

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Claims:MinIntendedInvestment"] = "1000000000",
        ["Claims:MinForeignInvestmentUsd"] = "10000000",
        ["Claims:SectorIds:0"] = "1",
        ["Claims:ValidDays"] = "90",
    };

    protected override Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? Services =>
        services => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<TimeProvider>(services, _time);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [DbFact]
    public async Task The_unit_that_reported_first_holds_the_company_and_other_units_are_refused_naming_only_the_holder()
    {
        var world = await CreateWorld();
        var zhongshan = await Park("中山健康科技产业基地", "中山");
        var rivals = await Team("中山招商专班");
        var (_, reporterKey) = await UserWithKey("李娜", "officer", world.Team);
        var (rivalId, rivalKey) = await UserWithKey("陈静", "officer", rivals);
        var (_, managerKey) = await UserWithKey("周强", "manager");
        using var reporter = Factory.ClientWithKey(reporterKey);
        using var rival = Factory.ClientWithKey(rivalKey);
        using var manager = Factory.ClientWithKey(managerKey);
        var spelling = await Company("杭州康源生物科技股份有限公司");
        var ningbo = await Company("宁波舜宇光电有限公司");
        const string Evidence = "11月23日向市投资促进局报送项目信息表（编号 2026-117），11月30日与董事长首次洽谈";

        var created = await Send(reporter, HttpMethod.Post, "/api/v1/claims", new
        {
            companyId = world.Company, parkId = world.Park, firstReportedOn = Day(Start.AddDays(-10)), firstTalkOn = Day(Start.AddDays(-3)),
            evidence = Evidence, intendedInvestment = 1_200_000_000m, sectorId = world.Drugs,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var claim = await Json(created);
        var id = Id(claim);
        Assert.Equal($"/api/v1/claims/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", created.Headers.ETag!.Tag);
        Assert.Equal("held", claim["state"]!.GetValue<string>());
        Assert.Equal(Day(Start.AddDays(90)), claim["expiresOn"]!.GetValue<string>());
        Assert.Equal(Evidence, claim["evidence"]!.GetValue<string>());
        Assert.Equal(1_200_000_000m, Money(claim["intendedInvestment"]));
        Assert.Equal(["registered"], Kinds(claim));

        // Refused, changing nothing: no basis, two holders, another unit (by the same company under another spelling too), the same unit again.
        var before = await Snapshot();
        object Body(long company, long? park = null, long? team = null, string? evidence = Evidence, string? reported = "2026-11-30") =>
            new { companyId = company, parkId = park, teamId = team, firstReportedOn = reported, evidence, intendedInvestment = 2_000_000_000m };
        await AssertProblem(await Send(rival, HttpMethod.Post, "/api/v1/claims", Body(ningbo, zhongshan, evidence: null)), HttpStatusCode.BadRequest, "evidence", "claim.basis");
        await AssertProblem(await Send(rival, HttpMethod.Post, "/api/v1/claims", Body(spelling, zhongshan, reported: null)), HttpStatusCode.BadRequest, "firstReportedOn", "claim.basis");
        await AssertProblem(await Send(rival, HttpMethod.Post, "/api/v1/claims", Body(spelling, zhongshan, rivals)), HttpStatusCode.BadRequest, "teamId", "claim.holder");
        await AssertProblem(await Send(rival, HttpMethod.Post, "/api/v1/claims", Body(spelling, null, world.Team)), HttpStatusCode.Forbidden);
        foreach (var company in new[] { world.Company, spelling })
        {
            var taken = await AssertProblem(await Send(rival, HttpMethod.Post, "/api/v1/claims", Body(company, zhongshan)), HttpStatusCode.Conflict, code: "claim.heldByOther");
            Assert.Contains("杭州医药港", taken["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.DoesNotContain("2026-117", taken.ToJsonString(), StringComparison.Ordinal);
        }

        await AssertProblem(await Send(reporter, HttpMethod.Post, "/api/v1/claims", Body(world.Company, world.Park)), HttpStatusCode.Conflict, code: "claim.alreadyHeld");

        // Another unit's deal for the company is refused (an officer may not override), the holder's is not.
        object DealIn(long park, long? team, string? claimOverride = null) =>
            new { name = "康源中试基地", companyId = world.Company, parkId = park, sectorId = world.Drugs, ownerId = rivalId, teamId = team, intendedInvestment = 1_200_000_000m, claimOverride };
        await AssertProblem(await Send(rival, HttpMethod.Post, "/api/v1/deals", DealIn(zhongshan, rivals)), HttpStatusCode.Conflict, code: "claim.heldByOther");
        await AssertProblem(await Send(rival, HttpMethod.Post, "/api/v1/deals", DealIn(zhongshan, rivals, "我们先谈的")), HttpStatusCode.Forbidden);
        Assert.Equal(before, await Snapshot());
        var own = Id(await Deal(world, new { ownerId = world.Officer }, "康源一期"));

        // A manager lets another unit's deal through, with a reason kept in the claim's history.
        var overriding = await Send(manager, HttpMethod.Post, "/api/v1/deals", DealIn(zhongshan, rivals, "市领导协调：两地分设研发与生产"));
        Assert.Equal(HttpStatusCode.Created, overriding.StatusCode);
        var overridden = Id(await Json(overriding));
        var afterOverride = await GetOk($"/api/v1/claims/{id}");
        Assert.Equal(["registered", "overridden"], Kinds(afterOverride));
        Assert.Equal(overridden, afterOverride["history"]![1]!["dealId"]!.GetValue<long>());
        Assert.Equal("市领导协调：两地分设研发与生产", afterOverride["history"]![1]!["reason"]!.GetValue<string>());

        // Moving the holder's deal into another unit crosses the claim too.
        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/deals/{own}", new { parkId = zhongshan }, "application/merge-patch+json"), HttpStatusCode.Conflict, code: "claim.heldByOther");

        // The evidence is for managers, the reporter and the holding team; keeping the claim too.
        Assert.Null((await Json(await rival.GetAsync($"/api/v1/claims/{id}")))["evidence"]);
        Assert.Equal(Evidence, (await Json(await reporter.GetAsync($"/api/v1/claims/{id}")))["evidence"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(rival, HttpMethod.Post, $"/api/v1/claims/{id}/renew")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(reporter, HttpMethod.Post, $"/api/v1/claims/{id}/transfer", new { teamId = rivals, reason = "调剂" })).StatusCode);

        // 统筹流转: the manager moves the claim to the rival team, which now holds it for its deals, and releases it later.
        await AssertProblem(await Send(manager, HttpMethod.Post, $"/api/v1/claims/{id}/transfer", new { teamId = rivals }), HttpStatusCode.BadRequest, "reason");
        await AssertProblem(await Send(manager, HttpMethod.Post, $"/api/v1/claims/{id}/transfer", new { parkId = world.Park, reason = "原地" }), HttpStatusCode.BadRequest, "parkId", "claim.sameHolder");
        _time.Advance(TimeSpan.FromDays(5));
        var transferred = await PostOk($"/api/v1/claims/{id}/transfer", new { teamId = rivals, reason = "用地需求更适合中山，经局务会统筹" }, HttpStatusCode.OK);
        Assert.Equal(rivals, transferred["teamId"]!.GetValue<long>());
        Assert.Null(transferred["parkId"]);
        Assert.Equal(Day(Start.AddDays(95)), transferred["expiresOn"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await Send(rival, HttpMethod.Post, "/api/v1/deals", DealIn(zhongshan, rivals))).StatusCode);
        await AssertProblem(await Send(reporter, HttpMethod.Post, "/api/v1/claims", Body(world.Company, world.Park)), HttpStatusCode.Conflict, code: "claim.heldByOther");
        Assert.Equal(Evidence, (await Json(await rival.GetAsync($"/api/v1/claims/{id}")))["evidence"]!.GetValue<string>()); // the holding team's now

        var renewed = await Json(await Send(rival, HttpMethod.Post, $"/api/v1/claims/{id}/renew"));
        Assert.Equal(["registered", "overridden", "transferred", "renewed"], Kinds(renewed));
        await AssertProblem(await Send(rival, HttpMethod.Post, $"/api/v1/claims/{id}/release", new { }), HttpStatusCode.BadRequest, "reason");
        await AssertProblem(await Send(rival, HttpMethod.Post, $"/api/v1/claims/{id}/release", new { reason = "企业转投外省" }, headers: new Dictionary<string, string> { ["If-Match"] = "\"1\"" }), HttpStatusCode.PreconditionFailed);
        var released = await Json(await Send(rival, HttpMethod.Post, $"/api/v1/claims/{id}/release", new { reason = "企业转投外省" }));
        Assert.Equal("released", released["state"]!.GetValue<string>());
        await AssertProblem(await Send(rival, HttpMethod.Post, $"/api/v1/claims/{id}/renew"), HttpStatusCode.Conflict, code: "claim.notHeld");
        Assert.Equal(HttpStatusCode.Created, (await Send(reporter, HttpMethod.Post, "/api/v1/claims", Body(world.Company, world.Park))).StatusCode);

        Assert.Equal([id], (await GetOk("/api/v1/claims?state=released"))["items"]!.AsArray().Select(c => Id(c!)).ToArray());
        Assert.Single((await GetOk($"/api/v1/claims?companyId={world.Company}&state=held"))["items"]!.AsArray());
        await AssertProblem(await Client.GetAsync("/api/v1/claims?state=lost"), HttpStatusCode.BadRequest, "state");

        // Each write of the claim is in the change feed, in order.
        var feed = (await GetOk("/api/v1/changes?after=0&limit=500"))["items"]!.AsArray()
            .Where(c => c!["entity"]!.GetValue<string>() == "claim" && c["id"]!.GetValue<string>() == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(c => c!["kind"]!.GetValue<string>());
        Assert.Equal(["created", "overridden", "transferred", "renewed", "released"], feed);
    }

    [DbFact]
    public async Task A_claim_expires_after_the_offices_days_unless_renewed_and_then_no_longer_holds()
    {
        var world = await CreateWorld();
        var zhongshan = await Park("中山健康科技产业基地", "中山");
        var claim = await PostOk("/api/v1/claims", new { companyId = world.Company, parkId = world.Park, firstReportedOn = Day(Start), evidence = "首报", sectorId = world.Drugs });
        Assert.Equal(Day(Start.AddDays(90)), claim["expiresOn"]!.GetValue<string>());

        _time.Advance(TimeSpan.FromDays(90));
        await AssertProblem(await Post("/api/v1/deals", new { name = "x", companyId = world.Company, parkId = zhongshan, sectorId = world.Drugs, ownerId = world.Officer, intendedInvestment = 1 }), HttpStatusCode.Conflict, code: "claim.heldByOther");
        _time.Advance(TimeSpan.FromDays(1));
        Assert.Equal("expired", (await GetOk($"/api/v1/claims/{Id(claim)}"))["state"]!.GetValue<string>());
        await AssertProblem(await Send(HttpMethod.Post, $"/api/v1/claims/{Id(claim)}/renew"), HttpStatusCode.Conflict, code: "claim.notHeld");
        Assert.Equal(HttpStatusCode.Created, (await Post("/api/v1/deals", new { name = "x", companyId = world.Company, parkId = zhongshan, sectorId = world.Drugs, ownerId = world.Officer, intendedInvestment = 1 })).StatusCode);
        Assert.Equal([Id(claim)], (await GetOk("/api/v1/claims?state=expired"))["items"]!.AsArray().Select(c => Id(c!)).ToArray());
    }

    [DbFact]
    public async Task A_project_may_be_claimed_when_it_reaches_a_threshold_with_foreign_funds_converted_to_USD()
    {
        var world = await CreateWorld();
        Assert.Equal(1, world.Biomed); // the sector the settings list
        await SetRate("USD", 7.1m, Day(Start.AddDays(-10)));
        var energy = await Sector("新能源");
        var n = 0;

        async Task<HttpResponseMessage> Claim(decimal? amount, string currency, bool foreignFunded, long? sector = null) =>
            await Post("/api/v1/claims", new
            {
                companyId = await Company($"企业{++n}"), parkId = world.Park, firstReportedOn = Day(Start), evidence = "首报",
                intendedInvestment = amount, currency, foreignFunded, sectorId = sector ?? energy,
            });

        // Computed by hand: 10亿 CNY; 1,000万 USD of foreign funds = 71,000,000 CNY at 7.1; a USD amount not foreign-funded counts in CNY only.
        var cases = new (decimal? Amount, string Currency, bool Foreign, long? Sector, bool Qualifies)[]
        {
            (1_000_000_000.00m, "CNY", false, null, true),
            (999_999_999.99m, "CNY", false, null, false),
            (10_000_000.00m, "USD", true, null, true),
            (9_999_999.99m, "USD", true, null, false),
            (10_000_000.00m, "USD", false, null, false),
            (71_000_000.00m, "CNY", true, null, true),
            (70_999_999.99m, "CNY", true, null, false),
            (140_845_070.43m, "USD", false, null, true), // 140,845,070.43 × 7.1 = 1,000,000,000.05 CNY
            (null, "CNY", false, world.Drugs, true), // under 生物医药, on the list
            (null, "CNY", false, null, false),
        };
        foreach (var (amount, currency, foreign, sector, qualifies) in cases)
        {
            var answer = await Claim(amount, currency, foreign, sector);
            if (qualifies)
            {
                Assert.True(answer.StatusCode == HttpStatusCode.Created, $"{amount} {currency} foreign={foreign}: {await answer.Content.ReadAsStringAsync()}");
            }
            else
            {
                await AssertProblem(answer, HttpStatusCode.BadRequest, "intendedInvestment", "claim.belowThreshold");
            }
        }

        await AssertProblem(await Claim(20_000_000m, "EUR", true), HttpStatusCode.BadRequest, "currency");
    }

    [DbFact]
    public async Task A_merge_moves_the_merged_companys_claims_and_never_joins_two_units_claims()
    {
        var world = await CreateWorld();
        var zhongshan = await Park("中山健康科技产业基地", "中山");
        var english = await Company("Kangyuan Biotech Co., Ltd.");
        await PostOk("/api/v1/claims", new { companyId = world.Company, parkId = world.Park, firstReportedOn = Day(Start), evidence = "首报", sectorId = world.Drugs });
        var second = Id(await PostOk("/api/v1/claims", new { companyId = english, parkId = zhongshan, firstReportedOn = Day(Start), evidence = "首报", sectorId = world.Drugs }));

        var before = await Snapshot();
        await AssertProblem(await Post($"/api/v1/companies/{english}/merge", new { survivorId = world.Company, dryRun = true }), HttpStatusCode.Conflict, code: "company.mergeJoinsClaims");
        await AssertProblem(await Post($"/api/v1/companies/{english}/merge", new { survivorId = world.Company, reason = "中英文名重复录入" }), HttpStatusCode.Conflict, code: "company.mergeJoinsClaims");
        Assert.Equal(before, await Snapshot());

        await PostOk($"/api/v1/claims/{second}/release", new { reason = "同一企业，杭州已首报" }, HttpStatusCode.OK);
        var merge = await PostOk($"/api/v1/companies/{english}/merge", new { survivorId = world.Company, reason = "中英文名重复录入" }, HttpStatusCode.OK);
        Assert.Equal([second], merge["claimIds"]!.AsArray().Select(c => c!.GetValue<long>()).ToArray());
        var moved = await GetOk($"/api/v1/claims/{second}");
        Assert.Equal(world.Company, moved["companyId"]!.GetValue<long>());
        Assert.Equal("released", moved["state"]!.GetValue<string>());
    }

    private static string[] Kinds(JsonNode claim) => [.. claim["history"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>())];
}

public sealed class SqliteClaimTests : ClaimTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerClaimTests : ClaimTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresClaimTests : ClaimTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
