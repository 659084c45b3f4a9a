namespace DealPipeline.Api.Tests;

/// <summary>Problem answers are what the OpenAPI document declares for their operation and status: traceId and code included.</summary>
public sealed class ProblemSchemaTests : ApiTest
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Each_kind_of_problem_matches_the_schema_declared_for_its_operation_and_status()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;
        var w = await CreateWorld();
        var deal = Id(await Deal(w));
        using var anonymous = Factory.ClientWithKey(null);
        var cases = new List<(string Path, string Method, HttpResponseMessage Answer)>
        {
            ("/api/v1/deals", "post", await Post("/api/v1/deals", new { })),
            ("/api/v1/deals", "get", await Client.GetAsync("/api/v1/deals?bogus=1")),
            ("/api/v1/deals", "get", await anonymous.GetAsync("/api/v1/deals")),
            ("/api/v1/deals/{id}", "get", await Client.GetAsync("/api/v1/deals/424242")),
            ("/api/v1/deals/{id}/transitions", "post", await Send(HttpMethod.Post, $"/api/v1/deals/{deal}/transitions", new { to = "negotiation" }, headers: new Dictionary<string, string> { ["If-Match"] = "\"9\"" })),
            ("/api/v1/deals/{id}/transitions", "post", await Post($"/api/v1/deals/{deal}/transitions", new { to = "contact" })),
        };

        Assert.Equal(
            [HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.NotFound, HttpStatusCode.PreconditionFailed, HttpStatusCode.Conflict],
            cases.Select(c => c.Answer.StatusCode));
        foreach (var (path, method, answer) in cases)
        {
            var status = ((int)answer.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var declared = document["paths"]![path]![method]!["responses"]![status]?["content"]?["application/problem+json"]?["schema"];
            Assert.True(declared is not null, $"{method} {path} does not declare {status} as problem+json");
            var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
            var problems = JsonSchemaCheck.Mismatches(document, declared!, body, "$");
            Assert.True(problems.Count == 0, $"{method} {path} {status}: {string.Join("; ", problems)}");
            Assert.False(string.IsNullOrEmpty(body["code"]?.GetValue<string>()));
        }
    }
}
