namespace DealPipeline.Api.Tests;

/// <summary>
/// Industry chains (产业链): links that form a tree within their chain, refused with the field named
/// when they would not; companies and deals attached to links; and the chain report, whose every
/// figure is computed here from the deals the test made, for an admin and for an officer who may not
/// see a confidential deal.
/// </summary>
public abstract class ChainTests : ApiTest
{
    private const string MergePatch = "application/merge-patch+json";
    private static readonly long[] Missing = [424242L];
    private static readonly long[] Negative = [-1L];
    private static readonly string[] Forward = ["negotiation", "letters", "signed", "landed"];

    [DbFact]
    public async Task A_chain_and_its_links_are_created_read_and_corrected_and_bad_links_are_refused_naming_the_field()
    {
        var w = await CreateWorld();
        var leader = await Company("药明合成生物技术有限公司");
        var otherPark = await Park("苏州生物医药产业园", "苏州");
        var before = await Snapshot();
        await AssertProblem(await Post("/api/v1/chains", new { description = "无名" }), HttpStatusCode.BadRequest, "name");
        await AssertProblem(await Post("/api/v1/chains", new { name = "生物医药", parkIds = Missing }), HttpStatusCode.BadRequest, "parkIds");
        await AssertProblem(await Post("/api/v1/chains", new { name = "生物医药", leaderCompanyIds = Negative }), HttpStatusCode.BadRequest, "leaderCompanyIds");
        await AssertProblem(await Post("/api/v1/chains", new { name = "生物医药", leaderCompanyIds = Missing }), HttpStatusCode.BadRequest, "leaderCompanyIds");
        Assert.Equal(before, await Snapshot());

        var created = await Post("/api/v1/chains", new { name = " 生物医药 ", description = "合成生物、基因治疗、CDMO", parkIds = new[] { otherPark, w.Park, w.Park }, leaderCompanyIds = new[] { leader } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var chain = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var id = Id(chain);
        Assert.Equal($"/api/v1/chains/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", created.Headers.ETag!.Tag);
        Assert.Equal("生物医药", chain["name"]!.GetValue<string>());
        Assert.Equal(new[] { w.Park, otherPark }.Order(), Ids(chain["parkIds"]));
        Assert.Equal([leader], Ids(chain["leaderCompanyIds"]));
        await AssertProblem(await Post("/api/v1/chains", new { name = "生物医药" }), HttpStatusCode.Conflict);

        var raw = Id(await PostOk($"/api/v1/chains/{id}/links", new { name = "原料药与中间体", position = "upstream" }));
        var cdmo = Id(await PostOk($"/api/v1/chains/{id}/links", new { name = "CDMO", position = "midstream", sectorIds = new[] { w.Biomed } }));
        var gene = await Post($"/api/v1/chains/{id}/links", new { name = "基因治疗 CDMO", position = "midstream", parentId = cdmo, sectorIds = new[] { w.Drugs, w.Biomed } });
        Assert.Equal(HttpStatusCode.Created, gene.StatusCode);
        var geneLink = JsonNode.Parse(await gene.Content.ReadAsStringAsync())!;
        Assert.Equal($"/api/v1/chains/{id}/links/{Id(geneLink)}", gene.Headers.Location!.OriginalString);
        Assert.Equal(cdmo, geneLink["parentId"]!.GetValue<long>());
        Assert.Equal(new[] { w.Biomed, w.Drugs }.Order(), Ids(geneLink["sectorIds"]));
        var services = Id(await PostOk($"/api/v1/chains/{id}/links", new { name = "医疗服务", position = "downstream" }));
        var other = Id(await PostOk("/api/v1/chains", new { name = "新能源汽车" }));
        var otherLink = Id(await PostOk($"/api/v1/chains/{other}/links", new { name = "动力电池", position = "midstream" }));

        // Links of one chain form a tree: every refusal names its field and changes nothing.
        before = await Snapshot();
        await AssertProblem(await Post($"/api/v1/chains/{id}/links", new { name = "检测" }), HttpStatusCode.BadRequest, "position");
        await AssertProblem(await Post($"/api/v1/chains/{id}/links", new { name = "检测", position = "sideways" }), HttpStatusCode.BadRequest, "position");
        await AssertProblem(await Post($"/api/v1/chains/{id}/links", new { position = "upstream" }), HttpStatusCode.BadRequest, "name");
        await AssertProblem(await Post($"/api/v1/chains/{id}/links", new { name = "检测", position = "downstream", parentId = otherLink }), HttpStatusCode.BadRequest, "parentId", "chain.parentElsewhere");
        await AssertProblem(await Post($"/api/v1/chains/{id}/links", new { name = "检测", position = "downstream", sectorIds = Missing }), HttpStatusCode.BadRequest, "sectorIds");
        await AssertProblem(await Post($"/api/v1/chains/{id}/links", new { name = "CDMO", position = "midstream" }), HttpStatusCode.Conflict);
        await AssertProblem(await Post("/api/v1/chains/424242/links", new { name = "检测", position = "midstream" }), HttpStatusCode.NotFound);
        await AssertProblem(await Patch($"/api/v1/chains/{id}/links/{cdmo}", new { parentId = cdmo }), HttpStatusCode.BadRequest, "parentId", "chain.ownParent");
        await AssertProblem(await Patch($"/api/v1/chains/{id}/links/{cdmo}", new { parentId = Id(geneLink) }), HttpStatusCode.BadRequest, "parentId", "chain.cycle");
        await AssertProblem(await Patch($"/api/v1/chains/{id}/links/{cdmo}", new { position = (string?)null }), HttpStatusCode.BadRequest, "position");
        await AssertProblem(await Patch($"/api/v1/chains/{id}/links/{cdmo}", new { name = "医疗服务" }), HttpStatusCode.Conflict);
        await AssertProblem(await Patch($"/api/v1/chains/{id}/links/{cdmo}", new { name = "合同研发生产" }, "\"7\""), HttpStatusCode.PreconditionFailed);
        await AssertProblem(await Send(HttpMethod.Get, $"/api/v1/chains/{other}/links/{cdmo}"), HttpStatusCode.NotFound);
        await AssertProblem(await Send(HttpMethod.Delete, $"/api/v1/chains/{id}/links/{cdmo}"), HttpStatusCode.Conflict);
        await AssertProblem(await Patch($"/api/v1/chains/{id}", new { links = Array.Empty<object>() }), HttpStatusCode.BadRequest, "links");
        Assert.Equal(before, await Snapshot());

        // Four levels at most: a fifth is refused; a leaf may still hang at the fourth.
        var l3 = Id(await PostOk($"/api/v1/chains/{id}/links", new { name = "AAV 载体", position = "midstream", parentId = Id(geneLink) }));
        var l4 = Id(await PostOk($"/api/v1/chains/{id}/links", new { name = "质粒", position = "midstream", parentId = l3 }));
        await AssertProblem(await Post($"/api/v1/chains/{id}/links", new { name = "菌种", position = "midstream", parentId = l4 }), HttpStatusCode.BadRequest, "parentId", "chain.tooDeep");
        Assert.Equal(HttpStatusCode.OK, (await Patch($"/api/v1/chains/{id}/links/{raw}", new { parentId = l3 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Delete, $"/api/v1/chains/{id}/links/{l4}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Patch($"/api/v1/chains/{id}/links/{raw}", new { parentId = (long?)null }, "\"2\"")).StatusCode);

        // A correction: moved to the top and downstream, If-Match the link's version; the chain lists links upstream first, each followed by its sub-links.
        var tree = await GetOk($"/api/v1/chains/{id}");
        Assert.Equal([raw, cdmo, Id(geneLink), l3, services], tree["links"]!.AsArray().Select(l => Id(l!)));
        var moved = await Patch($"/api/v1/chains/{id}/links/{Id(geneLink)}", new { parentId = (long?)null, position = "downstream" }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("\"2\"", moved.Headers.ETag!.Tag);
        tree = await GetOk($"/api/v1/chains/{id}");
        Assert.Equal([raw, cdmo, Id(geneLink), l3, services], tree["links"]!.AsArray().Select(l => Id(l!)));
        Assert.Equal(["upstream", "midstream", "downstream", "midstream", "downstream"], tree["links"]!.AsArray().Select(l => l!["position"]!.GetValue<string>()));

        // The chain's own fields by merge patch: arrays replaced whole.
        var renamed = await Patch($"/api/v1/chains/{id}", new { name = "生物医药与大健康", parkIds = new[] { w.Park }, leaderCompanyIds = Array.Empty<long>() }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var chainNow = await GetOk($"/api/v1/chains/{id}");
        Assert.Equal(("生物医药与大健康", 0, "合成生物、基因治疗、CDMO"), (chainNow["name"]!.GetValue<string>(), chainNow["leaderCompanyIds"]!.AsArray().Count, chainNow["description"]!.GetValue<string>()));
        Assert.Equal([w.Park], Ids(chainNow["parkIds"]));
        await AssertProblem(await Patch($"/api/v1/chains/{id}", new { name = "新能源汽车" }), HttpStatusCode.Conflict);

        var runByOtherPark = await GetOk($"/api/v1/chains?parkId={otherPark}");
        Assert.Equal([], runByOtherPark["items"]!.AsArray().Select(c => Id(c!)));
        var all = await GetOk("/api/v1/chains?limit=1");
        Assert.Equal([id], all["items"]!.AsArray().Select(c => Id(c!)));
        var next = await GetOk($"/api/v1/chains?limit=1&cursor={all["nextCursor"]}");
        Assert.Equal([other], next["items"]!.AsArray().Select(c => Id(c!)));

        // Every write is audited and in the change feed.
        var changes = (await GetOk("/api/v1/changes?after=0&limit=500"))["items"]!.AsArray();
        Assert.Equal(3, changes.Count(c => c!["entity"]!.GetValue<string>() == "chain"));
        Assert.Equal(11, changes.Count(c => c!["entity"]!.GetValue<string>() == "chainLink"));
    }

    [DbFact]
    public async Task Attachments_need_a_deal_the_caller_may_change_and_are_idempotent()
    {
        var w = await CreateWorld();
        var (_, officerKey) = await UserWithKey("李娜", "officer", w.Team);
        using var officer = Factory.ClientWithKey(officerKey);
        var outsider = await User("陈刚", "officer", await Team("深圳招商工作组"));
        var chain = Id(await PostOk("/api/v1/chains", new { name = "生物医药" }));
        var link = Id(await PostOk($"/api/v1/chains/{chain}/links", new { name = "CDMO", position = "midstream" }));
        var mine = Id(await Deal(w));
        var elsewhere = await Company("深圳湾生物有限公司");
        var theirs = Id(await Deal(w, new { companyId = elsewhere, ownerId = outsider }, "他组项目"));
        var secret = Id(await Deal(w, new { companyId = elsewhere, ownerId = outsider, confidential = true, codeName = "Project Falcon" }, "保密项目"));

        var before = await Snapshot();
        await AssertProblem(await Send(officer, HttpMethod.Put, $"/api/v1/chains/{chain}/links/{link}/deals/{theirs}"), HttpStatusCode.Forbidden);
        await AssertProblem(await Send(officer, HttpMethod.Put, $"/api/v1/chains/{chain}/links/{link}/deals/{secret}"), HttpStatusCode.NotFound);
        await AssertProblem(await Send(officer, HttpMethod.Put, $"/api/v1/chains/{chain}/links/424242/deals/{mine}"), HttpStatusCode.NotFound);
        await AssertProblem(await Send(officer, HttpMethod.Put, $"/api/v1/chains/{chain}/links/{link}/companies/424242"), HttpStatusCode.NotFound);
        await AssertProblem(await Send(officer, HttpMethod.Post, $"/api/v1/chains/{chain}/links", new { name = "检测", position = "midstream" }), HttpStatusCode.Forbidden);
        Assert.Equal(before, await Snapshot());

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await Send(officer, HttpMethod.Put, $"/api/v1/chains/{chain}/links/{link}/deals/{mine}")).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await Send(officer, HttpMethod.Put, $"/api/v1/chains/{chain}/links/{link}/companies/{w.Company}")).StatusCode);
        }

        Assert.Equal([w.Company], Ids((await GetOk($"/api/v1/chains/{chain}/links/{link}"))["companyIds"]));
        Assert.Equal(1L, (await GetOk($"/api/v1/reports/chains/{chain}"))["total"]!["deals"]!.GetValue<long>());
        await AssertProblem(await Send(HttpMethod.Delete, $"/api/v1/chains/{chain}/links/{link}"), HttpStatusCode.Conflict);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await Send(officer, HttpMethod.Delete, $"/api/v1/chains/{chain}/links/{link}/deals/{mine}")).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await Send(officer, HttpMethod.Delete, $"/api/v1/chains/{chain}/links/{link}/companies/{w.Company}")).StatusCode);
        }

        Assert.Equal(0L, (await GetOk($"/api/v1/reports/chains/{chain}"))["total"]!["deals"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Delete, $"/api/v1/chains/{chain}/links/{link}")).StatusCode);
        await AssertProblem(await Send(HttpMethod.Get, $"/api/v1/chains/{chain}/links/{link}"), HttpStatusCode.NotFound);
    }

    [DbFact]
    public async Task The_chain_report_counts_each_link_with_its_sub_links_finds_the_gaps_and_credits_the_leaders()
    {
        var w = await CreateWorld();
        await SetRate("USD", 7.1234m, DaysAgo(90));
        var (_, officerKey) = await UserWithKey("李娜", "officer", w.Team);
        using var officer = Factory.ClientWithKey(officerKey);
        var outsider = await User("陈刚", "officer", await Team("深圳招商工作组"));
        var leader = await Company("药明合成生物技术有限公司");
        var x = await Company("康源原料药有限公司");
        var y = await Company("基因动力科技有限公司");
        var z = await Company("华东医疗服务有限公司");
        var chain = Id(await PostOk("/api/v1/chains", new { name = "生物医药", leaderCompanyIds = new[] { leader } }));
        var up = Id(await PostOk($"/api/v1/chains/{chain}/links", new { name = "原料药", position = "upstream" }));
        var mid = Id(await PostOk($"/api/v1/chains/{chain}/links", new { name = "CDMO", position = "midstream" }));
        var gene = Id(await PostOk($"/api/v1/chains/{chain}/links", new { name = "基因治疗 CDMO", position = "midstream", parentId = mid }));
        var down = Id(await PostOk($"/api/v1/chains/{chain}/links", new { name = "医疗服务", position = "downstream" }));

        async Task<long> DealOf(long company, string name, decimal amount, string? stage = null, object? extra = null)
        {
            var body = new JsonObject { ["companyId"] = company, ["openedOn"] = DaysAgo(100) };
            if (extra is not null)
            {
                foreach (var (k, v) in System.Text.Json.JsonSerializer.SerializeToNode(extra)!.AsObject())
                {
                    body[k] = v?.DeepClone();
                }
            }

            var deal = Id(await Deal(w, body, name, amount));
            foreach (var to in Forward.TakeWhile(_ => stage is not null))
            {
                await Move(deal, to, DaysAgo(50));
                if (to == stage)
                {
                    break;
                }
            }

            return deal;
        }

        var xLanded = await DealOf(x, "原料药基地", 300_000_000m, "landed");
        var xUsd = await DealOf(x, "中间体工厂", 20_000_000.55m, "negotiation", new { currency = "USD" });
        var xHeld = await DealOf(x, "原料药二期", 50_000_000m, "letters");
        await SetStatus(xHeld, "onHold", on: DaysAgo(5));
        var xLost = await DealOf(x, "原料药三期", 70_000_000m, "landed");
        await SetStatus(xLost, "lost", "strategyChange", DaysAgo(4));
        var yLetters = await DealOf(y, "AAV 产线", 120_000_000m, "letters");
        var own = await DealOf(leader, "链主扩产", 900_000_000m);
        var referred = await DealOf(z, "互联网医院", 40_000_000m, "signed", new { source = "referral", referrerCompanyId = leader });
        var secret = await DealOf(z, "总部迁移（保密）", 500_000_000m, "landed", new { ownerId = outsider, confidential = true, codeName = "Project Falcon" });
        var elsewhere = await DealOf(y, "不相关项目", 10_000_000m);

        await Put($"/api/v1/chains/{chain}/links/{up}/companies/{x}");
        await Put($"/api/v1/chains/{chain}/links/{gene}/deals/{yLetters}");
        await Put($"/api/v1/chains/{chain}/links/{mid}/deals/{own}");
        await Put($"/api/v1/chains/{chain}/links/{mid}/companies/{leader}");
        await Put($"/api/v1/chains/{chain}/links/{down}/deals/{secret}");

        var usd = Math.Round(20_000_000.55m * 7.1234m, 2, MidpointRounding.AwayFromZero);
        var report = await GetOk($"/api/v1/reports/chains/{chain}");
        var links = report["links"]!.AsArray().ToDictionary(l => l!["linkId"]!.GetValue<long>(), l => l!);

        // Upstream: x's landed and negotiating deals (the held one only with status=any, the lost one never).
        AssertLink(links[up], landedCompanies: 1, deals: 2, intended: 300_000_000m + usd, ("landed", 1, 300_000_000m), ("negotiation", 1, usd));
        Assert.Equal((0, "上游"), (links[up]["depth"]!.GetValue<int>(), links[up]["positionLabel"]!.GetValue<string>()));
        // Midstream covers its sub-link: the leader's own deal (attached) and y's deal (attached to the sub-link); nothing landed: a gap.
        AssertLink(links[mid], landedCompanies: 0, deals: 2, intended: 900_000_000m + 120_000_000m, ("contact", 1, 900_000_000m), ("letters", 1, 120_000_000m));
        AssertLink(links[gene], landedCompanies: 0, deals: 1, intended: 120_000_000m, ("letters", 1, 120_000_000m));
        Assert.Equal(1, links[gene]["depth"]!.GetValue<int>());
        // Downstream: the confidential landed deal, which an admin sees.
        AssertLink(links[down], landedCompanies: 1, deals: 1, intended: 500_000_000m, ("landed", 1, 500_000_000m));

        // The leader: y's deal (on a link it is attached to) and z's (which it referred); its own deal is not credited to it.
        var credited = Assert.Single(report["leaders"]!.AsArray())!;
        Assert.Equal(
            (leader, "药明合成生物技术有限公司", 2L, 1L, 1L, 0L, 120_000_000m + 40_000_000m),
            (credited["companyId"]!.GetValue<long>(), credited["name"]!.GetValue<string>(), credited["deals"]!.GetValue<long>(), credited["referred"]!.GetValue<long>(),
             credited["signed"]!.GetValue<long>(), credited["landed"]!.GetValue<long>(), Money(credited["intendedInvestment"])));
        var total = report["total"]!;
        Assert.Equal((4L, 2L, 2L, 5L, 300_000_000m + usd + 900_000_000m + 120_000_000m + 500_000_000m),
            (total["links"]!.GetValue<long>(), total["gaps"]!.GetValue<long>(), total["landedCompanies"]!.GetValue<long>(), total["deals"]!.GetValue<long>(), Money(total["intendedInvestment"])));

        // The deal list shows what a link counts, whatever the status: the lost deal too.
        Assert.Equal(new[] { own, yLetters }.Order(), (await GetOk($"/api/v1/deals?chainLinkId={mid}"))["items"]!.AsArray().Select(d => Id(d!)).Order());
        Assert.Equal(new[] { xLanded, xUsd, xHeld, xLost }.Order(), (await GetOk($"/api/v1/deals?chainLinkId={up}"))["items"]!.AsArray().Select(d => Id(d!)).Order());
        await AssertProblem(await Send(HttpMethod.Get, "/api/v1/deals?chainLinkId=424242"), HttpStatusCode.BadRequest, "chainLinkId");

        // status=any adds the held deal to upstream's pipeline; the officer cannot see the confidential deal, so downstream is a gap for them.
        var any = (await GetOk($"/api/v1/reports/chains/{chain}?status=any"))["links"]!.AsArray().Single(l => l!["linkId"]!.GetValue<long>() == up)!;
        AssertLink(any, landedCompanies: 1, deals: 3, intended: 300_000_000m + usd + 50_000_000m, ("landed", 1, 300_000_000m), ("negotiation", 1, usd), ("letters", 1, 50_000_000m));
        var seen = JsonNode.Parse(await (await officer.GetAsync($"/api/v1/reports/chains/{chain}")).Content.ReadAsStringAsync())!;
        var downForOfficer = seen["links"]!.AsArray().Single(l => l!["linkId"]!.GetValue<long>() == down)!;
        AssertLink(downForOfficer, landedCompanies: 0, deals: 0, intended: 0m);
        Assert.Equal(3L, seen["total"]!["gaps"]!.GetValue<long>());

        // The report filters: another park has none of these deals, so every link is a gap; English labels on request.
        var otherPark = await Park("苏州生物医药产业园", "苏州");
        var filtered = JsonNode.Parse(await (await Send(HttpMethod.Get, $"/api/v1/reports/chains/{chain}?parkId={otherPark}", headers: new Dictionary<string, string> { ["Accept-Language"] = "en" })).Content.ReadAsStringAsync())!;
        Assert.Equal((4L, 0L), (filtered["total"]!["gaps"]!.GetValue<long>(), filtered["total"]!["deals"]!.GetValue<long>()));
        Assert.Equal("Upstream", filtered["links"]![0]!["positionLabel"]!.GetValue<string>());
        Assert.Equal(0L, filtered["leaders"]![0]!["deals"]!.GetValue<long>());

        // A chain run by parks counts only the deals that land in them.
        await Send(HttpMethod.Patch, $"/api/v1/chains/{chain}", new { parkIds = new[] { otherPark } }, MergePatch);
        Assert.Equal(4L, (await GetOk($"/api/v1/reports/chains/{chain}"))["total"]!["gaps"]!.GetValue<long>());
        await Send(HttpMethod.Patch, $"/api/v1/chains/{chain}", new { parkIds = new[] { otherPark, w.Park } }, MergePatch);
        Assert.Equal(2L, (await GetOk($"/api/v1/reports/chains/{chain}"))["total"]!["gaps"]!.GetValue<long>());
        await AssertProblem(await Send(HttpMethod.Get, "/api/v1/reports/chains/424242"), HttpStatusCode.NotFound);
        await AssertProblem(await Send(HttpMethod.Get, $"/api/v1/reports/chains/{chain}?status=lost"), HttpStatusCode.BadRequest, "status");
        Assert.True(elsewhere > 0);
    }

    private static void AssertLink(JsonNode link, long landedCompanies, long deals, decimal intended, params (string Stage, long Count, decimal Intended)[] stages)
    {
        Assert.Equal((landedCompanies, landedCompanies == 0, deals, intended), (link["landedCompanies"]!.GetValue<long>(), link["gap"]!.GetValue<bool>(), link["deals"]!.GetValue<long>(), Money(link["intendedInvestment"])));
        var byStage = link["stages"]!.AsArray().ToDictionary(s => s!["stage"]!.GetValue<string>(), s => (s!["count"]!.GetValue<long>(), Money(s["intendedInvestment"])));
        Assert.Equal(["contact", "negotiation", "letters", "signed", "landed"], byStage.Keys);
        foreach (var (stage, figures) in byStage)
        {
            var expected = stages.FirstOrDefault(s => s.Stage == stage);
            Assert.Equal(expected.Stage is null ? (0L, 0m) : (expected.Count, expected.Intended), figures);
        }
    }

    private static long[] Ids(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<long>())];

    private Task<HttpResponseMessage> Patch(string path, object body, string? ifMatch = null) =>
        Send(HttpMethod.Patch, path, body, MergePatch, ifMatch is null ? null : new Dictionary<string, string> { ["If-Match"] = ifMatch });

    private async Task Put(string path)
    {
        var response = await Send(HttpMethod.Put, path);
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteChainTests : ChainTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerChainTests : ChainTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresChainTests : ChainTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
