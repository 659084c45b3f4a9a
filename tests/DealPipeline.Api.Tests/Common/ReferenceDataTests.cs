namespace DealPipeline.Api.Tests;

public abstract class ReferenceDataTests : ApiTest
{
    [DbFact]
    public async Task Parks_are_created_listed_and_unique_by_name()
    {
        var created = await PostOk("/api/v1/parks", new { name = " 济南国际医学中心 ", city = "济南" });
        await Park("杭州医药港", "杭州");

        Assert.Equal("济南国际医学中心", created["name"]!.GetValue<string>());
        var response = await Post("/api/v1/parks", new { name = "济南国际医学中心", city = "济南" });
        await AssertProblem(response, HttpStatusCode.Conflict);
        await AssertProblem(await Post("/api/v1/parks", new { name = "", city = (string?)null }), HttpStatusCode.BadRequest, "name");
        var list = await GetOk("/api/v1/parks");
        Assert.Equal(["济南国际医学中心", "杭州医药港"], list["items"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.Null(list["nextCursor"]);
    }

    /// <summary>Every create answers like the deals': 201, the new resource's path, and its version as the ETag, ready for If-Match.</summary>
    [DbFact]
    public async Task Created_reference_data_carries_its_location_and_its_etag()
    {
        var world = await CreateWorld();
        var creates = new (string Path, object Body)[]
        {
            ("/api/v1/parks", new { name = "青岛蓝谷", city = "青岛" }),
            ("/api/v1/sectors", new { name = "海洋生物" }),
            ("/api/v1/teams", new { name = "海洋招商专班" }),
            ("/api/v1/companies", new { name = "青岛海洋生物科技有限公司", country = "CN" }),
            ("/api/v1/users", new { name = "李娜", role = "officer", teamId = world.Team }),
        };
        foreach (var (path, body) in creates)
        {
            var response = await Post(path, body);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var id = Id(JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
            Assert.Equal($"{path}/{id}", response.Headers.Location!.OriginalString);
            Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
            var renamed = await Send(HttpMethod.Patch, $"{path}/{id}", new { name = "改名" + id }, "application/merge-patch+json", new Dictionary<string, string> { ["If-Match"] = response.Headers.ETag.Tag });
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        }
    }

    [DbFact]
    public async Task Reference_lists_page_with_a_cursor()
    {
        for (var i = 0; i < 5; i++)
        {
            await Team($"专班{i}");
        }

        var first = await GetOk("/api/v1/teams?limit=2");
        var second = await GetOk($"/api/v1/teams?limit=2&cursor={first["nextCursor"]}");
        var third = await GetOk($"/api/v1/teams?limit=2&cursor={second["nextCursor"]}");

        var names = new[] { first, second, third }.SelectMany(p => p["items"]!.AsArray()).Select(t => t!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["专班0", "专班1", "专班2", "专班3", "专班4"], names);
        Assert.Null(third["nextCursor"]);
    }

    [DbFact]
    public async Task Sectors_form_a_tree_with_unique_names_among_siblings()
    {
        var biomed = await Sector("生物医药");
        var devices = await Sector("医疗器械");
        var ivd = await Sector("体外诊断", devices);
        await Sector("体外诊断", biomed);

        await AssertProblem(await Post("/api/v1/sectors", new { name = "体外诊断", parentId = devices }), HttpStatusCode.Conflict);
        await AssertProblem(await Post("/api/v1/sectors", new { name = "医疗器械" }), HttpStatusCode.Conflict);
        await AssertProblem(await Post("/api/v1/sectors", new { name = "x", parentId = 999 }), HttpStatusCode.BadRequest, "parentId");
        var items = (await GetOk("/api/v1/sectors"))["items"]!.AsArray();
        Assert.Equal(4, items.Count);
        var child = items.Single(s => Id(s!) == ivd)!;
        Assert.Equal(devices, child["parentId"]!.GetValue<long>());
        Assert.Null(items.Single(s => Id(s!) == biomed)!["parentId"]);
    }

    [DbFact]
    public async Task Users_have_a_role_and_an_optional_existing_team()
    {
        var team = await Team("数字健康招商专班");

        var user = await PostOk("/api/v1/users", new { name = "李娜", role = "manager", teamId = team });

        Assert.Equal("manager", user["role"]!.GetValue<string>());
        Assert.Equal(team, user["teamId"]!.GetValue<long>());
        await AssertProblem(await Post("/api/v1/users", new { name = "x", role = "boss" }), HttpStatusCode.BadRequest, "role");
        await AssertProblem(await Post("/api/v1/users", new { name = "x", role = "officer", teamId = 404 }), HttpStatusCode.BadRequest, "teamId");
        await AssertProblem(await Post("/api/v1/users", new { name = "x" }), HttpStatusCode.BadRequest, "role");
        var users = (await GetOk("/api/v1/users"))["items"]!.AsArray();
        Assert.Single(users);
    }

    [DbFact]
    public async Task Companies_have_a_checked_credit_code_and_a_country()
    {
        var company = await PostOk("/api/v1/companies", new { name = "福建某某有限公司", creditCode = "91350100m000100y43", country = "cn", city = "福州" });

        Assert.Equal("91350100M000100Y43", company["creditCode"]!.GetValue<string>());
        Assert.Equal("CN", company["country"]!.GetValue<string>());
        await AssertProblem(await Post("/api/v1/companies", new { name = "另一家", creditCode = "91350100M000100Y43", country = "CN" }), HttpStatusCode.Conflict);
        await AssertProblem(await Post("/api/v1/companies", new { name = "x", creditCode = "91350100M000100Y44", country = "CN" }), HttpStatusCode.BadRequest, "creditCode");
        await AssertProblem(await Post("/api/v1/companies", new { name = "x", country = "XX" }), HttpStatusCode.BadRequest, "country");
        await AssertProblem(await Post("/api/v1/companies", new { name = "x" }), HttpStatusCode.BadRequest, "country");
        var foreign = await PostOk("/api/v1/companies", new { name = "Helix Therapeutics", country = "US" });
        Assert.Null(foreign["creditCode"]);
    }

    [DbFact]
    public async Task Companies_are_searched_by_part_of_the_name_or_code_with_wildcards_taken_literally()
    {
        await Company("杭州康源生物科技有限公司", "91350100M000100Y43");
        await Company("上海100%医疗有限公司");
        await Company("深圳迈瑞康医疗器械有限公司");

        async Task<string[]> Search(string q) =>
            (await GetOk("/api/v1/companies?q=" + Uri.EscapeDataString(q)))["items"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToArray();

        Assert.Equal(["杭州康源生物科技有限公司"], await Search("康源"));
        Assert.Equal(["杭州康源生物科技有限公司"], await Search("M000100"));
        Assert.Equal(["上海100%医疗有限公司"], await Search("100%"));
        Assert.Empty(await Search("_"));
        Assert.Equal(2, (await Search("医疗")).Length);
    }

    [DbFact]
    public async Task Fx_rates_are_set_per_currency_and_day_and_listed()
    {
        await SetRate("USD", 7.1004m, "2025-01-01");
        await SetRate("USD", 7.2m, "2025-06-30");
        await SetRate("USD", 7.25m, "2025-06-30");
        await SetRate("JPY", 0.04812m, "2025-01-01");

        var items = (await GetOk("/api/v1/fx-rates"))["items"]!.AsArray();
        Assert.Equal(
            ["JPY 0.04812 2025-01-01", "USD 7.25 2025-06-30", "USD 7.1004 2025-01-01"],
            items.Select(r => $"{r!["currency"]} {r["rate"]!.GetValue<decimal>()} {r["effectiveOn"]}"));
        foreach (var bad in new object[] { new { rate = 0, effectiveOn = "2025-01-01" }, new { rate = 7.123456789, effectiveOn = "2025-01-01" }, new { rate = 7 } })
        {
            await AssertProblem(await Send(HttpMethod.Put, "/api/v1/fx-rates/USD", bad), HttpStatusCode.BadRequest);
        }

        await AssertProblem(await Send(HttpMethod.Put, "/api/v1/fx-rates/CNY", new { rate = 1, effectiveOn = "2025-01-01" }), HttpStatusCode.BadRequest, "currency");
        await AssertProblem(await Send(HttpMethod.Put, "/api/v1/fx-rates/usd", new { rate = 1, effectiveOn = "2025-01-01" }), HttpStatusCode.BadRequest, "currency");
        await AssertProblem(await Send(HttpMethod.Put, "/api/v1/fx-rates/ZZZ", new { rate = 1, effectiveOn = "2025-01-01" }), HttpStatusCode.BadRequest, "currency");
    }
}

public sealed class SqliteReferenceDataTests : ReferenceDataTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerReferenceDataTests : ReferenceDataTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresReferenceDataTests : ReferenceDataTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
