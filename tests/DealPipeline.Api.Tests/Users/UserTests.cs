namespace DealPipeline.Api.Tests;

/// <summary>Users: a role, an optional team, and keys that follow a role change at once.</summary>
public abstract class UserTests : ApiTest
{
    [DbFact]
    public async Task Users_have_a_role_and_an_optional_existing_team()
    {
        var team = await Team("数字健康招商专班");

        var user = await PostOk("/api/v1/users", new { name = "李娜", role = "manager", teamId = team });

        Assert.Equal("manager", user["role"]!.GetValue<string>());
        Assert.Equal(team, user["teamId"]!.GetValue<long>());
        await AssertProblem(await Post("/api/v1/users", new { name = "x", role = "boss" }), HttpStatusCode.BadRequest, "role");
        await AssertProblem(await Post("/api/v1/users", new { name = "x", role = "officer", teamId = 404 }), HttpStatusCode.BadRequest, "teamId");
        await AssertProblem(await Post("/api/v1/users", new { name = "x" }), HttpStatusCode.BadRequest, "role");
        var users = (await GetOk("/api/v1/users"))["items"]!.AsArray();
        Assert.Single(users);
    }

    [DbFact]
    public async Task A_role_changed_by_an_admin_takes_effect_on_the_users_keys_at_once()
    {
        var (analyst, key) = await UserWithKey("BI", "analyst");
        using var client = Factory.ClientWithKey(key);
        await AssertProblem(await Send(client, HttpMethod.Post, "/api/v1/companies", new { name = "某企业", country = "CN" }), HttpStatusCode.Forbidden);

        var promoted = await Send(HttpMethod.Patch, $"/api/v1/users/{analyst}", new { role = "officer" }, "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Send(client, HttpMethod.Post, "/api/v1/companies", new { name = "某企业", country = "CN" })).StatusCode);
        await AssertProblem(await Send(client, HttpMethod.Patch, $"/api/v1/users/{analyst}", new { role = "admin" }, "application/merge-patch+json"), HttpStatusCode.Forbidden);
    }
}

public sealed class SqliteUserTests : UserTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerUserTests : UserTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresUserTests : UserTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
