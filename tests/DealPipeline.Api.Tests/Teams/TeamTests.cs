namespace DealPipeline.Api.Tests;

/// <summary>Task forces (工作专班): created, listed, unique by name, corrected with If-Match.</summary>
public abstract class TeamTests : ApiTest
{
    [DbFact]
    public async Task Teams_are_created_listed_unique_by_name_and_corrected_with_if_match()
    {
        var created = await Post("/api/v1/teams", new { name = " 合成生物招商专班 " });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var team = (await Json(created))["id"]!.GetValue<long>();
        Assert.Equal($"/api/v1/teams/{team}", created.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", created.Headers.ETag!.Tag);
        await PostOk("/api/v1/teams", new { name = "深圳招商工作组" });

        var before = await Snapshot();
        await AssertProblem(await Post("/api/v1/teams", new { name = "合成生物招商专班" }), HttpStatusCode.Conflict);
        await AssertProblem(await Post("/api/v1/teams", new { name = " " }), HttpStatusCode.BadRequest, "name");
        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/teams/{team}", new { name = "深圳招商工作组" }, "application/merge-patch+json"), HttpStatusCode.Conflict);
        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/teams/{team}", new { name = "改名" }, "application/merge-patch+json", new Dictionary<string, string> { ["If-Match"] = "\"7\"" }), HttpStatusCode.PreconditionFailed);
        Assert.Equal(before, await Snapshot());

        var renamed = await Send(HttpMethod.Patch, $"/api/v1/teams/{team}", new { name = "合成生物与生物制造专班" }, "application/merge-patch+json", new Dictionary<string, string> { ["If-Match"] = "\"1\"" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("\"2\"", renamed.Headers.ETag!.Tag);
        var list = await GetOk("/api/v1/teams");
        Assert.Equal(["合成生物与生物制造专班", "深圳招商工作组"], list["items"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
    }
}

public sealed class SqliteTeamTests : TeamTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerTeamTests : TeamTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresTeamTests : TeamTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
