namespace DealPipeline.Api.Tests;

/// <summary>Companies: a checked credit code and country, and search by part of the name or code.</summary>
public abstract class CompanyTests : ApiTest
{
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
    public async Task Near_duplicate_names_are_found_whatever_their_width_spacing_brackets_and_legal_form()
    {
        var listed = await Company("浙江华海药业股份有限公司");
        var again = await Company("浙江华海药业有限公司");
        var spaced = await Company("浙江 华海药业　有限责任公司");
        var branch = await Company("浙江华海（台州）药业有限公司");
        await Company("浙江华海制药有限公司");
        var wide = await Company("ＺＨＥＪＩＡＮＧ Ａｂｃ Ｃｏ．， Ｌｔｄ．");

        async Task<(string Key, long[] Ids)> Duplicates(string name)
        {
            var answer = await GetOk("/api/v1/companies/duplicates?name=" + Uri.EscapeDataString(name));
            return (answer["key"]!.GetValue<string>(), answer["items"]!.AsArray().Select(c => c!["id"]!.GetValue<long>()).ToArray());
        }

        var (key, ids) = await Duplicates("浙江华海药业有限公司");
        Assert.Equal("浙江华海药业", key);
        Assert.Equal([listed, again, spaced], ids);
        Assert.Equal([branch], (await Duplicates("浙江华海(台州)药业有限公司")).Ids);
        Assert.Equal([wide], (await Duplicates("Zhejiang ABC Limited")).Ids);
        Assert.Empty((await Duplicates("宁波舜宇光电有限公司")).Ids);

        var before = await Snapshot();
        await AssertProblem(await Client.GetAsync("/api/v1/companies/duplicates"), HttpStatusCode.BadRequest, "name");
        await AssertProblem(await Client.GetAsync("/api/v1/companies/duplicates?name=" + Uri.EscapeDataString("（ ）")), HttpStatusCode.BadRequest, "name");
        await AssertProblem(await Client.GetAsync("/api/v1/companies/duplicates?name=x&nam=y"), HttpStatusCode.BadRequest, "nam");
        Assert.Equal(before, await Snapshot());
    }
}

public sealed class SqliteCompanyTests : CompanyTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerCompanyTests : CompanyTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresCompanyTests : CompanyTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
