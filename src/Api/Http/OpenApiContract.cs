using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DealPipeline.Api.Http;

/// <summary>
/// What the framework cannot infer from the handlers, declared on every operation the same way:
/// the headers the API reads and writes (If-Match, Idempotency-Key; ETag, Location, Retry-After),
/// the answers every such operation can give (412, 422, 415), and the formats, bounds and values
/// of the query parameters that recur across the API.
/// </summary>
public sealed class OpenApiContract : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, (JsonSchemaType Type, string? Format, string Description)> Dates = new(StringComparer.Ordinal)
    {
        ["from"] = (JsonSchemaType.String, "date", "First day (YYYY-MM-DD, China Standard Time), inclusive."),
        ["to"] = (JsonSchemaType.String, "date", "Last day (YYYY-MM-DD, China Standard Time), inclusive."),
        ["asOf"] = (JsonSchemaType.String, "date", "The day whose end the report describes (YYYY-MM-DD, China Standard Time); default today."),
        ["updatedSince"] = (JsonSchemaType.String, "date-time", "Rows written at or after this instant (ISO 8601): since ≤ updatedAt < before."),
        ["updatedBefore"] = (JsonSchemaType.String, "date-time", "Rows written before this instant (ISO 8601), with updatedSince a half-open window."),
    };

    private static readonly Dictionary<string, string[]> Values = new(StringComparer.Ordinal)
    {
        ["groupBy"] = ["stage", "sector", "park", "owner", "team", "source", "sector,stage", "park,stage", "owner,stage", "team,stage", "source,stage"],
        ["interval"] = ["month", "quarter", "year"],
        ["lang"] = ["zh-CN", "en"],
    };

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var method = context.Description.HttpMethod ?? "GET";
        operation.Parameters ??= [];
        operation.Responses ??= [];
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query))
        {
            Describe(parameter);
        }

        var responses = operation.Responses;
        var problem = await context.GetOrCreateSchemaAsync(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), null, cancellationToken);
        var validation = await context.GetOrCreateSchemaAsync(typeof(HttpValidationProblemDetails), null, cancellationToken);
        var description = context.Description;
        var authenticated = description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any()
            && !description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any();
        var hasBody = description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body) || operation.RequestBody is not null;

        // Answers any operation of the kind can give, whatever its handler does: a query parameter it does not know (every
        // operation), a missing key, an exhausted budget, a service stopping or a database out of reach; a path whose id is not
        // a number or names nothing; a body too large or of another type.
        responses.TryAdd("400", Problem("The request is malformed: a query parameter the operation does not know, a value out of range, or (with a body) a field named in errors.", validation));
        if (authenticated)
        {
            responses.TryAdd("401", Problem("No API key, or one that is unknown, revoked or expired.", problem));
        }

        responses.TryAdd("429", Problem("Too many requests from this key (or, without a known key, this address).", problem));
        responses.TryAdd("503", Problem("The service is stopping or its database is out of reach: nothing was applied; retry after Retry-After.", problem));
        if (description.RelativePath?.Contains('{', StringComparison.Ordinal) == true)
        {
            responses.TryAdd("404", Problem("Nothing the caller may see has this id.", problem));
        }

        if (hasBody)
        {
            responses.TryAdd("413", Problem("The body is larger than the service accepts (1 MiB).", problem));
            responses.TryAdd("415", Problem("The body is not JSON (application/json, or application/merge-patch+json for a PATCH).", problem));
        }

        // What the endpoint declares without a body type (streamed files, 304) is not carried over by the generator: declared here.
        foreach (var produced in description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>().Where(r => r.Type is null || r.Type == typeof(void)))
        {
            var key = produced.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!responses.TryGetValue(key, out var declared) || declared is not OpenApiResponse file)
            {
                responses[key] = file = new OpenApiResponse { Description = produced.StatusCode == StatusCodes.Status304NotModified ? "Not Modified: the copy the client holds is current." : "OK" };
            }

            if (produced.ContentTypes.Any() && file.Content is null or { Count: 0 })
            {
                file.Content = produced.ContentTypes.ToDictionary(
                    type => type,
                    type => new OpenApiMediaType
                    {
                        Schema = type.StartsWith("text/", StringComparison.Ordinal)
                            ? new OpenApiSchema { Type = JsonSchemaType.String, Description = "UTF-8 text with a byte-order mark, one header row." }
                            : new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "An Office Open XML workbook." },
                    });
            }
        }

        if (responses.ContainsKey("304"))
        {
            operation.Parameters.Add(Header("If-None-Match", "The ETag of a copy the client holds: 304 Not Modified, without a body, while the answer would be the same."));
            if (responses.TryGetValue("200", out var fresh) && fresh is OpenApiResponse ok)
            {
                ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
                ok.Headers.TryAdd("ETag", HeaderOf("Identifies this answer, for If-None-Match.", null));
            }
        }
        operation.Parameters.Add(Header(
            "Accept-Language",
            "The caller's languages (RFC 9110): zh (Chinese) or en. Problem titles and details, report labels and export headers follow it; answers that depend on it say Content-Language."));
        if (responses.ContainsKey("412"))
        {
            operation.Parameters.Add(Header("If-Match", "The ETag the change was based on (the version, as \"3\"); a stale one is a 412, * matches any."));
        }

        if (method == "POST")
        {
            operation.Parameters.Add(Header(
                "Idempotency-Key",
                $"Up to {Idempotency.MaxKeyLength} printable characters: the request is applied at most once; a repeat with the same key and body gets the first answer (Idempotent-Replayed: true), another body a 422."));
            responses.TryAdd("422", Problem("The Idempotency-Key was used with another request.", problem));
        }

        if (method == "PATCH")
        {
            responses["415"] = Problem("The patch is not application/merge-patch+json or application/json.", problem);
        }

        foreach (var (status, response) in responses.Where(r => r.Value is OpenApiResponse))
        {
            var answer = (OpenApiResponse)response;
            answer.Headers ??= new Dictionary<string, IOpenApiHeader>();
            if (answer.Content?.ContainsKey(ProblemWriter.ContentType) == true || (status == "200" && operation.Tags?.Any(t => t.Name == "Reports") == true))
            {
                answer.Headers.TryAdd("Content-Language", HeaderOf("zh-CN or en: the language of the titles and messages (problems), labels or headers (reports and exports), after Accept-Language.", null));
            }

            switch (status)
            {
                case "201":
                    answer.Headers.TryAdd("Location", HeaderOf("The new resource's path (a relative reference).", null));
                    break;
                case "200" when method != "POST" && VersionedPaths(context).Contains(context.Description.RelativePath ?? ""):
                    answer.Headers.TryAdd("ETag", HeaderOf("The resource's version, for If-Match.", null));
                    break;
                case "429" or "503":
                    answer.Headers.TryAdd("Retry-After", HeaderOf("Seconds to wait before retrying.", "integer"));
                    break;
            }
        }

    }

    /// <summary>The paths with an operation that can answer 412: their resources are versioned, and their reads and changes answer an ETag.</summary>
    private static HashSet<string> VersionedPaths(OpenApiOperationTransformerContext context) =>
        [.. context.ApplicationServices.GetRequiredService<Microsoft.AspNetCore.Mvc.ApiExplorer.IApiDescriptionGroupCollectionProvider>()
            .ApiDescriptionGroups.Items.SelectMany(g => g.Items)
            .Where(d => d.SupportedResponseTypes.Any(r => r.StatusCode == StatusCodes.Status412PreconditionFailed))
            .Select(d => d.RelativePath ?? "")];

    private static void Describe(OpenApiParameter parameter)
    {
        if (parameter.Schema is not OpenApiSchema schema)
        {
            return;
        }

        if (Dates.TryGetValue(parameter.Name ?? "", out var date))
        {
            schema.Type = date.Type;
            schema.Format = date.Format;
            parameter.Description ??= date.Description;
        }
        else if (parameter.Name == "limit")
        {
            schema.Type = JsonSchemaType.Integer;
            schema.Minimum = "1";
            schema.Maximum = Cursor.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            schema.Default = JsonValue.Create(Cursor.DefaultLimit);
            parameter.Description ??= $"Items per page, 1 to {Cursor.MaxLimit} (default {Cursor.DefaultLimit}).";
        }
        else if (parameter.Name == "cursor")
        {
            parameter.Description ??= "The nextCursor of the previous page (opaque, sealed to the caller and the query); or follow next.";
        }
        else if (parameter.Name is { } name && Values.TryGetValue(name, out var values))
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v)!)];
        }
    }

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static OpenApiHeader HeaderOf(string description, string? type) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = type == "integer" ? JsonSchemaType.Integer : JsonSchemaType.String },
    };

    private static OpenApiResponse Problem(string description, IOpenApiSchema schema) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
    };
}
