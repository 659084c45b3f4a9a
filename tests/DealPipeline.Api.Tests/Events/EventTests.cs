namespace DealPipeline.Api.Tests;

/// <summary>Promotion events: created, read with an ETag, patched and listed; and an event's yield, figure by figure.</summary>
public abstract class EventTests : ApiTest
{
    [DbFact]
    public async Task Events_are_created_read_with_an_etag_patched_and_listed_by_date_and_type()
    {
        var world = await CreateWorld();
        var forum = await Event(parkId: world.Park, visitorsReceived: null);
        var trip = await Event("深圳招商考察", "outboundTrip", DaysAgo(10));
        await Event("济南国际医学中心推介会", "promotion", DaysAgo(200));

        var response = await Client.GetAsync($"/api/v1/events/{Id(forum)}");
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        var patched = await Send(HttpMethod.Patch, $"/api/v1/events/{Id(forum)}", new { visitorsReceived = 523 }, "application/merge-patch+json", new Dictionary<string, string> { ["If-Match"] = "\"1\"" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(523, (await GetOk($"/api/v1/events/{Id(forum)}"))["visitorsReceived"]!.GetValue<int>());
        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/events/{Id(forum)}", new { city = "海口" }, headers: new Dictionary<string, string> { ["If-Match"] = "\"1\"" }), HttpStatusCode.PreconditionFailed);
        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/events/{Id(forum)}", new { endsOn = DaysAgo(100) }), HttpStatusCode.BadRequest, "endsOn");
        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/events/{Id(forum)}", new { version = 3 }), HttpStatusCode.BadRequest, "version");
        await AssertProblem(await Client.GetAsync("/api/v1/events/999"), HttpStatusCode.NotFound);

        string[] Names(JsonObject page) => page["items"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).ToArray();
        Assert.Equal(3, Names(await GetOk("/api/v1/events")).Length);
        Assert.Equal(["博鳌亚洲论坛全球健康论坛·亦城会客厅", "深圳招商考察"], Names(await GetOk($"/api/v1/events?from={DaysAgo(90)}")));
        Assert.Equal(["深圳招商考察"], Names(await GetOk($"/api/v1/events?type=outboundTrip")));
        Assert.Equal(["博鳌亚洲论坛全球健康论坛·亦城会客厅", "济南国际医学中心推介会"], Names(await GetOk($"/api/v1/events?type=forum,promotion&to={DaysAgo(30)}")));
        Assert.Equal(Id(trip), Id((await GetOk("/api/v1/events?type=outboundTrip"))["items"]![0]!));

        await AssertProblem(await Post("/api/v1/events", new { name = "x", type = "party", startsOn = Today, endsOn = Today, city = "x" }), HttpStatusCode.BadRequest, "type");
        await AssertProblem(await Post("/api/v1/events", new { name = "x", type = "forum", startsOn = Today, endsOn = DaysAgo(1), city = "x" }), HttpStatusCode.BadRequest, "endsOn");
        await AssertProblem(await Post("/api/v1/events", new { name = "x", type = "forum", startsOn = Today, endsOn = Today, city = "x", parkId = 77 }), HttpStatusCode.BadRequest, "parkId");
        await AssertProblem(await Post("/api/v1/events", new { name = "x", type = "forum", startsOn = Today, endsOn = Today, city = "x", visitorsReceived = -1 }), HttpStatusCode.BadRequest, "visitorsReceived");
        await AssertProblem(await Client.GetAsync("/api/v1/events?type=party"), HttpStatusCode.BadRequest, "type");
    }

    [DbFact]
    public async Task The_event_report_gives_every_figure_of_the_article_exactly()
    {
        var world = await CreateWorld();
        await SetRate("USD", 7.1004m, DaysAgo(400));
        await SetRate("USD", 7.3m, DaysAgo(30));
        var start = DaysAgo(60);
        var forum = Id(await Event(startsOn: start, visitorsReceived: 523));
        var other = Id(await Event("另一场推介会", "promotion", DaysAgo(100)));
        var companies = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            companies.Add(await Company($"企业{i}"));
        }

        var startDay = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        string InYears(double years) => startDay.AddDays((int)(years * 365)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        async Task<long> EventDeal(int company, decimal amount, string? planned, string currency = "CNY", long? eventId = null) =>
            Id(await Deal(world, new { companyId = companies[company], source = "event", sourceEventId = eventId ?? forum, currency, plannedLandingOn = planned, stage = "negotiation", openedOn = start }, $"项目{company}-{amount}", amount));

        var a1 = await EventDeal(0, 1_000_000_000.01m, InYears(1));
        var a2 = await EventDeal(0, 500_000_000m, InYears(2.5));
        var b = await EventDeal(1, 12_345_678.91m, InYears(0.5), "USD");
        var c = await EventDeal(2, 300_000_000m, null);
        var lost = await EventDeal(3, 9_000_000_000m, InYears(1));
        await SetStatus(lost, "lost", "funding");
        var deleted = await EventDeal(4, 7_000_000_000m, InYears(1));
        await Send(HttpMethod.Delete, $"/api/v1/deals/{deleted}");
        var held = await EventDeal(4, 250_000_000.5m, startDay.AddYears(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await SetStatus(held, "onHold");
        await EventDeal(2, 42m, InYears(1), eventId: other);

        await Activity(a1, "siteVisit", DaysAgo(50));
        await Activity(a2, "siteVisit", DaysAgo(40));
        await Activity(b, "siteVisit", DaysAgo(61));
        await Activity(c, "meeting", DaysAgo(50));
        await Activity(held, "siteVisit", start);
        await Activity(lost, "siteVisit", DaysAgo(50));
        foreach (var (type, deal) in new[] { ("intent", a1), ("intent", a2), ("initiative", c), ("intent", lost), ("initiative", lost), ("expertAppointment", (long?)null) }.Select(t => (t.Item1, (long?)t.Item2)))
        {
            await Letter(type, start, deal, forum);
        }

        await Letter("intent", start, c, other);

        var report = await GetOk($"/api/v1/events/{forum}/report");

        // Counted deals: a1, a2, b, c, held (lost and deleted left out).
        var usdAtStart = Math.Round(12_345_678.91m * 7.1004m, 2, MidpointRounding.AwayFromZero);
        Assert.Equal(forum, report["eventId"]!.GetValue<long>());
        Assert.Equal(523, report["visitorsReceived"]!.GetValue<int>());
        Assert.Equal(4, report["companiesEngaged"]!.GetValue<long>());
        Assert.Equal(5, report["deals"]!.GetValue<long>());
        Assert.Equal(1_000_000_000.01m + 500_000_000m + usdAtStart + 300_000_000m + 250_000_000.5m, Money(report["intendedInvestment"]));
        Assert.Equal(3, report["plannedToLand"]!.GetValue<long>());
        Assert.Equal(6, report["letters"]!["total"]!.GetValue<long>());
        Assert.Equal(2, report["letters"]!["initiative"]!.GetValue<long>());
        Assert.Equal(3, report["letters"]!["intent"]!.GetValue<long>());
        Assert.Equal(1, report["letters"]!["expertAppointment"]!.GetValue<long>());
        Assert.Equal(2, report["siteVisits"]!.GetValue<long>());
        Assert.Equal(2, (await GetOk($"/api/v1/events/{forum}/report?plannedWithinYears=1"))["plannedToLand"]!.GetValue<long>());
        Assert.Equal(4, (await GetOk($"/api/v1/events/{forum}/report?plannedWithinYears=3"))["plannedToLand"]!.GetValue<long>());
        await AssertProblem(await Client.GetAsync($"/api/v1/events/{forum}/report?plannedWithinYears=-1"), HttpStatusCode.BadRequest, "plannedWithinYears");
        await AssertProblem(await Client.GetAsync("/api/v1/events/999/report"), HttpStatusCode.NotFound);
    }
}

public sealed class SqliteEventTests : EventTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerEventTests : EventTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresEventTests : EventTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
