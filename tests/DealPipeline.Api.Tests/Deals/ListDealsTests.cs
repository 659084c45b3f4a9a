namespace DealPipeline.Api.Tests;

public abstract class ListDealsTests : ApiTest
{
    /// <summary>The service's clock, moved by the tests that need writes to be apart in time (never the real clock and a sleep).</summary>
    private readonly MovableTime _time = new(DateTimeOffset.UtcNow);

    protected override Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? Services =>
        services => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<TimeProvider>(services, _time);

    [DbFact]
    public async Task The_text_search_ignores_case_on_every_database()
    {
        var w = await CreateWorld();
        var helix = Id(await Deal(w, name: "Helix Biologics 华东总部"));
        await Deal(w, name: "其他项目");
        foreach (var q in new[] { "helix", "HELIX", "Helix", "华东" })
        {
            var found = (await GetOk("/api/v1/deals?q=" + Uri.EscapeDataString(q)))["items"]!.AsArray().Select(d => Id(d!)).ToList();
            Assert.Equal([helix], found);
        }
    }

    private async Task<List<JsonObject>> All(string query)
    {
        var items = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var separator = query.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            var page = await GetOk(query + (cursor is null ? "" : $"{separator}cursor={Uri.EscapeDataString(cursor)}"));
            items.AddRange(page["items"]!.AsArray().Select(i => i!.AsObject()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return items;
    }

    private async Task<long[]> Ids(string query) => (await All(query)).Select(d => Id(d)).ToArray();

    [DbFact]
    public async Task Every_filter_narrows_the_list()
    {
        var world = await CreateWorld();
        var devices = await Sector("医疗器械");
        var otherPark = await Park("中山火炬开发区健康医药产业基地", "中山");
        var otherTeam = await Team("深圳招商工作组");
        var otherOfficer = await User("周杰", "officer", otherTeam);
        var otherCompany = await Company("深圳迈瑞康医疗器械有限公司");

        var a = Id(await Deal(world, new { source = "event", isKeyProject = true }, "抗体药物产业化基地"));
        var b = Id(await Deal(world, new { sectorId = world.Biomed, stage = "negotiation", source = "referral", referrerCompanyId = otherCompany }, "生物医药总部"));
        var c = Id(await Deal(world, new { sectorId = devices, parkId = otherPark, ownerId = otherOfficer, companyId = otherCompany, stage = "letters" }, "手术机器人研发中心"));
        var d = Id(await Deal(world, new { stage = "negotiation" }, "小分子新药中试平台"));
        await SetStatus(d, "onHold");

        Assert.Equal([a, b, c, d], await Ids("/api/v1/deals"));
        Assert.Equal([b, d], await Ids("/api/v1/deals?stage=negotiation"));
        Assert.Equal([b, c, d], await Ids("/api/v1/deals?stage=negotiation,letters"));
        Assert.Equal([d], await Ids("/api/v1/deals?status=onHold"));
        Assert.Equal([c], await Ids($"/api/v1/deals?parkId={otherPark}"));
        Assert.Equal([a, b, d], await Ids($"/api/v1/deals?sectorId={world.Biomed}"));
        Assert.Equal([a, d], await Ids($"/api/v1/deals?sectorId={world.Drugs}"));
        Assert.Equal([c], await Ids($"/api/v1/deals?ownerId={otherOfficer}"));
        Assert.Equal([a, b, d], await Ids($"/api/v1/deals?teamId={world.Team}"));
        Assert.Equal([b], await Ids("/api/v1/deals?source=referral"));
        Assert.Equal([a], await Ids("/api/v1/deals?isKeyProject=true"));
        Assert.Equal([a], await Ids($"/api/v1/deals?isKeyProject=true&stage=contact&teamId={world.Team}"));
        Assert.Equal([c], await Ids("/api/v1/deals?q=" + Uri.EscapeDataString("机器人")));
        Assert.Equal([c], await Ids("/api/v1/deals?q=" + Uri.EscapeDataString("迈瑞康")));
        Assert.Empty(await Ids("/api/v1/deals?sourceEventId=1"));
        await AssertProblem(await Client.GetAsync("/api/v1/deals?sectorId=999"), HttpStatusCode.BadRequest, "sectorId");
        await AssertProblem(await Client.GetAsync("/api/v1/deals?stage=negotiation,won"), HttpStatusCode.BadRequest, "stage");
    }

    [DbFact]
    public async Task Each_sort_orders_every_page_and_ties_break_by_id()
    {
        var world = await CreateWorld();
        var specs = new (string Name, decimal Amount, string Opened)[]
        {
            ("丙", 300m, DaysAgo(5)), ("甲", 100m, DaysAgo(9)), ("乙", 100m, DaysAgo(5)), ("丁", 250.5m, DaysAgo(1)), ("戊", 999m, DaysAgo(30)),
        };
        var ids = new List<long>();
        foreach (var (name, amount, opened) in specs)
        {
            ids.Add(Id(await Deal(world, new { openedOn = opened }, name, amount)));
        }

        var deals = ids.Select((id, i) => (Id: id, specs[i].Name, specs[i].Amount, specs[i].Opened)).ToList();
        Assert.Equal(deals.OrderBy(d => d.Amount).ThenBy(d => d.Id).Select(d => d.Id), await Ids("/api/v1/deals?sort=intendedInvestment&limit=2"));
        Assert.Equal(deals.OrderByDescending(d => d.Amount).ThenByDescending(d => d.Id).Select(d => d.Id), await Ids("/api/v1/deals?sort=-intendedInvestment&limit=2"));
        Assert.Equal(deals.OrderBy(d => d.Opened, StringComparer.Ordinal).ThenBy(d => d.Id).Select(d => d.Id), await Ids("/api/v1/deals?sort=openedOn&limit=1"));
        Assert.Equal(deals.OrderByDescending(d => d.Opened, StringComparer.Ordinal).ThenByDescending(d => d.Id).Select(d => d.Id), await Ids("/api/v1/deals?sort=-openedOn&limit=3"));
        Assert.Equal(deals.OrderByDescending(d => d.Id).Select(d => d.Id), await Ids("/api/v1/deals?sort=-id&limit=2"));
        var byName = await Ids("/api/v1/deals?sort=name&limit=2");
        Assert.Equal(5, byName.Distinct().Count());
        var names = (await All("/api/v1/deals?sort=name&limit=2")).Select(d => d["name"]!.GetValue<string>()).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);

        await Move(ids[4], "negotiation");
        var byUpdate = await Ids("/api/v1/deals?sort=-updatedAt&limit=2");
        Assert.Equal(ids[4], byUpdate[0]);
    }

    [DbFact]
    public async Task Pages_return_every_deal_exactly_once_while_deals_are_being_added()
    {
        var world = await CreateWorld();
        var existing = new List<long>();
        for (var i = 0; i < 25; i++)
        {
            existing.Add(Id(await Deal(world, name: $"项目{i:00}", intendedInvestment: 1000 + i)));
        }

        var seen = new List<long>();
        var added = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetOk("/api/v1/deals?limit=4" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            seen.AddRange(page["items"]!.AsArray().Select(d => Id(d!)));
            cursor = page["nextCursor"]?.GetValue<string>();

            // Another officer keeps adding deals while the BI tool pages through.
            if (pages++ < 5)
            {
                added.Add(Id(await Deal(world, name: $"新项目{pages}")));
                added.Add(Id(await Deal(world, name: $"新项目{pages}b")));
            }
        }
        while (cursor is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(existing.Concat(added).Order(), seen.Order());
    }

    [DbFact]
    public async Task Incremental_pulls_by_updated_since_see_changed_deals_in_update_order()
    {
        var world = await CreateWorld();
        var a = Id(await Deal(world, name: "A"));
        var b = Id(await Deal(world, name: "B"));
        _time.Advance(TimeSpan.FromSeconds(1));
        var mark = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromSeconds(1));
        await Move(b, "negotiation");
        _time.Advance(TimeSpan.FromSeconds(1));
        await Move(a, "negotiation");
        _time.Advance(TimeSpan.FromSeconds(1));
        var c = Id(await Deal(world, name: "C"));

        var changed = await Ids($"/api/v1/deals?updatedSince={Uri.EscapeDataString(mark.ToString("O"))}&limit=1");

        Assert.Equal([b, a, c], changed);
        await AssertProblem(await Client.GetAsync("/api/v1/deals?updatedSince=yesterday"), HttpStatusCode.BadRequest, "updatedSince");
    }

    [DbFact]
    public async Task Bad_paging_arguments_are_400s()
    {
        var world = await CreateWorld();
        await Deal(world);
        await Deal(world);
        var page = await GetOk("/api/v1/deals?limit=1&sort=name");
        var cursor = page["nextCursor"]!.GetValue<string>();

        await AssertProblem(await Client.GetAsync("/api/v1/deals?limit=100000"), HttpStatusCode.BadRequest, "limit");
        await AssertProblem(await Client.GetAsync("/api/v1/deals?limit=0"), HttpStatusCode.BadRequest, "limit");
        await AssertProblem(await Client.GetAsync("/api/v1/deals?limit=501"), HttpStatusCode.BadRequest, "limit");
        Assert.Single((await GetOk("/api/v1/deals?limit=500&sort=name&cursor=" + cursor))["items"]!.AsArray());
        await AssertProblem(await Client.GetAsync("/api/v1/deals?limit=1&sort=openedOn&cursor=" + cursor), HttpStatusCode.BadRequest, "cursor");
        await AssertProblem(await Client.GetAsync("/api/v1/deals?cursor=not-a-cursor"), HttpStatusCode.BadRequest, "cursor");
        await AssertProblem(await Client.GetAsync("/api/v1/deals?cursor=eyJTIjoiaWQiLCJWIjpudWxsLCJJIjoiYSJ9"), HttpStatusCode.BadRequest, "cursor");
        await AssertProblem(await Client.GetAsync("/api/v1/deals?sort=colour"), HttpStatusCode.BadRequest, "sort");
        await AssertProblem(await Client.GetAsync("/api/v1/teams?limit=-3"), HttpStatusCode.BadRequest, "limit");
    }
}

public sealed class SqliteListDealsTests : ListDealsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerListDealsTests : ListDealsTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresListDealsTests : ListDealsTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
