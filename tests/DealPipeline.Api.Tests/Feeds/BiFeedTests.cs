using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace DealPipeline.Api.Tests;

/// <summary>What BI tools and Excel get: next links to follow, a half-open update window, a CSV a spreadsheet cannot be attacked through.</summary>
public abstract class BiFeedTests : ApiTest
{
    [DbFact]
    public async Task Letters_and_events_lists_take_the_same_half_open_update_window_as_the_feeds()
    {
        foreach (var (path, body) in new (string, Func<int, object>)[]
        {
            ("/api/v1/letters", n => new { type = "intent", signedOn = "2024-03-01", counterparty = $"企业{n}" }),
            ("/api/v1/events", n => new { name = $"推介会{n}", type = "promotion", startsOn = "2024-03-01", endsOn = "2024-03-02", city = "济南" }),
        })
        {
            var first = await PostOk(path, body(1));
            _time.Advance(TimeSpan.FromMinutes(1));
            var second = await PostOk(path, body(2));
            var boundary = second["updatedAt"]!.GetValue<string>();

            var since = (await GetOk($"{path}?updatedSince={Uri.EscapeDataString(boundary)}"))["items"]!.AsArray().Select(i => Id(i!)).ToList();
            Assert.Equal([Id(second)], since);
            var before = (await GetOk($"{path}?updatedBefore={Uri.EscapeDataString(boundary)}"))["items"]!.AsArray().Select(i => Id(i!)).ToList();
            Assert.Equal([Id(first)], before);
            await AssertProblem(await Client.GetAsync($"{path}?updatedSince={Uri.EscapeDataString(boundary)}&updatedBefore={Uri.EscapeDataString(boundary)}"), System.Net.HttpStatusCode.BadRequest, "updatedBefore");
        }
    }

    private readonly MovableTime _time = new(new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero));

    protected override Action<IServiceCollection>? Services => services => services.AddSingleton<TimeProvider>(_time);

    [DbFact]
    public async Task Following_next_links_to_the_end_reads_every_item_once_with_a_link_header_beside_each()
    {
        var w = await CreateWorld();
        var ids = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add(Id(await Deal(w, name: "项目" + i)));
        }

        var seen = new List<long>();
        string? next = "/api/v1/deals?limit=3&stage=contact";
        var pages = 0;
        while (next is not null)
        {
            var response = await Client.GetAsync(new Uri(next, UriKind.RelativeOrAbsolute));
            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            seen.AddRange(page["items"]!.AsArray().Select(d => Id(d!)));
            next = page["next"]?.GetValue<string>();
            Assert.Equal(next is null, !response.Headers.Contains("Link"));
            if (next is not null)
            {
                Assert.Equal($"<{next}>; rel=\"next\"", response.Headers.GetValues("Link").Single());
                Assert.StartsWith("http://localhost/api/v1/deals?", next, StringComparison.Ordinal);
                Assert.Contains("stage=contact", next, StringComparison.Ordinal);
            }

            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(ids, seen);

        // The change feed's next link pages on by sequence.
        var changes = await GetOk("/api/v1/changes?after=0&limit=2");
        var following = await GetOk(changes["next"]!.GetValue<string>());
        Assert.True(following["items"]!.AsArray()[0]!["sequence"]!.GetValue<long>() > changes["lastSequence"]!.GetValue<long>());
    }

    [DbFact]
    public async Task Updated_since_and_before_select_a_half_open_window()
    {
        var w = await CreateWorld();
        var first = Id(await Deal(w, name: "早"));
        _time.Advance(TimeSpan.FromHours(1));
        var second = Id(await Deal(w, name: "中"));
        _time.Advance(TimeSpan.FromHours(1));
        var third = Id(await Deal(w, name: "晚"));
        string At(int hours) => Uri.EscapeDataString(new DateTimeOffset(2026, 11, 20, 1 + hours, 0, 0, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture));

        async Task<IEnumerable<long>> Window(string query) => (await GetOk("/api/v1/deals?" + query))["items"]!.AsArray().Select(d => Id(d!));
        Assert.Equal([first, second], await Window($"updatedBefore={At(2)}"));
        Assert.Equal([second], await Window($"updatedSince={At(1)}&updatedBefore={At(2)}"));
        Assert.Equal([second, third], await Window($"updatedSince={At(1)}"));
        var csv = Encoding.UTF8.GetString(await (await Client.GetAsync($"/api/v1/export/deals.csv?updatedSince={At(1)}&updatedBefore={At(2)}")).Content.ReadAsByteArrayAsync());
        Assert.Equal(2, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        await AssertProblem(await Client.GetAsync($"/api/v1/deals?updatedSince={At(2)}&updatedBefore={At(1)}"), HttpStatusCode.BadRequest, "updatedBefore");
    }

    [DbFact]
    public async Task History_and_activities_come_as_bulk_feeds_with_windows_pages_and_visibility()
    {
        var w = await CreateWorld();
        var otherTeam = await Team("深圳招商工作组");
        var owner = await User("周杰", "officer", otherTeam);
        var (_, outsiderKey) = await UserWithKey("外人", "analyst");
        var first = Id(await Deal(w, name: "甲"));
        await Move(first, "negotiation");
        _time.Advance(TimeSpan.FromHours(1));
        var second = Id(await Deal(w, name: "乙"));
        await PostOk($"/api/v1/deals/{second}/activities", new { type = "siteVisit", on = "2026-11-20", summary = "实地考察" });
        var secret = Id(await Deal(w, new { ownerId = owner, confidential = true }, "保密"));
        await PostOk($"/api/v1/deals/{secret}/activities", new { type = "call", on = "2026-11-20", summary = "电话" });
        string At(int hours) => Uri.EscapeDataString(new DateTimeOffset(2026, 11, 20, 1 + hours, 0, 0, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture));

        // Followed page by page, the history feed is every entry of every visible deal, in order.
        var entries = new List<(long Deal, string To)>();
        string? next = "/api/v1/history?limit=2";
        while (next is not null)
        {
            var page = await GetOk(next);
            entries.AddRange(page["items"]!.AsArray().Select(e => (e!["dealId"]!.GetValue<long>(), e["to"]!.GetValue<string>())));
            next = page["next"]?.GetValue<string>();
        }

        Assert.Equal([(first, "contact"), (first, "negotiation"), (second, "contact"), (secret, "contact")], entries);
        Assert.Equal([first, first], (await GetOk($"/api/v1/history?updatedBefore={At(1)}"))["items"]!.AsArray().Select(e => e!["dealId"]!.GetValue<long>()));
        Assert.Equal([second, secret], (await GetOk($"/api/v1/history?updatedSince={At(1)}"))["items"]!.AsArray().Select(e => e!["dealId"]!.GetValue<long>()));

        using var outsider = Factory.ClientWithKey(outsiderKey);
        var theirs = JsonNode.Parse(await outsider.GetStringAsync("/api/v1/history"))!["items"]!.AsArray();
        Assert.DoesNotContain(theirs, e => e!["dealId"]!.GetValue<long>() == secret);
        var activities = JsonNode.Parse(await outsider.GetStringAsync("/api/v1/activities"))!["items"]!.AsArray();
        Assert.Equal([second], activities.Select(a => a!["dealId"]!.GetValue<long>()));
        Assert.Equal(2, (await GetOk("/api/v1/activities"))["items"]!.AsArray().Count);
        await AssertProblem(await Client.GetAsync($"/api/v1/activities?updatedSince={At(2)}&updatedBefore={At(1)}"), HttpStatusCode.BadRequest, "updatedBefore");
    }

    [DbFact]
    public async Task The_csv_never_carries_a_formula_and_writes_timestamps_in_china_standard_time()
    {
        var w = await CreateWorld();
        foreach (var name in new[] { "=HYPERLINK(\"http://evil\")", "+1+1", "-2", "@SUM(A1)", "\t=1", "正常的名字" })
        {
            await Deal(w, name: name);
        }

        var csv = Encoding.UTF8.GetString(await (await Client.GetAsync("/api/v1/export/deals.csv")).Content.ReadAsByteArrayAsync());
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var names = lines.Skip(1).Select(line => line.Split(',')[1]).ToList();
        Assert.All(names.Take(5), n => Assert.True(n.TrimStart('"').StartsWith('\''), $"not neutralised: {n}"));
        Assert.Equal("正常的名字", names[5]);
        Assert.Contains(",2026-11-20 09:00:00,", lines[1], StringComparison.Ordinal);
    }
}

public sealed class SqliteBiFeedTests : BiFeedTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerBiFeedTests : BiFeedTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresBiFeedTests : BiFeedTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
