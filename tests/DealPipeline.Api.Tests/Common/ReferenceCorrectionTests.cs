namespace DealPipeline.Api.Tests;

/// <summary>Every Location the API answers can be followed, and reference data can be corrected with If-Match.</summary>
public abstract class ReferenceCorrectionTests : ApiTest
{
    [DbFact]
    public async Task Every_location_answered_by_a_create_can_be_followed()
    {
        var team = await Team("深圳招商工作组");
        var creations = new (string Path, object Body)[]
        {
            ("/api/v1/parks", new { name = "杭州医药港", city = "杭州" }),
            ("/api/v1/sectors", new { name = "生物医药" }),
            ("/api/v1/teams", new { name = "生物医药招商专班" }),
            ("/api/v1/users", new { name = "王磊", role = "officer", teamId = team }),
            ("/api/v1/companies", new { name = "杭州康源生物科技有限公司", country = "CN" }),
        };
        foreach (var (path, body) in creations)
        {
            var created = await Post(path, body);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var followed = await Client.GetAsync(created.Headers.Location);
            Assert.True(followed.StatusCode == HttpStatusCode.OK, $"{created.Headers.Location}: {(int)followed.StatusCode}");
            Assert.Equal("\"1\"", followed.Headers.ETag!.Tag);
            var createdBody = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
            Assert.Equal(createdBody["name"]!.GetValue<string>(), JsonNode.Parse(await followed.Content.ReadAsStringAsync())!["name"]!.GetValue<string>());
        }

        var user = Id(JsonNode.Parse(await (await Client.GetAsync("/api/v1/users")).Content.ReadAsStringAsync())!["items"]![0]!);
        var key = await Post($"/api/v1/users/{user}/keys", new { });
        var followedKey = await Client.GetAsync(key.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, followedKey.StatusCode);
        var keyBody = await followedKey.Content.ReadAsStringAsync();
        Assert.DoesNotContain("apiKey", keyBody, StringComparison.Ordinal);
        Assert.DoesNotContain("\"key\"", keyBody, StringComparison.Ordinal);
        await AssertProblem(await Client.GetAsync("/api/v1/parks/999"), HttpStatusCode.NotFound);
    }

    [DbFact]
    public async Task A_misspelt_name_is_corrected_with_if_match_and_a_taken_name_is_a_409()
    {
        var park = await Park("杭州医药巷", "杭州");
        await Park("济南国际医学科学中心", "济南");
        var patch = await Send(HttpMethod.Patch, $"/api/v1/parks/{park}", new { name = "杭州医药港" }, "application/merge-patch+json", new Dictionary<string, string> { ["If-Match"] = "\"1\"" });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("\"2\"", patch.Headers.ETag!.Tag);
        Assert.Equal("杭州医药港", (await GetOk($"/api/v1/parks/{park}"))["name"]!.GetValue<string>());

        var before = await Snapshot();
        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/parks/{park}", new { city = "北京" }, "application/merge-patch+json", new Dictionary<string, string> { ["If-Match"] = "\"1\"" }), HttpStatusCode.PreconditionFailed);
        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/parks/{park}", new { name = "济南国际医学科学中心" }, "application/merge-patch+json"), HttpStatusCode.Conflict);
        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/parks/{park}", new { name = "" }, "application/merge-patch+json"), HttpStatusCode.BadRequest, "name");
        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/parks/{park}", new { id = 9 }, "application/merge-patch+json"), HttpStatusCode.BadRequest, "id");
        Assert.Equal(before, await Snapshot());

        var company = await Company("福建示例生物科技", "91350100M000100Y43");
        var corrected = await Send(HttpMethod.Patch, $"/api/v1/companies/{company}", new { name = "福建示例生物科技有限公司", city = "福州" }, "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/companies/{company}", new { creditCode = "91350100M000100Y44" }, "application/merge-patch+json"), HttpStatusCode.BadRequest, "creditCode");

        var root = await Sector("生物医药");
        var child = await Sector("创新药", root);
        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/sectors/{child}", new { parentId = (long?)null }, "application/merge-patch+json"), HttpStatusCode.BadRequest, "parentId");
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Patch, $"/api/v1/sectors/{child}", new { name = "创新药物" }, "application/merge-patch+json")).StatusCode);
    }
}

public sealed class SqliteReferenceCorrectionTests : ReferenceCorrectionTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerReferenceCorrectionTests : ReferenceCorrectionTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresReferenceCorrectionTests : ReferenceCorrectionTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
