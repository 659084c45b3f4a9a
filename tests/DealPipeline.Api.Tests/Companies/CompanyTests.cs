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

    [DbFact]
    public async Task A_company_entered_twice_merges_into_the_one_that_stays_with_a_dry_run_first_and_its_id_then_points_at_the_survivor()
    {
        var world = await CreateWorld();
        var survivor = world.Company;
        const string Code = "91350100M000100Y43";
        var twice = await Company("杭州康源生物科技（有限公司）", Code);
        var first = Id(await Deal(world, new { companyId = twice }, "康源中试基地"));
        var second = Id(await Deal(world, new { companyId = twice }, "康源二期"));
        var referred = Id(await Deal(world, new { companyId = await Company("宁波舜宇光电有限公司"), source = "referral", referrerCompanyId = twice }, "康源引荐项目"));
        var untouched = Id(await Deal(world, null, "另一个项目"));
        var deleted = Id(await Deal(world, new { companyId = twice }, "录错的项目"));
        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Delete, $"/api/v1/deals/{deleted}")).StatusCode);
        await Activity(first, "visit", Today);
        await Activity(first, "call", Today);
        await Letter("intent", Today, second);
        var chain = Id(await PostOk("/api/v1/chains", new { name = "生物医药", leaderCompanyIds = new[] { twice, survivor } }));
        var otherChain = Id(await PostOk("/api/v1/chains", new { name = "医疗器械", leaderCompanyIds = new[] { twice } }));
        var link = Id(await PostOk($"/api/v1/chains/{chain}/links", new { name = "CDMO", position = "midstream" }));
        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Put, $"/api/v1/chains/{chain}/links/{link}/companies/{twice}")).StatusCode);
        var versionOfFirst = (await Client.GetAsync($"/api/v1/deals/{first}")).Headers.ETag!.Tag;

        var officer = Factory.ClientWithKey((await UserWithKey("赵敏")).Key);

        // Refused without a change: no survivor, itself, a company that does not exist, no reason, no such company to merge.
        var before = await Snapshot();
        await AssertProblem(await Post($"/api/v1/companies/{twice}/merge", new { reason = "重复" }), HttpStatusCode.BadRequest, "survivorId");
        await AssertProblem(await Post($"/api/v1/companies/{twice}/merge", new { survivorId = twice, reason = "重复" }), HttpStatusCode.BadRequest, "survivorId");
        await AssertProblem(await Post($"/api/v1/companies/{twice}/merge", new { survivorId = 999_999, reason = "重复" }), HttpStatusCode.BadRequest, "survivorId");
        await AssertProblem(await Post($"/api/v1/companies/{twice}/merge", new { survivorId = survivor }), HttpStatusCode.BadRequest, "reason");
        await AssertProblem(await Post("/api/v1/companies/999999/merge", new { survivorId = survivor, reason = "重复" }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(officer, HttpMethod.Post, $"/api/v1/companies/{twice}/merge", new { survivorId = survivor, reason = "重复" })).StatusCode);

        // The dry run says what would move and writes nothing.
        var plan = await PostOk($"/api/v1/companies/{twice}/merge", new { survivorId = survivor, dryRun = true }, HttpStatusCode.OK);
        Assert.Equal(before, await Snapshot());
        Assert.True(plan["dryRun"]!.GetValue<bool>());
        Assert.Equal(twice, plan["mergedId"]!.GetValue<long>());
        Assert.Equal(survivor, plan["survivorId"]!.GetValue<long>());
        Assert.Equal([first, second], Ids(plan["dealIds"]));
        Assert.Equal([referred], Ids(plan["referredDealIds"]));
        Assert.Equal(2, plan["activities"]!.GetValue<long>());
        Assert.Equal(1, plan["letters"]!.GetValue<long>());
        Assert.Equal([chain, otherChain], Ids(plan["ledChainIds"]));
        Assert.Equal([link], Ids(plan["chainLinkIds"]));
        Assert.Equal(Code, plan["creditCode"]!.GetValue<string>());

        var hook = Id(await PostOk("/api/v1/webhooks", new { url = "https://93.184.215.14/merged", events = DealUpdated }));
        var feedBefore = (await GetOk("/api/v1/changes?after=0&limit=500"))["lastSequence"]!.GetValue<long>();
        var merge = await PostOk($"/api/v1/companies/{twice}/merge", new { survivorId = survivor, reason = "同一企业录入两次" }, HttpStatusCode.OK);
        Assert.False(merge["dryRun"]!.GetValue<bool>());
        Assert.Equal(plan.Where(m => m.Key != "dryRun").Select(m => m.Value!.ToJsonString()), merge.Where(m => m.Key != "dryRun").Select(m => m.Value!.ToJsonString()));

        // The deals, what goes with them and the chains are the survivor's; the deleted deal stays where it was.
        foreach (var deal in new[] { first, second })
        {
            Assert.Equal(survivor, (await GetOk($"/api/v1/deals/{deal}"))["companyId"]!.GetValue<long>());
        }

        Assert.Equal(survivor, (await GetOk($"/api/v1/deals/{referred}"))["referrerCompanyId"]!.GetValue<long>());
        Assert.NotEqual(versionOfFirst, (await Client.GetAsync($"/api/v1/deals/{first}")).Headers.ETag!.Tag);
        Assert.Equal(2, (await GetOk($"/api/v1/deals/{first}/activities"))["items"]!.AsArray().Count);
        Assert.Single((await GetOk($"/api/v1/letters?dealId={second}"))["items"]!.AsArray());
        Assert.Equal([survivor], Ids((await GetOk($"/api/v1/chains/{chain}"))["leaderCompanyIds"]));
        Assert.Equal([survivor], Ids((await GetOk($"/api/v1/chains/{otherChain}"))["leaderCompanyIds"]));
        Assert.Equal([survivor], Ids((await GetOk($"/api/v1/chains/{chain}/links/{link}"))["companyIds"]));
        Assert.Equal(Code, (await GetOk($"/api/v1/companies/{survivor}"))["creditCode"]!.GetValue<string>());

        // Each moved deal, chain and link, and the survivor's credit code, is a change of its own after the merge's.
        var changes = (await GetOk($"/api/v1/changes?after={feedBefore}&limit=500"))["items"]!.AsArray()
            .Select(c => $"{c!["entity"]} {c["id"]} {c["kind"]}").ToList();
        Assert.Equal(
            [$"company {twice} merged", $"deal {first} updated", $"deal {second} updated", $"deal {referred} updated", $"chain {chain} updated", $"chain {otherChain} updated", $"chainLink {link} updated", $"company {survivor} updated"],
            changes);
        Assert.Equal(["deal.updated", "deal.updated", "deal.updated"], (await GetOk($"/api/v1/webhooks/{hook}/deliveries"))["items"]!.AsArray().Select(d => d!["type"]!.GetValue<string>()));
        var audited = (await GetOk($"/api/v1/audit?entity=deal&id={first}"))["items"]!.AsArray();
        Assert.Contains(audited, a => a!["action"]!.GetValue<string>() == "MergeCompany" && a["before"]!["companyId"]!.GetValue<long>() == twice && a["after"]!["companyId"]!.GetValue<long>() == survivor);

        // The merged id answers where it went: a read 301 to the survivor (followed, it reads the survivor), a change 410.
        using var plain = Factory.ClientWithKey(ApiFactory.BootstrapAdminKey, followRedirects: false);
        var moved = await plain.GetAsync($"/api/v1/companies/{twice}");
        Assert.Equal($"/api/v1/companies/{survivor}", moved.Headers.Location!.OriginalString);
        var movedProblem = await AssertProblem(moved, HttpStatusCode.MovedPermanently, code: "company.merged");
        Assert.Equal(survivor, movedProblem["survivorId"]!.GetValue<long>());
        Assert.Equal(survivor, Id(await GetOk($"/api/v1/companies/{twice}")));
        var gone = await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/companies/{twice}", new { city = "杭州" }, "application/merge-patch+json"), HttpStatusCode.Gone, code: "company.merged");
        Assert.Equal(survivor, gone["survivorId"]!.GetValue<long>());
        await AssertProblem(await Post($"/api/v1/companies/{twice}/merge", new { survivorId = survivor, reason = "再合并" }), HttpStatusCode.Gone, code: "company.merged");

        // Nothing new may point at it: the survivor is named instead.
        var refused = await AssertProblem(await Post("/api/v1/deals", new { name = "新项目", companyId = twice, parkId = world.Park, sectorId = world.Drugs, ownerId = world.Officer, intendedInvestment = 1 }), HttpStatusCode.BadRequest, "companyId");
        Assert.Contains($"company {survivor}", refused["errors"]!["companyId"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertProblem(await Send(HttpMethod.Put, $"/api/v1/chains/{chain}/links/{link}/companies/{twice}"), HttpStatusCode.Gone);
        await AssertProblem(await Post($"/api/v1/companies/{survivor}/merge", new { survivorId = twice, reason = "反向" }), HttpStatusCode.BadRequest, "survivorId");
        Assert.DoesNotContain(twice, (await GetOk("/api/v1/companies?limit=100"))["items"]!.AsArray().Select(c => Id(c!)));
        Assert.Equal([survivor], (await GetOk("/api/v1/companies/duplicates?name=" + Uri.EscapeDataString("杭州康源生物科技有限公司")))["items"]!.AsArray().Select(c => Id(c!)).ToArray());
        Assert.Equal(world.Company, (await GetOk($"/api/v1/deals/{untouched}"))["companyId"]!.GetValue<long>());

        // A deal of one referred by the other would be referred by its own company: its referrer is corrected first.
        var third = await Company("杭州康源生物");
        var selfReferred = Id(await Deal(world, new { source = "referral", referrerCompanyId = third }, "自荐项目"));
        await AssertProblem(await Post($"/api/v1/companies/{third}/merge", new { survivorId = survivor, dryRun = true }), HttpStatusCode.Conflict, code: "company.mergeMakesSelfReferral");
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Patch, $"/api/v1/deals/{selfReferred}", new { source = "inbound", referrerCompanyId = (long?)null }, "application/merge-patch+json")).StatusCode);
        Assert.Empty(Ids((await PostOk($"/api/v1/companies/{third}/merge", new { survivorId = survivor, dryRun = true }, HttpStatusCode.OK))["referredDealIds"]));

        // Two credit codes are two legal entities, never merged.
        var coded = await Company("另一家康源", "91110000600037341L");
        await AssertProblem(await Post($"/api/v1/companies/{coded}/merge", new { survivorId = survivor, reason = "重复" }), HttpStatusCode.Conflict, code: "company.creditCodesDiffer");
    }

    private static readonly string[] DealUpdated = ["deal.updated"];

    private static long[] Ids(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<long>())];
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
