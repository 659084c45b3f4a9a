namespace DealPipeline.Api.Tests;

/// <summary>
/// Response deadlines (服务时限) on the service's clock, stopped at Monday 12 October 2026 (10:00 China
/// Standard Time), just after the National Day holidays: the calendar the test loads is the State
/// Council's 2026 arrangement around them, and every due day below is counted by hand on it.
/// </summary>
public abstract class DeadlineTests : ApiTest
{
    private static readonly DateOnly[] Holidays2026 =
    [
        new(2026, 9, 25), new(2026, 9, 26), new(2026, 9, 27),
        new(2026, 10, 1), new(2026, 10, 2), new(2026, 10, 3), new(2026, 10, 4), new(2026, 10, 5), new(2026, 10, 6), new(2026, 10, 7),
    ];

    private static readonly DateOnly[] Workdays2026 = [new(2026, 9, 20), new(2026, 10, 10)];

    private readonly MovableTime _time = new(new DateTimeOffset(2026, 10, 12, 2, 0, 0, TimeSpan.Zero));

    // The generated leads below take a few hundred requests of one key in a few seconds.
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["RateLimit:PermitsPerSecond"] = "10000", ["RateLimit:Burst"] = "10000" };

    protected override Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? Services =>
        services => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<TimeProvider>(services, _time);

    [DbFact]
    public async Task Calendars_and_rules_are_checked_and_a_bad_one_changes_nothing()
    {
        var before = await Snapshot();
        await AssertProblem(await Send(HttpMethod.Put, "/api/v1/calendar/2026", new { holidays = Days("2026-10-01"), workdays = Days("2026-10-12") }), HttpStatusCode.BadRequest, "workdays");
        await AssertProblem(await Send(HttpMethod.Put, "/api/v1/calendar/2026", new { holidays = Days("2027-01-01") }), HttpStatusCode.BadRequest, "holidays");
        await AssertProblem(await Send(HttpMethod.Put, "/api/v1/calendar/2026", new { workdays = Days("2026-10-10") }), HttpStatusCode.BadRequest, "holidays");
        await AssertProblem(await Send(HttpMethod.Put, "/api/v1/calendar/2026", new { holidays = Days("2026-10-10"), workdays = Days("2026-10-10") }), HttpStatusCode.BadRequest, "workdays");
        await AssertProblem(await Send(HttpMethod.Put, "/api/v1/calendar/1999", new { holidays = Array.Empty<string>() }), HttpStatusCode.BadRequest, "year");
        await AssertProblem(await Send(HttpMethod.Get, "/api/v1/calendar/2026"), HttpStatusCode.NotFound);
        await AssertProblem(await Post("/api/v1/deadline-rules", new { name = "亿元以上", minIntendedInvestment = 100_000_000m, answerWithin = new { count = 1 } }), HttpStatusCode.BadRequest, "answerWithin.unit");
        await AssertProblem(await Post("/api/v1/deadline-rules", new { name = "亿元以上", minIntendedInvestment = 100_000_000m, reportEvery = new { count = 14, unit = "weeks" } }), HttpStatusCode.BadRequest, "reportEvery.unit");
        await AssertProblem(await Post("/api/v1/deadline-rules", new { name = "亿元以上", minIntendedInvestment = 100_000_000m, assessWithin = new { count = 0, unit = "days" } }), HttpStatusCode.BadRequest, "assessWithin.count");
        await AssertProblem(await Post("/api/v1/deadline-rules", new { name = "亿元以上", minIntendedInvestment = 100_000_000m }), HttpStatusCode.BadRequest, "answerWithin");
        await AssertProblem(await Post("/api/v1/deadline-rules", new { name = "亿元以上", answerWithin = new { count = 1, unit = "days" } }), HttpStatusCode.BadRequest, "minIntendedInvestment");
        Assert.Equal(before, await Snapshot());

        var loaded = await Send(HttpMethod.Put, "/api/v1/calendar/2026", new { holidays = Holidays2026, workdays = Workdays2026 });
        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        var calendar = await GetOk("/api/v1/calendar/2026");
        Assert.Equal(Holidays2026.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), calendar["holidays"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal(["2026-09-20", "2026-10-10"], calendar["workdays"]!.AsArray().Select(d => d!.GetValue<string>()));
        await Send(HttpMethod.Put, "/api/v1/calendar/2026", new { holidays = Days("2026-01-01") });
        Assert.Empty((await GetOk("/api/v1/calendar/2026"))["workdays"]!.AsArray());

        var rule = await PostOk("/api/v1/deadline-rules", new { name = "亿元以上项目", minIntendedInvestment = 100_000_000m, answerWithin = new { count = 1, unit = "workingDays" }, reportEvery = new { count = 14, unit = "days" } });
        Assert.Null(rule["assessWithin"]);
        await AssertProblem(await Post("/api/v1/deadline-rules", new { name = "其他", minIntendedInvestment = 100_000_000m, answerWithin = new { count = 3, unit = "days" } }), HttpStatusCode.Conflict);
        var patched = await Send(HttpMethod.Patch, $"/api/v1/deadline-rules/{Id(rule)}", new { reportEvery = (object?)null, assessWithin = new { count = 3, unit = "workingDays" } }, "application/merge-patch+json", new Dictionary<string, string> { ["If-Match"] = "\"1\"" });
        var body = JsonNode.Parse(await patched.Content.ReadAsStringAsync())!;
        Assert.Equal((HttpStatusCode.OK, "\"2\""), (patched.StatusCode, patched.Headers.ETag!.Tag));
        Assert.Equal((3, "workingDays"), (body["assessWithin"]!["count"]!.GetValue<int>(), body["assessWithin"]!["unit"]!.GetValue<string>()));
        Assert.Null(body["reportEvery"]);
        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/deadline-rules/{Id(rule)}", new { answerWithin = new { count = 2 } }, "application/merge-patch+json"), HttpStatusCode.BadRequest, "answerWithin.unit");
        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Delete, $"/api/v1/deadline-rules/{Id(rule)}")).StatusCode);
        await AssertProblem(await Send(HttpMethod.Get, $"/api/v1/deadline-rules/{Id(rule)}"), HttpStatusCode.NotFound);
    }

    [DbFact]
    public async Task Deadlines_count_working_days_on_the_loaded_calendar_and_the_overdue_report_lists_what_is_late_by_owner_and_team()
    {
        var w = await CreateWorld();
        await SetRate("USD", 7.1m, "2026-09-01");
        var (_, officerKey) = await UserWithKey("李娜", "officer", w.Team);
        using var officer = Factory.ClientWithKey(officerKey);
        var otherTeam = await Team("深圳招商工作组");
        var outsider = await User("陈刚", "officer", otherTeam);
        await PostOk("/api/v1/deadline-rules", new { name = "亿元以上项目", minIntendedInvestment = 100_000_000m, answerWithin = new { count = 1, unit = "workingDays" }, assessWithin = new { count = 3, unit = "workingDays" }, reportEvery = new { count = 14, unit = "days" } });
        await PostOk("/api/v1/deadline-rules", new { name = "一般项目", minIntendedInvestment = 0m, answerWithin = new { count = 3, unit = "workingDays" }, reportEvery = new { count = 30, unit = "days" } });

        async Task<long> Lead(string name, decimal amount, string openedOn, object? extra = null)
        {
            var body = new JsonObject { ["openedOn"] = openedOn };
            foreach (var (k, v) in System.Text.Json.JsonSerializer.SerializeToNode(extra ?? new { })!.AsObject())
            {
                body[k] = v?.DeepClone();
            }

            return Id(await Deal(w, body, name, amount));
        }

        async Task Activity(long deal, string on) => await PostOk($"/api/v1/deals/{deal}/activities", new { type = "call", on, summary = "电话联系" });

        // A: 1.5亿 opened Wednesday 30 September, untouched.
        var a = await Lead("A 创新药基地", 150_000_000m, "2026-09-30");

        // Before the calendar is loaded, Monday to Friday count: one working day after 30 September is Thursday 1 October.
        var plain = await GetOk($"/api/v1/deals/{a}/deadlines");
        Assert.Equal("2026-10-01", Deadline(plain, "answer")["due"]!.GetValue<string>());

        await Send(HttpMethod.Put, "/api/v1/calendar/2026", new { holidays = Holidays2026, workdays = Workdays2026 });

        // B: 2亿 opened Friday 18 September; called Monday 21 (one working day after the 18th is Sunday 20, a 调休 working day: late by 1);
        // moved to negotiation Tuesday 22 (3 working days: 20, 21, 22: on time); nothing since the 21st, so its report was due 5 October.
        var b = await Lead("B 基因治疗中心", 200_000_000m, "2026-09-18");
        await Activity(b, "2026-09-21");
        await Move(b, "negotiation", "2026-09-22");
        // C: 20,000,000 USD (1.42亿 at 7.1) opened Friday 9 October: one working day is Saturday 10 (调休): late by 2; assess due Tuesday 13.
        var c = await Lead("C Helix Biologics", 20_000_000m, "2026-10-09", new { currency = "USD" });
        // D: 5,000万 (一般项目) opened Tuesday 1 September, called on the 2nd (3 working days: due the 4th, on time); report due 2 October: late by 10.
        var d = await Lead("D 医疗器械", 50_000_000m, "2026-09-01");
        await Activity(d, "2026-09-02");
        // E: 1.5亿 opened 30 September and put on hold on 9 October: assessed on time, nothing open, never overdue.
        var e = await Lead("E 暂缓项目", 150_000_000m, "2026-09-30");
        await SetStatus(e, "onHold", on: "2026-10-09");
        // F: like A, but another team's confidential deal.
        var f = await Lead("F 总部迁移（保密）", 150_000_000m, "2026-09-30", new { ownerId = outsider, confidential = true, codeName = "Project Falcon" });
        // G: 5,000万 opened today: answer due Thursday 15 October.
        var g = await Lead("G 新线索", 50_000_000m, "2026-10-12");

        var deadlinesOfA = await GetOk($"/api/v1/deals/{a}/deadlines");
        Assert.Equal(("亿元以上项目", "2026-10-12"), (deadlinesOfA["rule"]!["name"]!.GetValue<string>(), deadlinesOfA["asOf"]!.GetValue<string>()));
        AssertDeadline(deadlinesOfA, "answer", "2026-10-08", null, overdue: true, daysLate: 4);
        AssertDeadline(deadlinesOfA, "assess", "2026-10-10", null, overdue: true, daysLate: 2);
        AssertDeadline(deadlinesOfA, "report", "2026-10-14", null, overdue: false, daysLate: 0);
        Assert.Equal(("answer", "2026-10-08"), (deadlinesOfA["next"]!["kind"]!.GetValue<string>(), deadlinesOfA["next"]!["due"]!.GetValue<string>()));

        var deadlinesOfB = await GetOk($"/api/v1/deals/{b}/deadlines");
        AssertDeadline(deadlinesOfB, "answer", "2026-09-20", "2026-09-21", overdue: false, daysLate: 1);
        AssertDeadline(deadlinesOfB, "assess", "2026-09-22", "2026-09-22", overdue: false, daysLate: 0);
        AssertDeadline(deadlinesOfB, "report", "2026-10-05", null, overdue: true, daysLate: 7);
        AssertDeadline(await GetOk($"/api/v1/deals/{c}/deadlines"), "answer", "2026-10-10", null, overdue: true, daysLate: 2);
        AssertDeadline(await GetOk($"/api/v1/deals/{c}/deadlines"), "assess", "2026-10-13", null, overdue: false, daysLate: 0);
        var deadlinesOfD = await GetOk($"/api/v1/deals/{d}/deadlines");
        Assert.Equal("一般项目", deadlinesOfD["rule"]!["name"]!.GetValue<string>());
        AssertDeadline(deadlinesOfD, "answer", "2026-09-04", "2026-09-02", overdue: false, daysLate: 0);
        AssertDeadline(deadlinesOfD, "report", "2026-10-02", null, overdue: true, daysLate: 10);
        Assert.Equal(2, deadlinesOfD["deadlines"]!.AsArray().Count);
        var deadlinesOfE = await GetOk($"/api/v1/deals/{e}/deadlines");
        Assert.Equal(["assess"], deadlinesOfE["deadlines"]!.AsArray().Select(x => x!["kind"]!.GetValue<string>()));
        Assert.Null(deadlinesOfE["next"]);
        AssertDeadline(await GetOk($"/api/v1/deals/{g}/deadlines"), "answer", "2026-10-15", null, overdue: false, daysLate: 0);

        // The report: longest late first; ties by due day, then deal.
        var report = await GetOk("/api/v1/reports/overdue");
        Assert.Equal(
            [(d, "report", 10), (b, "report", 7), (a, "answer", 4), (f, "answer", 4), (a, "assess", 2), (c, "answer", 2), (f, "assess", 2)],
            report["items"]!["items"]!.AsArray().Select(i => (i!["dealId"]!.GetValue<long>(), i["kind"]!.GetValue<string>(), i["daysLate"]!.GetValue<int>())));
        var firstThree = await GetOk("/api/v1/reports/overdue?limit=3");
        var rest = await GetOk($"/api/v1/reports/overdue?limit=3&cursor={firstThree["items"]!["nextCursor"]}");
        var last = await GetOk($"/api/v1/reports/overdue?limit=3&cursor={rest["items"]!["nextCursor"]}");
        Assert.Equal(
            report["items"]!["items"]!.AsArray().Select(i => i!.ToJsonString()),
            new[] { firstThree, rest, last }.SelectMany(p => p["items"]!["items"]!.AsArray()).Select(i => i!.ToJsonString()));
        Assert.Null(last["items"]!["nextCursor"]);
        Assert.Equal(7L, last["overdue"]!.GetValue<long>());
        Assert.Equal((7L, 5L), (report["overdue"]!.GetValue<long>(), report["deals"]!.GetValue<long>()));
        Assert.Equal([(w.Officer, "王磊", 5L, 4L), (outsider, "陈刚", 2L, 1L)], Groups(report["byOwner"]!));
        Assert.Equal([(w.Team, "生物医药招商专班", 5L, 4L), (otherTeam, "深圳招商工作组", 2L, 1L)], Groups(report["byTeam"]!));
        Assert.Equal("首次响应", report["items"]!["items"]![2]!["kindLabel"]!.GetValue<string>());

        // The officer does not see the other team's confidential deal: not in any figure.
        var seen = JsonNode.Parse(await (await officer.GetAsync("/api/v1/reports/overdue")).Content.ReadAsStringAsync())!;
        Assert.Equal((5L, 4L), (seen["overdue"]!.GetValue<long>(), seen["deals"]!.GetValue<long>()));
        Assert.DoesNotContain(f, seen["items"]!["items"]!.AsArray().Select(i => i!["dealId"]!.GetValue<long>()));
        await AssertProblem(await officer.GetAsync($"/api/v1/deals/{f}/deadlines"), HttpStatusCode.NotFound);

        // Filters apply; answering a lead takes it off the list.
        Assert.Equal(0L, (await GetOk($"/api/v1/reports/overdue?teamId={await Team("空组")}"))["overdue"]!.GetValue<long>());
        await Activity(a, "2026-10-12");
        var after = await GetOk("/api/v1/reports/overdue");
        Assert.DoesNotContain((a, "answer"), after["items"]!["items"]!.AsArray().Select(i => (i!["dealId"]!.GetValue<long>(), i["kind"]!.GetValue<string>())));
        AssertDeadline(await GetOk($"/api/v1/deals/{a}/deadlines"), "answer", "2026-10-08", "2026-10-12", overdue: false, daysLate: 4);
    }

    [DbFact]
    public async Task The_overdue_report_lists_and_counts_exactly_the_late_deadlines_each_deal_shows_as_its_own()
    {
        // Generated leads on both sides of every class threshold, in CNY and USD, opened before and across the holidays, some
        // answered, moved on, landed or put on hold: the report asks the database, each deal's own deadlines count its days.
        // The highest class has a report deadline only: its deals must not take the answer and assess deadlines of the next.
        var w = await CreateWorld();
        await SetRate("USD", 7.1m, "2026-08-01");
        await Send(HttpMethod.Put, "/api/v1/calendar/2026", new { holidays = Holidays2026, workdays = Workdays2026 });
        var otherTeam = await Team("深圳招商工作组");
        long[] owners = [w.Officer, await User("陈刚", "officer", otherTeam), await User("赵敏", "officer")];
        await PostOk("/api/v1/deadline-rules", new { name = "五亿以上项目", minIntendedInvestment = 500_000_000m, reportEvery = new { count = 7, unit = "days" } });
        await PostOk("/api/v1/deadline-rules", new { name = "亿元以上项目", minIntendedInvestment = 100_000_000m, answerWithin = new { count = 1, unit = "workingDays" }, assessWithin = new { count = 3, unit = "workingDays" }, reportEvery = new { count = 14, unit = "days" } });
        await PostOk("/api/v1/deadline-rules", new { name = "两千万以上项目", minIntendedInvestment = 20_000_000m, answerWithin = new { count = 2, unit = "workingDays" }, reportEvery = new { count = 10, unit = "workingDays" } });
        await PostOk("/api/v1/deadline-rules", new { name = "一般项目", minIntendedInvestment = 1_000_000m, answerWithin = new { count = 5, unit = "days" }, assessWithin = new { count = 10, unit = "workingDays" } });
        // Each class at its threshold opened on every day from 18 September to today (so every boundary between late and not
        // is a deal on each side), then amounts just below and above the thresholds, in USD too, on random days.
        decimal[] thresholds = [500_000_000m, 100_000_000m, 20_000_000m, 1_000_000m];
        decimal[] amounts = [99_999_999.99m, 19_999_999.99m, 999_999.99m, 500_000_000m, 14_084_507.05m, 14_084_507.04m, 2_816_901.41m, 140_845.08m];
        var random = new Random(20261012);
        var ids = new List<long>();
        for (var i = 0; i < 116; i++)
        {
            var atThreshold = i < 100;
            var opened = atThreshold ? new DateOnly(2026, 10, 12).AddDays(-(i % 25)) : new DateOnly(2026, 8, 20).AddDays(random.Next(0, 54));
            var usd = !atThreshold && i % 2 == 0;
            var body = new JsonObject { ["openedOn"] = opened.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["ownerId"] = owners[i % owners.Length] };
            if (usd)
            {
                body["currency"] = "USD";
            }

            var id = Id(await Deal(w, body, $"线索{i}", atThreshold ? thresholds[i / 25] : amounts[i % amounts.Length]));
            ids.Add(id);
            var day = opened;
            string Next(int most)
            {
                day = day.AddDays(random.Next(0, most));
                day = day > new DateOnly(2026, 10, 12) ? new DateOnly(2026, 10, 12) : day;
                return day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            }

            if (random.Next(3) == 0)
            {
                await PostOk($"/api/v1/deals/{id}/activities", new { type = "call", on = Next(8), summary = "电话联系" });
            }

            switch (random.Next(8))
            {
                case 0:
                    await Move(id, "negotiation", Next(10));
                    break;
                case 1:
                    await Move(id, "negotiation", Next(5));
                    await Move(id, "signed", Next(5), contractedInvestment: 1_000_000m);
                    await Move(id, "landed", Next(5));
                    break;
                case 2:
                    await SetStatus(id, "onHold", on: Next(10));
                    break;
                case 3:
                    await SetStatus(id, "onHold", on: Next(4));
                    await SetStatus(id, "active", on: Next(4));
                    break;
            }
        }

        // What each deal says of itself, in the report's order: longest late first, then due day, deal, kind.
        var expected = new List<(long Deal, string Kind, string Due, int DaysLate, long Owner)>();
        foreach (var id in ids)
        {
            var own = await GetOk($"/api/v1/deals/{id}/deadlines");
            var owner = (await GetOk($"/api/v1/deals/{id}"))["ownerId"]!.GetValue<long>();
            expected.AddRange(own["deadlines"]!.AsArray().Where(x => x!["overdue"]!.GetValue<bool>())
                .Select(x => (id, x!["kind"]!.GetValue<string>(), x["due"]!.GetValue<string>(), x["daysLate"]!.GetValue<int>(), owner)));
        }

        string[] kinds = ["answer", "assess", "report"];
        expected = [.. expected.OrderByDescending(e => e.DaysLate).ThenBy(e => e.Due, StringComparer.Ordinal).ThenBy(e => e.Deal).ThenBy(e => Array.IndexOf(kinds, e.Kind))];
        Assert.True(expected.Count >= 15, $"the generated leads have late deadlines of every kind: {expected.Count}");
        Assert.Equal(kinds, expected.Select(e => e.Kind).Distinct().Order(StringComparer.Ordinal));

        // Paged a few at a time, the report lists the same deadlines in that order, and counts them per owner.
        var listed = new List<(long, string, string, int, long)>();
        var report = await GetOk("/api/v1/reports/overdue?limit=2");
        for (var page = report; ; page = await GetOk($"/api/v1/reports/overdue?limit=2&cursor={page["items"]!["nextCursor"]}"))
        {
            listed.AddRange(page["items"]!["items"]!.AsArray().Select(x => (x!["dealId"]!.GetValue<long>(), x["kind"]!.GetValue<string>(), x["due"]!.GetValue<string>(), x["daysLate"]!.GetValue<int>(), x["ownerId"]!.GetValue<long>())));
            if (page["items"]!["nextCursor"] is null)
            {
                break;
            }
        }

        Assert.Equal(expected, listed);
        Assert.Equal((expected.Count, expected.Select(e => e.Deal).Distinct().Count()), ((int)report["overdue"]!.GetValue<long>(), (int)report["deals"]!.GetValue<long>()));
        Assert.Equal(
            expected.GroupBy(e => e.Owner).Select(g => (g.Key, (long)g.Count(), (long)g.Select(e => e.Deal).Distinct().Count())).OrderBy(g => g.Key),
            report["byOwner"]!.AsArray().Select(g => (g!["id"]!.GetValue<long>(), g["overdue"]!.GetValue<long>(), g["deals"]!.GetValue<long>())).OrderBy(g => g.Item1));
    }

    private static string[] Days(params string[] days) => days;

    private static JsonNode Deadline(JsonNode deadlines, string kind) =>
        deadlines["deadlines"]!.AsArray().Single(x => x!["kind"]!.GetValue<string>() == kind)!;

    private static void AssertDeadline(JsonNode deadlines, string kind, string due, string? metOn, bool overdue, int daysLate)
    {
        var found = Deadline(deadlines, kind);
        Assert.Equal((due, metOn, overdue, daysLate), (found["due"]!.GetValue<string>(), found["metOn"]?.GetValue<string>(), found["overdue"]!.GetValue<bool>(), found["daysLate"]!.GetValue<int>()));
    }

    private static List<(long, string, long, long)> Groups(JsonNode groups) =>
        [.. groups.AsArray().Select(g => (g!["id"]!.GetValue<long>(), g["label"]!.GetValue<string>(), g["overdue"]!.GetValue<long>(), g["deals"]!.GetValue<long>()))];
}

public sealed class SqliteDeadlineTests : DeadlineTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerDeadlineTests : DeadlineTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresDeadlineTests : DeadlineTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
