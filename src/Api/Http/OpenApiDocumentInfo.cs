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
                "Request bodies are limited to 1 MiB (413); unknown JSON fields are refused (400).",
        };
        return Task.CompletedTask;
    }
}
