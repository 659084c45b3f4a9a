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
        document.Tags = new HashSet<OpenApiTag>(
            Tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }),
            new TagNames());

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

    private static readonly Dictionary<string, string> Tags = new(StringComparer.Ordinal)
    {
        ["Deals"] = "Project leads (招商项目) through their stages: contact, negotiation, the three letters, signed, landed; their history, revisions, status and milestones.",
        ["Letters"] = "The three letters (倡议书, 意向书, 聘书) signed with companies, with a deal or at an event.",
        ["Events"] = "Promotion events (招商活动): forums, promotions, outbound trips, exhibitions, and what each yielded.",
        ["Reports"] = "The managers' figures: pipeline, performance, funnel, targets, stale deals, industry chains, overdue deadlines; and exports for Excel and BI tools.",
        ["Chains"] = "Industry chains (产业链) for chain-based promotion: links up-, mid- and downstream, chain leaders (链主), and the companies and deals attached to each link.",
        ["Evaluation"] = "The evaluation index (指标评价体系): criteria sets with weights, bands and veto items (一票否决), revised when changed after scoring.",
        ["Deadlines"] = "Response deadlines (服务时限): the office's working-day calendar (holidays and 调休) and the deadline rules per class of lead.",
        ["Feeds"] = "Incremental pulls for BI tools: history, activities and letters written in a window.",
        ["Changes"] = "Every committed write in commit order, for keeping a copy in step.",
        ["Companies"] = "The companies deals are with, by unified social credit code.",
        ["Parks"] = "The parks (园区) where deals land.",
        ["Sectors"] = "The sector tree (产业/赛道) deals belong to.",
        ["Teams"] = "Task forces (工作专班) of officers.",
        ["Users"] = "People and BI tools, their roles and their API keys.",
        ["FX rates"] = "Rates for converting deals in other currencies to CNY in reports.",
        ["Webhooks"] = "Subscriptions that receive signed events as they are committed; their deliveries.",
        ["Audit"] = "Who wrote what, with the entity before and after.",
        ["Admin"] = "Operations: backups.",
    };

    private sealed class TagNames : IEqualityComparer<OpenApiTag>
    {
        public bool Equals(OpenApiTag? x, OpenApiTag? y) => string.Equals(x?.Name, y?.Name, StringComparison.Ordinal);

        public int GetHashCode(OpenApiTag obj) => StringComparer.Ordinal.GetHashCode(obj.Name ?? "");
    }
}
