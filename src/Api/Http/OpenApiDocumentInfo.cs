using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DealPipeline.Api.Http;

/// <summary>The document's title and the conventions that apply to every operation.</summary>
public sealed class OpenApiDocumentInfo : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "DealPipeline API",
            Version = "v1",
            Description =
                "The deal pipeline of an investment-promotion (招商引资) office. Money is a JSON number exact to two decimals, in the deal's " +
                "currency (report totals in CNY); it is stored as integer minor units and summed exactly. Business dates are YYYY-MM-DD in " +
                "China Standard Time; timestamps are UTC. Errors are application/problem+json (RFC 9457) with errors per field on 400. " +
                "Lists take limit (1-500, default 50) and an opaque cursor, and answer {items, nextCursor}. GET of a deal returns an ETag " +
                "(its version); PATCH and the deal actions accept If-Match and answer 412 when it is stale. A POST with an Idempotency-Key " +
                "header is applied at most once: a repeat with the same key and body replays the first response, another body is a 422. " +
                "Request bodies are limited to 1 MiB (413); unknown JSON fields are refused (400). Every /api call needs an API key " +
                "(X-Api-Key or Authorization: Bearer): none, unknown or revoked is a 401, a role without the right a 403. Roles: admin " +
                "(users, keys, reference data, deletes, audit), manager (all deals and reports), officer (creates deals; changes those " +
                "they own or their team owns; sees all but others' confidential deals), analyst (reads only). Each key may make " +
                "100 requests a second with bursts of 200 (429 with Retry-After beyond). Responses are Cache-Control: no-store.",
        };
        // The server is the origin the request came to (forwarded headers honoured from known proxies), without a trailing slash: paths start with one.
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        // Every /api operation needs a key: X-Api-Key, or the same key as a bearer token.
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            ["ApiKey"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "An API key (POST /api/v1/users or /api/v1/users/{id}/keys issues one), or Auth:BootstrapAdminKey.",
            },
            ["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The same API key sent as Authorization: Bearer <key>.",
            },
        };
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] },
        ];
        return Task.CompletedTask;
    }
}
