using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using DealPipeline.Api;

namespace DealPipeline.Api.Tests.Infrastructure;

/// <summary>
/// Every answer a test receives from the service, checked against the service's own OpenAPI
/// document: the operation (path template and method) must declare the status, the status must
/// declare the answer's content type, and a JSON body must match that content's schema; the
/// headers the document promises (Location, ETag, Retry-After) must be there. A mismatch fails
/// the test that received the answer, with what did not match.
/// </summary>
public sealed class ContractCheck(Func<Task<JsonNode>> loadDocument, Func<IReadOnlyList<string>> untranslated) : DelegatingHandler
{
    private JsonNode? _document;
    private List<(Regex Pattern, string Template)>? _paths;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await base.SendAsync(request, cancellationToken);
        // Routing ignores one trailing slash.
        var path = request.RequestUri!.AbsolutePath is { Length: > 1 } absolute && absolute.EndsWith('/') ? absolute[..^1] : request.RequestUri.AbsolutePath;
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return response;
        }

        _document ??= await loadDocument();
        var problems = await MismatchesAsync(_document, request.Method.Method, path, response, cancellationToken);
        problems.AddRange(untranslated().Select(text => $"\"{text}\" is a problem text no ProblemTexts or RuleTexts entry declares, so a caller preferring zh gets it in English"));
        if (problems.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(
                $"{request.Method} {request.RequestUri.PathAndQuery} answered {(int)response.StatusCode}, which the OpenAPI document does not describe:\n  "
                + string.Join("\n  ", problems.Take(20)));
        }

        return response;
    }

    private async Task<List<string>> MismatchesAsync(JsonNode document, string method, string path, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        _paths ??= [.. document["paths"]!.AsObject().Select(p => (
            new Regex("^" + Regex.Replace(Regex.Escape(p.Key), @"\\\{[^}]+}", "[^/]+") + "$", RegexOptions.None, TimeSpan.FromSeconds(1)),
            p.Key))];

        // The most specific template first: /deals/changes before /deals/{id}.
        var template = _paths.Where(p => p.Pattern.IsMatch(path)).OrderBy(p => p.Template.Count(c => c == '{')).Select(p => p.Template).FirstOrDefault();
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (template is null)
        {
            // A path the API does not have: 404 (or the key or the budget refused first), a problem like any other.
            return status is "404" or "401" or "429" ? await ProblemOnlyAsync(document, response, cancellationToken) : [$"no path of the document matches {path}"];
        }

        var operation = document["paths"]![template]![method.ToLowerInvariant()];
        if (operation is null)
        {
            // A method the path does not have: 405, unless the key or the budget was refused first.
            return status is "405" or "401" or "429" ? await ProblemOnlyAsync(document, response, cancellationToken) : [$"{template} has no {method} operation"];
        }

        var responses = operation["responses"]!.AsObject();
        var declared = responses[status] ?? responses[status[0] + "XX"] ?? responses["default"];
        if (declared is null)
        {
            return [$"{method} {template} does not declare {status} (declared: {string.Join(", ", responses.Select(r => r.Key))})"];
        }

        var problems = new List<string>();
        foreach (var (name, header) in declared["headers"]?.AsObject() ?? [])
        {
            if (header?["required"]?.GetValue<bool>() == true && !response.Headers.NonValidated.Contains(name) && !response.Content.Headers.NonValidated.Contains(name))
            {
                problems.Add($"the {name} header is required but absent");
            }
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var content = declared["content"]?.AsObject();
        var length = response.Content.Headers.ContentLength;
        if (mediaType is null)
        {
            if (content is { Count: > 0 } && length is not 0 && status != "204" && status != "304")
            {
                problems.Add($"the answer has no content type; the document declares {string.Join(", ", content.Select(c => c.Key))}");
            }

            return problems;
        }

        var media = content?[mediaType];
        if (media is null)
        {
            problems.Add($"the answer is {mediaType}; the document declares {(content is null ? "no content" : string.Join(", ", content.Select(c => c.Key)))}");
            return problems;
        }

        if (IsJson(response.Content.Headers.ContentType) && media["schema"] is { } schema)
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            problems.AddRange(JsonSchemaCheck.Mismatches(document, schema, body, "$"));
            problems.AddRange(Untranslated(response, body));
        }

        return problems;
    }

    /// <summary>Every problem says its language.</summary>
    private static IEnumerable<string> Untranslated(HttpResponseMessage response, JsonNode? body)
    {
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json" && body is JsonObject
            && !response.Content.Headers.ContentLanguage.Any(l => l is Http.Languages.English or Http.Languages.Chinese))
        {
            yield return "a problem without Content-Language";
        }
    }

    private static async Task<List<string>> ProblemOnlyAsync(JsonNode document, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return [$"a {(int)response.StatusCode} is {response.Content.Headers.ContentType?.MediaType ?? "without content"}, not application/problem+json"];
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return JsonSchemaCheck.Mismatches(document, JsonNode.Parse("""{"$ref":"#/components/schemas/ProblemDetails"}""")!, body, "$");
    }

    private static bool IsJson(MediaTypeHeaderValue? type) =>
        type?.MediaType is { } media && (media == "application/json" || media.EndsWith("+json", StringComparison.Ordinal));
}
