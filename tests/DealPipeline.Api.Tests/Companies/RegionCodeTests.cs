using DealPipeline.Domain;

namespace DealPipeline.Api.Tests;

/// <summary>
/// Companies and parks carry a GB/T 2260 region code checked against the table the project ships;
/// a credit code's registration authority must lie in a province of that table; sectors may carry a
/// GB/T 4754 industry code; the pipeline groups by where the companies come from.
/// </summary>
public abstract class RegionCodeTests : ApiTest
{
    [DbFact]
    public async Task Region_codes_are_checked_against_the_shipped_table_and_can_be_corrected()
    {
        var company = await PostOk("/api/v1/companies", new { name = "杭州西湖生物医药有限公司", country = "CN", city = "杭州", regionCode = "330106" });
        Assert.Equal("330106", company["regionCode"]!.GetValue<string>());
        Assert.Equal("330106", (await GetOk($"/api/v1/companies/{Id(company)}"))["regionCode"]!.GetValue<string>());
        var park = await PostOk("/api/v1/parks", new { name = "中山火炬开发区", city = "中山", regionCode = "442000" });
        Assert.Equal("442000", (await GetOk("/api/v1/parks"))["items"]!.AsArray().Single(p => Id(p!) == Id(park))!["regionCode"]!.GetValue<string>());

        var before = await Snapshot();
        foreach (var wrong in new[] { "330199", "33010", "3301060", "ABCDEF", "000000" })
        {
            var refused = await Post("/api/v1/companies", new { name = "某公司" + wrong, country = "CN", regionCode = wrong });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotNull(JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]!["regionCode"]);
            Assert.Equal(HttpStatusCode.BadRequest, (await Post("/api/v1/parks", new { name = "某园区" + wrong, city = "某地", regionCode = wrong })).StatusCode);
        }

        Assert.Equal(before, await Snapshot());
        var sector = await PostOk("/api/v1/sectors", new { name = "生物药品制品制造", industryCode = "C276" });
        Assert.Equal("C276", (await GetOk($"/api/v1/sectors/{Id(sector)}"))["industryCode"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Patch, $"/api/v1/sectors/{Id(sector)}", new { industryCode = "C2761" }, "application/merge-patch+json")).StatusCode);
        Assert.Equal("C2761", (await GetOk($"/api/v1/sectors/{Id(sector)}"))["industryCode"]!.GetValue<string>());
        before = await Snapshot();
        foreach (var wrong in new[] { "C27610", "Z27", "27", "c276", "C2" })
        {
            var refused = await Post("/api/v1/sectors", new { name = "行业" + wrong, industryCode = wrong });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotNull(JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]!["industryCode"]);
        }

        // A well-formed credit code whose registration authority (characters 3 and 4) is no province: 99.
        var stateless = "9199" + "0100MA2XXXXX1";
        stateless = stateless[..17] + CreditCode.ComputeCheckCharacter(stateless[..17]);
        Assert.True(CreditCode.IsValid(stateless));
        var foreign = await Post("/api/v1/companies", new { name = "无省份登记机关公司", country = "CN", creditCode = stateless });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.NotNull(JsonNode.Parse(await foreign.Content.ReadAsStringAsync())!["errors"]!["creditCode"]);
        Assert.Equal(before, await Snapshot());

        // A development zone's authority (110302) is below the city level GB/T 2260 lists: its province is enough.
        var etown = "9111" + "0302MA0XXXXX1";
        etown = etown[..17] + CreditCode.ComputeCheckCharacter(etown[..17]);
        await PostOk("/api/v1/companies", new { name = "亦庄医疗器械有限公司", country = "CN", creditCode = etown });

        var moved = await Send(HttpMethod.Patch, $"/api/v1/companies/{Id(company)}", new { regionCode = "442000" }, "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("442000", (await GetOk($"/api/v1/companies/{Id(company)}"))["regionCode"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await Send(HttpMethod.Patch, $"/api/v1/companies/{Id(company)}", new { regionCode = "442001" }, "application/merge-patch+json")).StatusCode);
        var cleared = await Send(HttpMethod.Patch, $"/api/v1/companies/{Id(company)}", JsonNode.Parse("""{"regionCode":null}""")!, "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Null((await GetOk($"/api/v1/companies/{Id(company)}"))["regionCode"]);
    }

    [DbFact]
    public async Task The_pipeline_groups_by_the_province_and_city_the_companies_come_from_today_and_as_of_a_past_day()
    {
        var w = await CreateWorld();
        var westLake = Id(await PostOk("/api/v1/companies", new { name = "杭州西湖生物医药有限公司", country = "CN", regionCode = "330106" }));
        var ningbo = Id(await PostOk("/api/v1/companies", new { name = "宁波甬江医疗器械有限公司", country = "CN", regionCode = "330200" }));
        var zhongshan = Id(await PostOk("/api/v1/companies", new { name = "中山健康科技有限公司", country = "CN", regionCode = "442000" }));
        var deals = new (long Company, decimal Amount, string Stage)[]
        {
            (westLake, 300_000_000m, "negotiation"), (westLake, 120_000_000.50m, "contact"), (ningbo, 80_000_000m, "negotiation"),
            (zhongshan, 500_000_000m, "letters"), (w.Company, 45_000_000m, "contact"),
        };
        foreach (var (company, amount, stage) in deals)
        {
            await Deal(w, new { companyId = company, stage, openedOn = DaysAgo(5) }, "项目" + amount.ToString(System.Globalization.CultureInfo.InvariantCulture), amount);
        }

        var province = new Dictionary<long, string?> { [westLake] = "330000", [ningbo] = "330000", [zhongshan] = "440000", [w.Company] = null };
        var city = new Dictionary<long, string?> { [westLake] = "330100", [ningbo] = "330200", [zhongshan] = "442000", [w.Company] = null };
        foreach (var asOf in new[] { Today, DaysAgo(1) })
        {
            foreach (var (groupBy, keyOf) in new[] { ("province", province), ("city", city) })
            {
                var report = await GetOk($"/api/v1/reports/pipeline?groupBy={groupBy}&asOf={asOf}");
                var expected = deals.GroupBy(d => keyOf[d.Company]).Select(g => (g.Key, g.LongCount(), g.Sum(d => d.Amount))).OrderByDescending(r => r.Item3).ToList();
                Assert.Equal(expected, report["rows"]!.AsArray().Select(r => (r!["key"]?.GetValue<string>(), r["count"]!.GetValue<long>(), Money(r["intendedInvestment"]))).ToList());
                Assert.Equal(deals.Sum(d => d.Amount), Money(report["total"]!["intendedInvestment"]));
            }
        }

        var labels = (await GetOk("/api/v1/reports/pipeline?groupBy=city")).AsObject()["rows"]!.AsArray().ToDictionary(r => r!["key"]?.GetValue<string>() ?? "", r => r!["label"]!.GetValue<string>());
        Assert.Equal(("杭州市", "宁波市", "中山市"), (labels["330100"], labels["330200"], labels["442000"]));
        var byStage = await GetOk("/api/v1/reports/pipeline?groupBy=province,stage");
        Assert.Equal(
            [("330000", "contact", 1L), ("330000", "negotiation", 2L), ("440000", "letters", 1L), (null, "contact", 1L)],
            byStage["rows"]!.AsArray().Select(r => (r!["key"]?.GetValue<string>(), r["stage"]!.GetValue<string>(), r["count"]!.GetValue<long>())).ToList());
    }
}

public sealed class SqliteRegionCodeTests : RegionCodeTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public void The_table_holds_every_province_city_and_county_once_with_its_parent()
    {
        Assert.InRange(Regions.Count, 3300, 3400);
        Assert.Equal(("西湖区", "330100", "330000"), (Regions.NameOf("330106"), Regions.CityOf("330106"), Regions.ProvinceOf("330106")));
        Assert.Equal(("北京市", "110000"), (Regions.NameOf("110000"), Regions.CityOf("110000")));
        Assert.Equal("中山市", Regions.NameOf("442000"));
        Assert.False(Regions.Contains("330199"));
        Assert.False(Regions.Contains(null));
        Assert.True(Regions.IsCreditCodeAuthority("91100000100000000X"));
        Assert.False(Regions.IsCreditCodeAuthority("91990000100000000X"));
    }
}

public sealed class SqlServerRegionCodeTests : RegionCodeTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresRegionCodeTests : RegionCodeTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
