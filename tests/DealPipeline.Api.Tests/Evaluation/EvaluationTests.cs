namespace DealPipeline.Api.Tests;

/// <summary>
/// The evaluation index (指标评价体系): criteria sets whose weights sum to 100, bands and veto items;
/// scores checked against the set's revision, kept in the deal's history and shown on the deal;
/// a change to a scored set makes a new revision; lists filter by band, and the evaluation report's
/// per-band and per-亩 figures are computed here from the deals the test made.
/// </summary>
public abstract class EvaluationTests : ApiTest
{
    private static readonly object[] Criteria =
    [
        new { key = "investmentPerMu", name = "亩均投资强度", weight = 30 },
        new { key = "taxPerMu", name = "亩均税收", weight = 30 },
        new { key = "sectorFit", name = "产业匹配度", weight = 20 },
        new { key = "technology", name = "技术水平", weight = 20 },
    ];

    private static readonly object[] Bands = [new { key = "A", name = "优先引进", minScore = 85 }, new { key = "B", name = "积极引进", minScore = 70 }, new { key = "D", name = "暂不引进", minScore = 0 }];

    private static readonly string[] CriterionKeys = ["investmentPerMu", "taxPerMu", "sectorFit", "technology"];

    private static readonly object[] Vetoes = [new { key = "environment", name = "环保不达标" }];

    [DbFact]
    public async Task Criteria_sets_are_checked_and_a_change_after_scoring_makes_a_new_revision_that_old_scores_do_not_follow()
    {
        var w = await CreateWorld();
        var before = await Snapshot();
        await AssertProblem(await Post("/api/v1/criteria-sets", new { name = "评价", criteria = Criteria.Take(3), bands = Bands }), HttpStatusCode.BadRequest, "criteria", "criteria.weights");
        await AssertProblem(await Post("/api/v1/criteria-sets", new { name = "评价", criteria = Criteria, bands = Bands.Take(2) }), HttpStatusCode.BadRequest, "bands", "bands.range");
        await AssertProblem(await Post("/api/v1/criteria-sets", new { name = "评价", criteria = Criteria.Append(new { key = "technology", name = "重复", weight = 0 }), bands = Bands }), HttpStatusCode.BadRequest, "criteria");
        await AssertProblem(await Post("/api/v1/criteria-sets", new { name = "评价", criteria = Criteria, bands = Bands.Append(new { key = "vetoed", name = "否决", minScore = 10 }) }), HttpStatusCode.BadRequest, "bands", "bands.distinct");
        await AssertProblem(await Post("/api/v1/criteria-sets", new { name = "评价", bands = Bands }), HttpStatusCode.BadRequest, "criteria");
        await AssertProblem(await Post("/api/v1/criteria-sets", new { name = "评价", criteria = Criteria, bands = Bands, vetoes = new[] { new { key = "environment", name = "" } } }), HttpStatusCode.BadRequest, "vetoes", "vetoes.names");
        await AssertProblem(await Post("/api/v1/criteria-sets", new { name = "评价", criteria = new object?[] { null }, bands = Bands }), HttpStatusCode.BadRequest, "criteria", "criteria.null");
        await AssertProblem(await Post("/api/v1/criteria-sets", new { name = "评价", criteria = Criteria, bands = Bands, vetoes = new object?[] { null } }), HttpStatusCode.BadRequest, "vetoes", "vetoes.null");
        Assert.Equal(before, await Snapshot());

        var set = await PostOk("/api/v1/criteria-sets", new { name = "招商项目评价指标", criteria = Criteria, bands = Bands, vetoes = Vetoes });
        var id = Id(set);
        Assert.Equal((1, false, 4), (set["revision"]!.GetValue<int>(), set["scored"]!.GetValue<bool>(), set["criteria"]!.AsArray().Count));
        await AssertProblem(await Post("/api/v1/criteria-sets", new { name = "招商项目评价指标", criteria = Criteria, bands = Bands }), HttpStatusCode.Conflict);

        // Unscored: corrected in place.
        await PatchOk($"/api/v1/criteria-sets/{id}", new { bands = Bands.Append(new { key = "C", name = "审慎引进", minScore = 60 }) }, "\"1\"");
        Assert.Equal((1, 4), await RevisionAndBands(id));

        var deal = Id(await Deal(w));
        await PostOk($"/api/v1/deals/{deal}/scores", new { criteriaSetId = id, scores = Scores(26, 24.5m, 18, 15) });
        Assert.True((await GetOk($"/api/v1/criteria-sets/{id}"))["scored"]!.GetValue<bool>());

        // Scored: a new revision; the old one stays readable and the score keeps it.
        var weights = new object[] { new { key = "investmentPerMu", name = "亩均投资强度", weight = 40 }, new { key = "taxPerMu", name = "亩均税收", weight = 20 }, Criteria[2], Criteria[3] };
        await PatchOk($"/api/v1/criteria-sets/{id}", new { criteria = weights }, "\"2\"");
        var now = await GetOk($"/api/v1/criteria-sets/{id}");
        Assert.Equal((2, false, 40), (now["revision"]!.GetValue<int>(), now["scored"]!.GetValue<bool>(), now["criteria"]![0]!["weight"]!.GetValue<int>()));
        var old = await GetOk($"/api/v1/criteria-sets/{id}/revisions/1");
        Assert.Equal((1, true, 30), (old["revision"]!.GetValue<int>(), old["scored"]!.GetValue<bool>(), old["criteria"]![0]!["weight"]!.GetValue<int>()));
        await AssertProblem(await Send(HttpMethod.Get, $"/api/v1/criteria-sets/{id}/revisions/9"), HttpStatusCode.NotFound);
        Assert.Equal(1, (await GetOk($"/api/v1/deals/{deal}"))["evaluation"]!["revision"]!.GetValue<int>());

        // A rename alone changes no definition: no new revision.
        await PatchOk($"/api/v1/criteria-sets/{id}", new { name = "招商项目评价指标（2026）" }, "\"3\"");
        Assert.Equal((2, 4), await RevisionAndBands(id));
        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/criteria-sets/{id}", new { criteria = Criteria.Take(2) }, "application/merge-patch+json"), HttpStatusCode.BadRequest, "criteria", "criteria.weights");

        // Scored again under revision 2 (investment now out of 40): the deal shows the latest, its history both, newest first.
        await PostOk($"/api/v1/deals/{deal}/scores", new { criteriaSetId = id, scores = Scores(36, 18, 18, 15) });
        var evaluation = (await GetOk($"/api/v1/deals/{deal}"))["evaluation"]!;
        Assert.Equal((2, 87m, "A"), (evaluation["revision"]!.GetValue<int>(), evaluation["total"]!.GetValue<decimal>(), evaluation["band"]!.GetValue<string>()));
        var history = (await GetOk($"/api/v1/deals/{deal}/scores"))["items"]!.AsArray();
        Assert.Equal([(2, 87m, "A"), (1, 83.5m, "B")], history.Select(s => (s!["revision"]!.GetValue<int>(), s["total"]!.GetValue<decimal>(), s["band"]!.GetValue<string>())));
        Assert.Equal(4, (await GetOk("/api/v1/changes?after=0&limit=500"))["items"]!.AsArray().Count(c => c!["entity"]!.GetValue<string>() == "criteriaSet"));
    }

    [DbFact]
    public async Task Scores_are_refused_with_the_field_named_and_bands_filter_lists_and_group_the_evaluation_report_with_per_mu_figures()
    {
        var w = await CreateWorld();
        await SetRate("USD", 7.1m, DaysAgo(30));
        var (_, outsiderKey) = await UserWithKey("陈刚", "officer", await Team("深圳招商工作组"));
        using var outsider = Factory.ClientWithKey(outsiderKey);
        var set = Id(await PostOk("/api/v1/criteria-sets", new { name = "招商项目评价指标", criteria = Criteria, bands = Bands, vetoes = Vetoes }));
        var good = Id(await Deal(w, new { landArea = 100m, expectedAnnualTax = 20_000_000m }, "合成生物基地", 500_000_000m));
        var best = Id(await Deal(w, new { landArea = 50.5m, expectedAnnualTax = 10_000_000m, currency = "USD" }, "Helix", 40_000_000m));
        var vetoed = Id(await Deal(w, new { landArea = 80m, confidential = true, codeName = "Project Amber" }, "化工中间体", 200_000_000m));
        var weak = Id(await Deal(w, null, "小型贸易", 10_000_000m));
        var unscored = Id(await Deal(w, new { landArea = 20m }, "未评价项目", 30_000_000m));

        var before = await Snapshot();
        await AssertProblem(await Post($"/api/v1/deals/{good}/scores", new { criteriaSetId = set, scores = Scores(26, 24.5m, 18) }), HttpStatusCode.BadRequest, "scores", "scores.missing");
        await AssertProblem(await Post($"/api/v1/deals/{good}/scores", new { criteriaSetId = set, scores = Scores(31, 24.5m, 18, 15) }), HttpStatusCode.BadRequest, "scores", "scores.range");
        await AssertProblem(await Post($"/api/v1/deals/{good}/scores", new { criteriaSetId = set, scores = Scores(26.25m, 24.5m, 18, 15) }), HttpStatusCode.BadRequest, "scores", "scores.range");
        await AssertProblem(await Post($"/api/v1/deals/{good}/scores", new { criteriaSetId = set, scores = Scores(26, 24.5m, 18, 15).Append(new { criterion = "jobs", score = 1m }) }), HttpStatusCode.BadRequest, "scores", "scores.unknown");
        await AssertProblem(await Post($"/api/v1/deals/{good}/scores", new { criteriaSetId = set, scores = Scores(26, 24.5m, 18, 15), vetoes = new[] { new { veto = "environment", reason = " " } } }), HttpStatusCode.BadRequest, "vetoes", "vetoes.reason");
        await AssertProblem(await Post($"/api/v1/deals/{good}/scores", new { criteriaSetId = set, scores = Scores(26, 24.5m, 18, 15), vetoes = new[] { new { veto = "noise", reason = "噪声" } } }), HttpStatusCode.BadRequest, "vetoes", "vetoes.unknown");
        await AssertProblem(await Post($"/api/v1/deals/{good}/scores", new { criteriaSetId = 424242, scores = Scores(26, 24.5m, 18, 15) }), HttpStatusCode.BadRequest, "criteriaSetId");
        await AssertProblem(await Post($"/api/v1/deals/{good}/scores", new { scores = Scores(26, 24.5m, 18, 15) }), HttpStatusCode.BadRequest, "criteriaSetId");
        await AssertProblem(await Post($"/api/v1/deals/{good}/scores", new { criteriaSetId = set, scores = Scores(26, 24.5m, 18, 15), vetoes = new object?[] { null } }), HttpStatusCode.BadRequest, "vetoes");
        await AssertProblem(await Post($"/api/v1/deals/{good}/scores", new { criteriaSetId = set, scores = new object?[] { null } }), HttpStatusCode.BadRequest, "scores");
        await AssertProblem(await Send(outsider, HttpMethod.Post, $"/api/v1/deals/{good}/scores", new { criteriaSetId = set, scores = Scores(26, 24.5m, 18, 15) }), HttpStatusCode.Forbidden);
        await AssertProblem(await Send(HttpMethod.Post, "/api/v1/deals", new { name = "x", companyId = w.Company, parkId = w.Park, sectorId = w.Drugs, intendedInvestment = 1m, landArea = 1.005m }), HttpStatusCode.BadRequest, "landArea");
        Assert.Equal(before, await Snapshot());

        await PostOk($"/api/v1/deals/{good}/scores", new { criteriaSetId = set, scores = Scores(26, 24.5m, 18, 15), note = "招商委员会第 11 次会议" });
        await PostOk($"/api/v1/deals/{best}/scores", new { criteriaSetId = set, scores = Scores(30, 30, 20, 20) });
        var veto = await PostOk($"/api/v1/deals/{vetoed}/scores", new { criteriaSetId = set, scores = Scores(28, 28, 20, 18), vetoes = new[] { new { veto = "environment", reason = "环评未通过" } } });
        Assert.Equal((94m, "vetoed", "环评未通过"), (veto["total"]!.GetValue<decimal>(), veto["band"]!.GetValue<string>(), veto["vetoes"]![0]!["reason"]!.GetValue<string>()));
        var shown = (await GetOk($"/api/v1/deals/{vetoed}"))["evaluation"]!;
        Assert.Equal((94m, "vetoed", "environment", "环评未通过"), (shown["total"]!.GetValue<decimal>(), shown["band"]!.GetValue<string>(), shown["vetoes"]![0]!["veto"]!.GetValue<string>(), shown["vetoes"]![0]!["reason"]!.GetValue<string>()));
        await PostOk($"/api/v1/deals/{weak}/scores", new { criteriaSetId = set, scores = Scores(10, 10, 10, 10) });

        async Task<long[]> Listed(string band) => [.. (await GetOk($"/api/v1/deals?band={band}"))["items"]!.AsArray().Select(d => Id(d!)).Order()];
        Assert.Equal([best], await Listed("A"));
        Assert.Equal([vetoed], await Listed("vetoed"));
        Assert.Equal(new[] { good, weak }.Order(), await Listed("B,D"));
        Assert.Empty(await Listed("C"));

        // The export carries each deal's land area and latest evaluation.
        var lines = (await Client.GetStringAsync("/api/v1/export/deals.csv")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var row = lines.Single(l => l.StartsWith(good.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",", StringComparison.Ordinal)).Split(',');
        Assert.Equal(("100.00", "83.50", "B"), (row[Array.IndexOf(header, "landArea")], row[Array.IndexOf(header, "evaluationTotal")], row[Array.IndexOf(header, "evaluationBand")]));

        // Every report takes the band filter: the pipeline of the A and B deals.
        var pipeline = await GetOk("/api/v1/reports/pipeline?band=A,B");
        Assert.Equal((2L, 40_000_000m * 7.1m + 500_000_000m), (pipeline["total"]!["count"]!.GetValue<long>(), Money(pipeline["total"]!["intendedInvestment"])));

        // Per band: CNY per deal at 7.1; per 亩 over the deals with a land area (yuan per 亩, to the fen).
        var usd = 40_000_000m * 7.1m;
        var report = await GetOk($"/api/v1/reports/evaluation?criteriaSetId={set}");
        var rows = report["rows"]!.AsArray().Select(r => (
            Band: r!["band"]?.GetValue<string>(), Count: r["count"]!.GetValue<long>(), Intended: Money(r["intendedInvestment"]), Land: Money(r["landArea"]),
            PerMu: r["intendedPerMu"]?.GetValue<decimal>(), TaxPerMu: r["expectedTaxPerMu"]?.GetValue<decimal>())).ToList();
        Assert.Equal(
            [
                ("A", 1L, usd, 50.5m, Math.Round(usd / 50.5m, 2, MidpointRounding.AwayFromZero), Math.Round(10_000_000m * 7.1m / 50.5m, 2, MidpointRounding.AwayFromZero)),
                ("B", 1L, 500_000_000m, 100m, 5_000_000m, 200_000m),
                ("D", 1L, 10_000_000m, 0m, null, null),
                ("vetoed", 1L, 200_000_000m, 80m, 2_500_000m, 0m),
                (null, 1L, 30_000_000m, 20m, 1_500_000m, 0m),
            ],
            rows.Select(r => (r.Band, r.Count, r.Intended, r.Land, r.PerMu, r.TaxPerMu)));
        var total = report["total"]!;
        Assert.Equal((5L, usd + 740_000_000m, 250.5m), (total["count"]!.GetValue<long>(), Money(total["intendedInvestment"]), Money(total["landArea"])));
        Assert.Equal(Math.Round((usd + 730_000_000m) / 250.5m, 2, MidpointRounding.AwayFromZero), total["intendedPerMu"]!.GetValue<decimal>());

        // The other team's officer may not see the confidential vetoed deal: it is in no figure of theirs.
        var seen = JsonNode.Parse(await (await outsider.GetAsync($"/api/v1/reports/evaluation?criteriaSetId={set}")).Content.ReadAsStringAsync())!;
        Assert.Equal((4L, 0L), (seen["total"]!["count"]!.GetValue<long>(), seen["rows"]!.AsArray().Single(r => r!["band"]?.GetValue<string>() == "vetoed")!["count"]!.GetValue<long>()));
        await AssertProblem(await Send(HttpMethod.Get, "/api/v1/reports/evaluation"), HttpStatusCode.BadRequest, "criteriaSetId");
        await AssertProblem(await Send(HttpMethod.Get, "/api/v1/reports/evaluation?criteriaSetId=424242"), HttpStatusCode.BadRequest, "criteriaSetId");
        Assert.Equal(unscored, (await GetOk("/api/v1/deals?limit=500"))["items"]!.AsArray().Single(d => d!["evaluation"] is null)!["id"]!.GetValue<long>());

        // A deal's latest score is the one that counts: the B deal rescored low moves to D. A deal scored under another set only
        // stays among those not scored under this one.
        await PostOk($"/api/v1/deals/{good}/scores", new { criteriaSetId = set, scores = Scores(10, 10, 10, 10) });
        var other = Id(await PostOk("/api/v1/criteria-sets", new { name = "另一套指标", criteria = Criteria, bands = Bands, vetoes = Vetoes }));
        await PostOk($"/api/v1/deals/{unscored}/scores", new { criteriaSetId = other, scores = Scores(30, 30, 20, 20) });
        var again = (await GetOk($"/api/v1/reports/evaluation?criteriaSetId={set}"))["rows"]!.AsArray()
            .Select(r => (Band: r!["band"]?.GetValue<string>(), Count: r["count"]!.GetValue<long>(), Intended: Money(r["intendedInvestment"]), Land: Money(r["landArea"])))
            .ToList();
        Assert.Equal([("A", 1L, usd, 50.5m), ("B", 0L, 0m, 0m), ("D", 2L, 510_000_000m, 100m), ("vetoed", 1L, 200_000_000m, 80m), (null, 1L, 30_000_000m, 20m)], again);

        // A deal in another currency not scored under the set is among those not scored, converted on its own.
        await Deal(w, new { landArea = 10m, expectedAnnualTax = 1_000_000m, currency = "USD" }, "Unscored Helix II", 3_000_000m);
        var withForeign = (await GetOk($"/api/v1/reports/evaluation?criteriaSetId={set}"))["rows"]!.AsArray().Single(r => r!["band"] is null)!;
        Assert.Equal((2L, 30_000_000m + 3_000_000m * 7.1m, 30m), (withForeign["count"]!.GetValue<long>(), Money(withForeign["intendedInvestment"]), Money(withForeign["landArea"])));
        Assert.Equal(Math.Round(1_000_000m * 7.1m / 30m, 2, MidpointRounding.AwayFromZero), withForeign["expectedTaxPerMu"]!.GetValue<decimal>());

        // A filter no deal matches: every row at zero, nothing to divide by.
        var none = await GetOk($"/api/v1/reports/evaluation?criteriaSetId={set}&parkId={await Park("中山翠亨新区", "中山")}");
        Assert.Equal((0L, 0m, null), (none["total"]!["count"]!.GetValue<long>(), Money(none["total"]!["intendedInvestment"]), none["total"]!["intendedPerMu"]?.GetValue<decimal>()));
    }

    private static object[] Scores(params decimal[] scores) =>
        [.. CriterionKeys.Zip(scores, (criterion, score) => (object)new { criterion, score })];

    private async Task<(int Revision, int Bands)> RevisionAndBands(long id)
    {
        var set = await GetOk($"/api/v1/criteria-sets/{id}");
        return (set["revision"]!.GetValue<int>(), set["bands"]!.AsArray().Count);
    }

    private async Task PatchOk(string path, object body, string ifMatch)
    {
        var response = await Send(HttpMethod.Patch, path, body, "application/merge-patch+json", new Dictionary<string, string> { ["If-Match"] = ifMatch });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteEvaluationTests : EvaluationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerEvaluationTests : EvaluationTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresEvaluationTests : EvaluationTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
