using System.Net;
using System.Text.Json.Nodes;
using DealPipeline.Api.Tests.Infrastructure;
using DealPipeline.Domain;
using DealPipeline.Infrastructure;

namespace DealPipeline.Api.Tests;

/// <summary>
/// Companies and parks carry a GB/T 2260 region code checked against the table the project ships;
/// a credit code's registration authority must lie in a province of that table.
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
