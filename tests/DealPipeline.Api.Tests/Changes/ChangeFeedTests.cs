using System.Collections.Concurrent;
using Dapper;

namespace DealPipeline.Api.Tests;

/// <summary>The change feed: every committed write once, in commit order, whatever the writers do.</summary>
public abstract class ChangeFeedTests : ApiTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["RateLimit:PermitsPerSecond"] = "100000",
        ["RateLimit:Burst"] = "100000",
    };

    private static async Task<JsonObject> Changes(HttpClient client, long after, int limit = 500)
    {
        var response = await client.GetAsync($"/api/v1/changes?after={after}&limit={limit}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    [DbFact]
    public async Task A_reader_polling_while_eight_writers_write_sees_every_change_exactly_once_in_order()
    {
        var w = await CreateWorld();
        var seen = new List<long>();
        var after = 0L;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var writers = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var deal = Id(await Deal(w, name: $"写入者{i}-{n}"));
                if (n % 2 == 0)
                {
                    await Move(deal, "negotiation");
                }
            }
        })).ToList();

        // The reader polls all along, storing the last sequence it saw, as a BI tool would.
        while (writers.Any(t => !t.IsCompleted))
        {
            var page = await Changes(Client, after, 50);
            seen.AddRange(page["items"]!.AsArray().Select(i => i!["sequence"]!.GetValue<long>()));
            after = page["lastSequence"]!.GetValue<long>();
        }

        await Task.WhenAll(writers);
        JsonObject last;
        do
        {
            last = await Changes(Client, after, 50);
            seen.AddRange(last["items"]!.AsArray().Select(i => i!["sequence"]!.GetValue<long>()));
            after = last["lastSequence"]!.GetValue<long>();
        }
        while (last["nextCursor"] is not null);

        await using var session = new DbSession(Factory.Database);
        var committed = (await session.QueryAsync<long>(
            $"SELECT {session.Dialect.ChangeSequence("c")} FROM changes c ORDER BY {session.Dialect.ChangeSequence("c")}", null, default)).ToList();
        var writes = await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE entity <> 'apiKey'", null, default);
        Assert.True(committed.Count > 100, $"only {committed.Count} changes");
        Assert.Equal(writes, committed.Count);
        Assert.Equal(committed, seen);
    }

    [DbFact]
    public async Task Items_say_what_changed_and_changes_of_hidden_deals_are_left_out()
    {
        var w = await CreateWorld();
        var otherTeam = await Team("深圳招商工作组");
        var owner = await User("周杰", "officer", otherTeam);
        var (_, outsiderKey) = await UserWithKey("外人", "officer", w.Team);
        var open = Id(await Deal(w));
        await Move(open, "negotiation");
        var secret = Id(await Deal(w, new { ownerId = owner, confidential = true, codeName = "Falcon" }, "保密项目"));
        await PostOk($"/api/v1/deals/{secret}/activities", new { type = "call", on = Today, summary = "电话" });
        await SetStatus(open, "lost", "funding");

        var all = (await Changes(Client, 0))["items"]!.AsArray();
        var deals = all.Where(i => i!["entity"]!.GetValue<string>() == "deal").Select(i => (Id: i!["id"]!.GetValue<string>(), Kind: i["kind"]!.GetValue<string>(), Version: i["version"]?.GetValue<int>())).ToList();
        Assert.Equal([(open.ToString(System.Globalization.CultureInfo.InvariantCulture), "created", 1), (open.ToString(System.Globalization.CultureInfo.InvariantCulture), "stageChanged", 2), (secret.ToString(System.Globalization.CultureInfo.InvariantCulture), "created", 1), (open.ToString(System.Globalization.CultureInfo.InvariantCulture), "statusChanged", 3)], deals);
        Assert.Contains(all, i => i!["entity"]!.GetValue<string>() == "activity" && i["kind"]!.GetValue<string>() == "created");
        Assert.DoesNotContain(all, i => i!["entity"]!.GetValue<string>() == "apiKey");

        using var outsider = Factory.ClientWithKey(outsiderKey);
        var visible = (await Changes(outsider, 0))["items"]!.AsArray();
        Assert.DoesNotContain(visible, i => i!["entity"]!.GetValue<string>() is "deal" or "activity" && i["id"]!.GetValue<string>() == secret.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(visible, i => i!["entity"]!.GetValue<string>() == "activity");
        Assert.Equal(all.Count - 2, visible.Count);
        await AssertProblem(await Client.GetAsync("/api/v1/changes?after=-1"), HttpStatusCode.BadRequest, "after");
    }
}

public sealed class SqliteChangeFeedTests : ChangeFeedTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerChangeFeedTests : ChangeFeedTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresChangeFeedTests : ChangeFeedTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
