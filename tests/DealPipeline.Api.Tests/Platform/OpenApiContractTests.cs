namespace DealPipeline.Api.Tests;

/// <summary>The OpenAPI document declares the headers, answers and parameter formats the API actually uses.</summary>
public sealed class OpenApiContractTests : ApiTest
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Every_operation_parameter_and_body_is_described_and_every_answer_says_what_it_always_carries()
    {
        var document = await Factory.OpenApiDocumentAsync();
        var missing = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (string.IsNullOrWhiteSpace(operation!["description"]?.GetValue<string>()) || string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()))
                {
                    missing.Add($"{method} {path}: summary or description");
                }

                missing.AddRange(operation["parameters"]?.AsArray()
                    .Where(p => string.IsNullOrWhiteSpace(p!["description"]?.GetValue<string>()))
                    .Select(p => $"{method} {path}: parameter {p!["name"]}") ?? []);
                missing.AddRange(operation["requestBody"]?["content"]?.AsObject()
                    .Where(c => c.Value!["example"] is null)
                    .Select(c => $"{method} {path}: an example {c.Key} body") ?? []);
            }
        }

        // Answers: every object schema lists what it always carries (webhook payloads leave nulls out and say so themselves).
        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject())
        {
            if (schema!["properties"] is JsonObject { Count: > 0 } && schema["required"] is null && !name.StartsWith("Create", StringComparison.Ordinal)
                && !name.EndsWith("Body", StringComparison.Ordinal) && name is not ("EventFields" or "DealFields" or "ProblemDetails" or "HttpValidationProblemDetails"))
            {
                missing.Add($"{name}: required");
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
        Assert.Equal([true], document["components"]!["schemas"]!["DealListItemDealTombstone"]!["properties"]!["deleted"]!["enum"]!.AsArray().Select(v => v!.GetValue<bool>()));
        Assert.Equal(["name", "companyId", "parkId", "sectorId", "intendedInvestment"], document["components"]!["schemas"]!["CreateDeal"]!["required"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public async Task Headers_answers_and_parameter_formats_are_declared_where_the_api_uses_them()
    {
        var paths = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!["paths"]!;
        static IEnumerable<JsonNode> Parameters(JsonNode operation) => operation["parameters"]!.AsArray().Select(p => p!);
        static JsonNode Parameter(JsonNode operation, string name) => Parameters(operation).Single(p => p["name"]!.GetValue<string>() == name);

        var patch = paths["/api/v1/deals/{id}"]!["patch"]!;
        Assert.Equal("header", Parameter(patch, "If-Match")["in"]!.GetValue<string>());
        Assert.NotNull(patch["responses"]!["412"]);
        Assert.NotNull(patch["responses"]!["415"]);

        var create = paths["/api/v1/deals"]!["post"]!;
        Assert.Equal("header", Parameter(create, "Idempotency-Key")["in"]!.GetValue<string>());
        Assert.NotNull(create["responses"]!["422"]!["content"]!["application/problem+json"]);
        Assert.NotNull(create["responses"]!["201"]!["headers"]!["Location"]);

        // A created resource that takes If-Match answers its ETag at once; one that has no version (an activity) does not say it does.
        foreach (var path in (string[])["/api/v1/deals", "/api/v1/parks", "/api/v1/users", "/api/v1/events"])
        {
            Assert.NotNull(paths[path]!["post"]!["responses"]!["201"]!["headers"]!["ETag"]);
        }

        Assert.Null(paths["/api/v1/deals/{id}/activities"]!["post"]!["responses"]!["201"]!["headers"]!["ETag"]);
        Assert.NotNull(create["responses"]!["429"]!["headers"]!["Retry-After"]);

        var list = paths["/api/v1/deals"]!["get"]!;
        var limit = Parameter(list, "limit")["schema"]!;
        Assert.Equal((1, 500, 50), (limit["minimum"]!.GetValue<int>(), limit["maximum"]!.GetValue<int>(), limit["default"]!.GetValue<int>()));
        Assert.Equal("date-time", Parameter(list, "updatedSince")["schema"]!["format"]!.GetValue<string>());
        Assert.NotNull(paths["/api/v1/deals/{id}"]!["get"]!["responses"]!["200"]!["headers"]!["ETag"]);

        var pipeline = paths["/api/v1/reports/pipeline"]!["get"]!;
        Assert.Contains("park,stage", Parameter(pipeline, "groupBy")["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("date", Parameter(pipeline, "asOf")["schema"]!["format"]!.GetValue<string>());
        Assert.Equal(["month", "quarter", "year"], Parameter(paths["/api/v1/reports/performance/series"]!["get"]!, "interval")["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));

        // What the document says is what the service does: a repeated key with another body is the declared 422.
        var w = await CreateWorld();
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "contract-1" };
        Assert.Equal(System.Net.HttpStatusCode.Created, (await Post("/api/v1/parks", new { name = "契约园区", city = "济南" }, headers)).StatusCode);
        await AssertProblem(await Post("/api/v1/parks", new { name = "另一个园区", city = "济南" }, headers), System.Net.HttpStatusCode.UnprocessableEntity);
        Assert.NotEqual(0, w.Park);
    }
}
