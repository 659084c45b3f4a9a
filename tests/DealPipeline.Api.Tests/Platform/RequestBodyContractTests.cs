using System.Text;

namespace DealPipeline.Api.Tests;

/// <summary>
/// The document's request bodies say what the service reads, in both directions: each example
/// is accepted by the validators, leaving out a member the document marks required is a 400
/// naming it, and leaving out any other member is never a 400 about it.
/// </summary>
public sealed class RequestBodyContractTests : ApiTest
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Seed"] = "true" };

    [Fact]
    public async Task Every_example_is_accepted_and_exactly_the_required_members_are_required()
    {
        var document = await Factory.OpenApiDocumentAsync();
        using var admin = Factory.ClientWithKey("dp_demo_admin_key");
        var checkedBodies = 0;
        var failures = new List<string>();
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method == "patch" || operation!["requestBody"]?["content"]?["application/json"] is not { } media)
                {
                    continue;
                }

                var example = media["example"]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"{method} {template} has no example body");
                var schema = Resolve(document, media["schema"]!);
                var required = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
                var path = template.Replace("{id}", "1", StringComparison.Ordinal).Replace("{currency}", "USD", StringComparison.Ordinal).Replace("{year}", "2026", StringComparison.Ordinal).Replace("{needId}", "1", StringComparison.Ordinal);
                checkedBodies++;

                var whole = await Send(admin, method, path, example);
                // The webhook example names a receiver on the internet, which these machines cannot resolve: that refusal only is expected.
                if (whole.Status == HttpStatusCode.BadRequest && !whole.Body.Contains("does not resolve", StringComparison.Ordinal))
                {
                    failures.Add($"{method} {template}: the example is refused: {whole.Body}");
                }

                Assert.All(required, member => Assert.True(example.ContainsKey(member), $"{method} {template}: the example leaves out required {member}"));
                foreach (var (member, _) in example)
                {
                    var without = example.DeepClone().AsObject();
                    without.Remove(member);
                    var answer = await Send(admin, method, path, without);
                    var named = answer.Status == HttpStatusCode.BadRequest && JsonNode.Parse(answer.Body)?["errors"]?[member] is not null;
                    if (required.Contains(member) && !named)
                    {
                        failures.Add($"{method} {template} without required {member}: {(int)answer.Status}, not a 400 naming it");
                    }
                    else if (!required.Contains(member) && named)
                    {
                        failures.Add($"{method} {template} without optional {member}: a 400 naming it: {answer.Body}");
                    }
                }
            }
        }

        Assert.True(checkedBodies >= 15, $"only {checkedBodies} bodies checked");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static JsonNode Resolve(JsonNode document, JsonNode schema) =>
        schema["$ref"] is { } reference ? document["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]]! : schema;

    private static async Task<(HttpStatusCode Status, string Body)> Send(HttpClient client, string method, string path, JsonObject body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
