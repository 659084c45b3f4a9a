namespace DealPipeline.Api.Tests;

/// <summary>What the audit log keeps of every write: who, when, which command, and the entity before and after.</summary>
public abstract class AuditTests : ApiTest
{
    [DbFact]
    public async Task Every_write_leaves_an_audit_row_with_who_and_the_fields_before_and_after()
    {
        var world = await CreateWorld();
        var (officerId, officerKey) = await UserWithKey("黄婷", "officer", world.Team);
        using var officer = Factory.ClientWithKey(officerKey);
        var deal = Id(await Json(await Send(officer, HttpMethod.Post, "/api/v1/deals", new { name = "审计项目", companyId = world.Company, parkId = world.Park, sectorId = world.Drugs, intendedInvestment = 10 })));
        await Send(officer, HttpMethod.Patch, $"/api/v1/deals/{deal}", new { intendedInvestment = 20 });
        await Send(officer, HttpMethod.Post, $"/api/v1/deals/{deal}/transitions", new { to = "negotiation" });
        await Send(officer, HttpMethod.Post, $"/api/v1/deals/{deal}/status", new { status = "onHold" });
        await Send(officer, HttpMethod.Post, $"/api/v1/deals/{deal}/transitions", new { to = "letters" });
        await SetRate("USD", 7.2m, Today);
        await Send(HttpMethod.Delete, $"/api/v1/deals/{deal}");

        var all = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var page = await GetOk("/api/v1/audit?limit=3" + (cursor is null ? "" : "&cursor=" + cursor));
            all.AddRange(page["items"]!.AsArray().Select(i => i!.AsObject()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        // One row per write that succeeded: world (park, 2 sectors, team, user, company), the officer, then the scenario.
        Assert.Equal(
            ["CreatePark", "CreateSector", "CreateSector", "CreateTeam", "CreateUser", "CreateCompany", "CreateUser", "CreateDeal", "PatchDeal", "MoveDealStage", "ChangeDealStatus", "SetFxRate", "DeleteDeal"],
            all.Select(a => a["action"]!.GetValue<string>()));
        Assert.DoesNotContain(all, a => a.ToJsonString().Contains("apiKey\"", StringComparison.Ordinal) || a.ToJsonString().Contains(officerKey, StringComparison.Ordinal));
        var patch = all.Single(a => a["action"]!.GetValue<string>() == "PatchDeal");
        Assert.Equal(("deal", deal.ToString(System.Globalization.CultureInfo.InvariantCulture), officerId, $"user:{officerId}"), (patch["entity"]!.GetValue<string>(), patch["entityId"]!.GetValue<string>(), patch["userId"]!.GetValue<long>(), patch["actor"]!.GetValue<string>()));
        Assert.Equal(10m, Money(patch["before"]!["intendedInvestment"]));
        Assert.Equal(20m, Money(patch["after"]!["intendedInvestment"]));
        var delete = all[^1];
        Assert.Equal("bootstrap-admin", delete["actor"]!.GetValue<string>());
        Assert.Equal("negotiation", delete["before"]!["stage"]!.GetValue<string>());
        Assert.Null(delete["after"]);
        var history = (await GetOk($"/api/v1/audit?entity=deal&id={deal}"))["items"]!.AsArray();
        Assert.Equal(5, history.Count);
        Assert.Empty((await GetOk($"/api/v1/audit?from={DaysAgo(-1)}"))["items"]!.AsArray());
        Assert.Equal(all.Count, (await GetOk($"/api/v1/audit?from={Today}&to={Today}&limit=500"))["items"]!.AsArray().Count);
        await AssertProblem(await Client.GetAsync("/api/v1/audit?from=yesterday"), HttpStatusCode.BadRequest, "from");
    }
}

public sealed class SqliteAuditTests : AuditTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerAuditTests : AuditTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresAuditTests : AuditTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
