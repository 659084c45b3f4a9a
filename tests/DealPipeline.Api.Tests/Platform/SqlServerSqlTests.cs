using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DealPipeline.Api.Tests;

/// <summary>
/// SQL Server cannot run here, so its SQL is checked by Microsoft's own T-SQL parser: every
/// migration script, and every statement the service runs while a tour of the whole API goes
/// through it, rendered as it would be sent to SQL Server.
/// </summary>
public sealed partial class SqlServerSqlTests : ApiTest
{
    private readonly SqlServerRenderingDialect _dialect = new();

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Webhooks:AllowedNetworks:0"] = "127.0.0.1/32",
        ["Webhooks:RetryBaseSeconds"] = "0.1",
        ["Webhooks:PollMilliseconds"] = "100",
    };

    protected override Action<IServiceCollection>? Services => services =>
        services.AddSingleton(sp => new Database(sp.GetRequiredService<DatabaseOptions>(), _dialect));

    /// <summary>A tour call must succeed: a refused one would drop its statements from the parse check unnoticed.</summary>
    private static async Task Expect(Task<HttpResponseMessage> call, System.Net.HttpStatusCode status)
    {
        using var answer = await call;
        Assert.True(answer.StatusCode == status, $"{answer.RequestMessage?.Method} {answer.RequestMessage?.RequestUri}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
    }

    private static IList<ParseError> Parse(string sql)
    {
        var parser = new TSql150Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors;
    }

    /// <summary>Dapper expands "IN @list" into "IN (@list1, @list2 …)" before a statement is sent.</summary>
    private static string AsDapperSends(string sql) => ListParameter().Replace(sql, "IN (@${name}1, @${name}2)");

    [Fact]
    public void Every_sql_server_migration_parses()
    {
        var scripts = Migrator.ScriptsFor(new SqlServerDialect());

        Assert.NotEmpty(scripts);
        Assert.Equal(Migrator.ScriptsFor(new SqliteDialect()).Select(s => s.Version), scripts.Select(s => s.Version));
        foreach (var script in scripts)
        {
            var errors = Parse(script.Sql);
            Assert.True(errors.Count == 0, $"{script.Name}: {string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}"))}");
        }

        Assert.Empty(Parse(new SqlServerDialect().CreateSchemaVersionTable));
        var (take, release) = new SqlServerDialect().MigrationLock!.Value;
        Assert.Empty(Parse(take));
        Assert.Empty(Parse(release));
    }

    [Fact]
    public void The_parser_rejects_sqlite_syntax()
    {
        Assert.NotEmpty(Parse("SELECT id FROM deals ORDER BY id LIMIT @take"));
        Assert.NotEmpty(Parse("INSERT INTO parks (name) VALUES (@name) RETURNING id;"));
        Assert.NotEmpty(Parse(new SqliteDialect().CreateSchemaVersionTable));
        Assert.NotEmpty(Parse("SELECT 1 FROM deals WHERE stage IN @stages"));
    }

    [Fact]
    public async Task Every_statement_of_a_tour_of_the_api_parses_as_t_sql()
    {
        await Tour();

        var statements = _dialect.SqlServerStatements.Keys.ToList();
        Assert.True(statements.Count > 40, $"only {statements.Count} statements were recorded");
        Assert.Contains(statements, s => s.Contains("OUTPUT INSERTED.id", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Contains("FETCH NEXT @take ROWS ONLY", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Contains("UPDATE webhook_deliveries SET lease_owner", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Contains("INSERT INTO webhook_attempts", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Contains("OUTPUT INSERTED.id VALUES", StringComparison.Ordinal) && s.StartsWith("INSERT INTO changes", StringComparison.Ordinal));
        var failures = statements
            .Select(s => (Sql: s, Errors: Parse(AsDapperSends(s))))
            .Where(r => r.Errors.Count > 0)
            .Select(r => $"{r.Sql}\n  -> {string.Join("; ", r.Errors.Select(e => e.Message))}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>Every endpoint, every filter, sort and grouping, with cursors and an as-of date.</summary>
    private async Task Tour()
    {
        // Webhooks first, so that every write below goes through the outbox and the worker delivers it.
        await using var receiver = await LoopbackReceiver.StartAsync();
        receiver.Respond = r => r.Headers["webhook-id"] == "msg_1" ? 500 : 200;
        var hook = Id(await PostOk("/api/v1/webhooks", new { url = receiver.Address.ToString(), events = Features.Webhooks.WebhookEventTypes.All, description = "巡检" }));
        await GetOk("/api/v1/webhooks");
        await GetOk($"/api/v1/webhooks/{hook}");
        await Expect(Send(HttpMethod.Patch, $"/api/v1/webhooks/{hook}", new { paused = true }, "application/merge-patch+json"), System.Net.HttpStatusCode.OK);
        await Expect(Send(HttpMethod.Patch, $"/api/v1/webhooks/{hook}", new { paused = false, description = "巡检2" }, "application/merge-patch+json"), System.Net.HttpStatusCode.OK);
        await PostOk($"/api/v1/webhooks/{hook}/rotate-secret", new { overlapHours = 2 }, System.Net.HttpStatusCode.OK);
        var world = await CreateWorld();
        await SetRate("USD", 7.1m, DaysAgo(30));
        await SetRate("USD", 7.2m, DaysAgo(30));
        var a = Id(await Deal(world, new { source = "event", isKeyProject = true, openedOn = DaysAgo(20) }));
        var b = Id(await Deal(world, new { currency = "USD", stage = "signed", openedOn = DaysAgo(20) }, "Helix"));
        await Deal(world, new { source = "referral", referrerCompanyId = await Company("推荐企业") }, "C");
        await Move(a, "negotiation", DaysAgo(10));
        await SetStatus(a, "onHold", on: DaysAgo(5));
        await SetStatus(a, "active");
        await Move(b, "landed");
        await PostOk($"/api/v1/deals/{b}/milestones", new { kind = "constructionStarted", on = Today }, System.Net.HttpStatusCode.OK);
        await PostOk($"/api/v1/deals/{b}/funds", new { on = Today, amount = 1_000_000m, note = "首期" });
        await PostOk($"/api/v1/deals/{b}/funds", new { on = Today, amount = 2_000_000m });
        await GetOk($"/api/v1/deals/{b}/funds?limit=1&cursor={(await GetOk($"/api/v1/deals/{b}/funds?limit=1"))["nextCursor"]}");
        var chain = Id(await PostOk("/api/v1/chains", new { name = "生物医药", parkIds = new[] { world.Park }, leaderCompanyIds = new[] { world.Company } }));
        var upstream = Id(await PostOk($"/api/v1/chains/{chain}/links", new { name = "原料药", position = "upstream", sectorIds = new[] { world.Drugs } }));
        var sub = Id(await PostOk($"/api/v1/chains/{chain}/links", new { name = "中间体", position = "upstream", parentId = upstream }));
        await Expect(Send(HttpMethod.Patch, $"/api/v1/chains/{chain}", new { description = "巡检", parkIds = Array.Empty<long>() }, "application/merge-patch+json"), System.Net.HttpStatusCode.OK);
        await Expect(Send(HttpMethod.Patch, $"/api/v1/chains/{chain}/links/{sub}", new { parentId = (long?)null, position = "downstream" }, "application/merge-patch+json"), System.Net.HttpStatusCode.OK);
        await Expect(Send(HttpMethod.Put, $"/api/v1/chains/{chain}/links/{upstream}/companies/{world.Company}"), System.Net.HttpStatusCode.NoContent);
        await Expect(Send(HttpMethod.Put, $"/api/v1/chains/{chain}/links/{upstream}/deals/{b}"), System.Net.HttpStatusCode.NoContent);
        await Expect(Send(HttpMethod.Put, $"/api/v1/chains/{chain}/links/{upstream}/deals/{b}"), System.Net.HttpStatusCode.NoContent);
        await GetOk($"/api/v1/reports/chains/{chain}?status=any&sectorId={world.Biomed}");
        await GetOk($"/api/v1/chains?parkId={world.Park}");
        await GetOk($"/api/v1/deals?chainLinkId={upstream}&limit=5");
        await Expect(Send(HttpMethod.Delete, $"/api/v1/chains/{chain}/links/{upstream}/deals/{b}"), System.Net.HttpStatusCode.NoContent);
        await Expect(Send(HttpMethod.Delete, $"/api/v1/chains/{chain}/links/{sub}"), System.Net.HttpStatusCode.NoContent);
        await Expect(Send(HttpMethod.Put, "/api/v1/calendar/2026", new { holidays = new[] { new DateOnly(2026, 10, 1) }, workdays = new[] { new DateOnly(2026, 10, 10) } }), System.Net.HttpStatusCode.OK);
        await Expect(Send(HttpMethod.Put, "/api/v1/calendar/2026", new { holidays = new[] { new DateOnly(2026, 10, 2) } }), System.Net.HttpStatusCode.OK);
        await GetOk("/api/v1/calendar/2026");
        var rule = Id(await PostOk("/api/v1/deadline-rules", new { name = "亿元以上", minIntendedInvestment = 100_000_000m, answerWithin = new { count = 1, unit = "workingDays" }, reportEvery = new { count = 14, unit = "days" } }));
        await Expect(Send(HttpMethod.Patch, $"/api/v1/deadline-rules/{rule}", new { assessWithin = new { count = 3, unit = "workingDays" } }, "application/merge-patch+json"), System.Net.HttpStatusCode.OK);
        await PostOk("/api/v1/deadline-rules", new { name = "一般", minIntendedInvestment = 0m, answerWithin = new { count = 3, unit = "days" } });
        await GetOk("/api/v1/deadline-rules?limit=1");
        await GetOk($"/api/v1/deals/{b}/deadlines");
        await GetOk($"/api/v1/reports/overdue?teamId={world.Team}");
        var criteria = new object[] { new { key = "fit", name = "产业匹配度", weight = 60 }, new { key = "tech", name = "技术水平", weight = 40 } };
        var criteriaSet = Id(await PostOk("/api/v1/criteria-sets", new { name = "评价指标", criteria, bands = new object[] { new { key = "A", name = "优先", minScore = 80 }, new { key = "D", name = "暂缓", minScore = 0 } }, vetoes = new object[] { new { key = "env", name = "环保" } } }));
        await PostOk($"/api/v1/deals/{b}/scores", new { criteriaSetId = criteriaSet, scores = new object[] { new { criterion = "fit", score = 55.5m }, new { criterion = "tech", score = 30m } } });
        await Expect(Send(HttpMethod.Patch, $"/api/v1/criteria-sets/{criteriaSet}", new { name = "评价指标2", criteria = new object[] { new { key = "fit", name = "产业匹配度", weight = 50 }, new { key = "tech", name = "技术水平", weight = 50 } } }, "application/merge-patch+json"), System.Net.HttpStatusCode.OK);
        await PostOk($"/api/v1/deals/{b}/scores", new { criteriaSetId = criteriaSet, scores = new object[] { new { criterion = "fit", score = 50m }, new { criterion = "tech", score = 50m } }, vetoes = new object[] { new { veto = "env", reason = "环评" } } });
        await GetOk($"/api/v1/criteria-sets/{criteriaSet}/revisions/1");
        await GetOk("/api/v1/criteria-sets?limit=1");
        await GetOk($"/api/v1/deals/{b}/scores");
        await GetOk("/api/v1/deals?band=A,vetoed&limit=5");
        await GetOk($"/api/v1/reports/evaluation?criteriaSetId={criteriaSet}&status=any&parkId={world.Park}");
        await GetOk("/api/v1/reports/overdue?limit=1");
        await Expect(Send(HttpMethod.Patch, $"/api/v1/deals/{a}", new { name = "改名", ownerId = await User("周杰", "officer", await Team("深圳招商工作组")) }), System.Net.HttpStatusCode.OK);
        await GetOk($"/api/v1/deals/{a}/history?limit=1");
        await Expect(Post("/api/v1/parks", new { name = "幂等园区", city = "北京" }, new Dictionary<string, string> { ["Idempotency-Key"] = "tour" }), System.Net.HttpStatusCode.Created);
        await Expect(Post("/api/v1/parks", new { name = "幂等园区", city = "北京" }, new Dictionary<string, string> { ["Idempotency-Key"] = "tour" }), System.Net.HttpStatusCode.Created);
        foreach (var list in new[] { "parks", "sectors", "teams", "users", "companies?q=康", "changes?after=1", "history?updatedSince=2020-01-01T00:00:00Z&updatedBefore=2099-01-01T00:00:00Z", "activities" })
        {
            await GetOk($"/api/v1/{list}{(list.Contains('?', StringComparison.Ordinal) ? "&" : "?")}limit=1");
        }

        await GetOk("/api/v1/fx-rates");
        foreach (var (path, patch) in new (string, object)[]
                 {
                     ($"/api/v1/parks/{world.Park}", new { city = "杭州市" }), ($"/api/v1/teams/{world.Team}", new { name = "专班二" }),
                     ($"/api/v1/sectors/{world.Drugs}", new { name = "创新药物" }), ($"/api/v1/users/{world.Officer}", new { teamId = world.Team }),
                     ($"/api/v1/companies/{world.Company}", new { city = "杭州" }),
                 })
        {
            await GetOk(path);
            var corrected = await Send(HttpMethod.Patch, path, patch, "application/merge-patch+json");
            Assert.True(corrected.IsSuccessStatusCode, $"PATCH {path}: {(int)corrected.StatusCode}");
        }

        var filters = $"stage=contact,negotiation&status=active&parkId={world.Park}&sectorId={world.Biomed}&ownerId={world.Officer}&teamId={world.Team}" +
                      $"&source=event&sourceEventId=1&isKeyProject=true&q=%25&updatedSince=2020-01-01T00:00:00Z&includeDeleted=true";
        await GetOk("/api/v1/deals?" + filters);
        foreach (var sort in new[] { "id", "-id", "updatedAt", "-updatedAt", "openedOn", "-openedOn", "intendedInvestment", "-intendedInvestment", "name", "-name" })
        {
            var page = await GetOk($"/api/v1/deals?sort={sort}&limit=1");
            await GetOk($"/api/v1/deals?sort={sort}&limit=1&cursor={page["nextCursor"]}");
        }

        foreach (var groupBy in new[] { "stage", "sector", "park", "owner", "team", "source", "province", "city", "province,stage" })
        {
            await GetOk($"/api/v1/reports/pipeline?groupBy={groupBy}&parkId={world.Park}&sectorId={world.Biomed}&ownerId={world.Officer}&teamId={world.Team}&source=event&isKeyProject=true");
            await GetOk($"/api/v1/reports/pipeline?groupBy={groupBy}&asOf={DaysAgo(7)}&status=any");
        }

        await Expect(Send(HttpMethod.Delete, $"/api/v1/deals/{a}"), System.Net.HttpStatusCode.NoContent);
        await Client.GetAsync("/health/ready");

        // Keys, an officer's view of the deals, and the audit log.
        var (officer, key) = await UserWithKey("陈静", "officer", world.Team);
        using var asOfficer = Factory.ClientWithKey(key);
        await Expect(asOfficer.GetAsync("/api/v1/deals?limit=5"), System.Net.HttpStatusCode.OK);
        await Expect(asOfficer.GetAsync($"/api/v1/deals/{b}"), System.Net.HttpStatusCode.OK);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await asOfficer.GetAsync("/api/v1/users/me")).StatusCode);
        await GetOk($"/api/v1/deals/{b}/revisions");
        var spare = Id(await PostOk($"/api/v1/users/{officer}/keys", new { }));
        await GetOk($"/api/v1/users/{officer}/keys");
        await Expect(Send(HttpMethod.Delete, $"/api/v1/users/{officer}/keys/{spare}"), System.Net.HttpStatusCode.NoContent);
        await GetOk($"/api/v1/audit?entity=deal&id={a}&from={DaysAgo(1)}&to={Today}&limit=2");

        // Engagement: events, letters, activities, the event and stale reports.
        var forum = Id(await PostOk("/api/v1/events", new { name = "论坛", type = "forum", startsOn = DaysAgo(20), endsOn = DaysAgo(19), city = "博鳌", parkId = world.Park, visitorsReceived = 500 }));
        await Expect(Send(HttpMethod.Patch, $"/api/v1/events/{forum}", new { visitorsReceived = 520 }), System.Net.HttpStatusCode.OK);
        await GetOk($"/api/v1/events/{forum}");
        await GetOk($"/api/v1/events?from={DaysAgo(30)}&to={Today}&type=forum,promotion&limit=1");
        var c = Id(await Deal(world, new { source = "event", sourceEventId = forum, plannedLandingOn = Today, openedOn = DaysAgo(19) }, "论坛项目"));
        await PostOk($"/api/v1/deals/{c}/activities", new { type = "siteVisit", on = DaysAgo(2), summary = "考察" });
        await GetOk($"/api/v1/deals/{c}/activities?limit=1");
        await PostOk($"/api/v1/deals/{c}/activities", new { type = "call", on = DaysAgo(1), summary = "电话" });
        await GetOk($"/api/v1/deals/{c}/activities?limit=1&cursor={(await GetOk($"/api/v1/deals/{c}/activities?limit=1"))["nextCursor"]}");
        var letter = Id(await PostOk("/api/v1/letters", new { type = "intent", signedOn = DaysAgo(19), counterparty = "x", dealId = c, eventId = forum }));
        await GetOk($"/api/v1/letters/{letter}");
        await GetOk($"/api/v1/letters?type=intent,initiative&eventId={forum}&dealId={c}&from={DaysAgo(30)}&to={Today}&limit=1");
        await Expect(asOfficer.GetAsync("/api/v1/letters"), System.Net.HttpStatusCode.OK);
        await GetOk($"/api/v1/events/{forum}/report?plannedWithinYears=2");
        var stale = await GetOk($"/api/v1/reports/stale?days=1&limit=1&parkId={world.Park}&sectorId={world.Biomed}&ownerId={world.Officer}&teamId={world.Team}&source=event&isKeyProject=false");
        await GetOk($"/api/v1/reports/stale?days=1&limit=1&cursor={stale["nextCursor"]}");
        await Expect(asOfficer.GetAsync("/api/v1/reports/stale?days=1"), System.Net.HttpStatusCode.OK);

        // Management reports, targets and the export, filtered and not, today and in the past.
        await Expect(Send(HttpMethod.Put, $"/api/v1/targets/{DateTime.UtcNow.Year}", new { signedCount = 3, signedInvestment = 100m }), System.Net.HttpStatusCode.OK);
        await Expect(Send(HttpMethod.Put, $"/api/v1/targets/{DateTime.UtcNow.Year}", new { teamId = world.Team, landedCount = 1 }), System.Net.HttpStatusCode.OK);
        await GetOk($"/api/v1/targets/{DateTime.UtcNow.Year}");
        var filters2 = $"parkId={world.Park}&sectorId={world.Biomed}&ownerId={world.Officer}&teamId={world.Team}&source=event&isKeyProject=true";
        await GetOk($"/api/v1/reports/performance?year={DateTime.UtcNow.Year}");
        await GetOk($"/api/v1/reports/performance?from={DaysAgo(60)}&to={DaysAgo(10)}&{filters2}");
        await GetOk($"/api/v1/reports/performance?year={DateTime.UtcNow.Year}&teamId={world.Team}");
        await GetOk($"/api/v1/reports/funnel?from={DaysAgo(60)}&to={Today}&{filters2}");
        await GetOk($"/api/v1/reports/funnel?from={DaysAgo(60)}&to={Today}");
        var csv = await asOfficer.GetAsync($"/api/v1/export/deals.csv?stage=contact,signed&status=active&q=%25&updatedSince=2020-01-01T00:00:00Z&sourceEventId={forum}&{filters2}");
        Assert.Equal(System.Net.HttpStatusCode.OK, csv.StatusCode);

        Assert.True(await receiver.WaitForAsync(r => r.Headers["webhook-id"] == "msg_2", TimeSpan.FromSeconds(20)), "the worker delivered");
        var deliveries = (await GetOk($"/api/v1/webhooks/{hook}/deliveries?status=succeeded&limit=5"))["items"]!.AsArray();
        await GetOk($"/api/v1/webhooks/{hook}/deliveries?limit=5");
        await PostOk($"/api/v1/webhooks/{hook}/deliveries/{Id(deliveries[0]!)}/redeliver", new { }, System.Net.HttpStatusCode.Accepted);
        await Expect(Send(HttpMethod.Delete, $"/api/v1/webhooks/{hook}"), System.Net.HttpStatusCode.NoContent);
    }

    [GeneratedRegex(@"IN @(?<name>\w+)")]
    private static partial Regex ListParameter();
}
