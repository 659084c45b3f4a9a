using System.Text.Json;
using DealPipeline.Api.Application;

namespace DealPipeline.Api.Http;

/// <summary>Reads a JSON merge patch body (application/merge-patch+json or application/json).</summary>
public static class MergePatch
{
    public const string MediaType = "application/merge-patch+json";

    public static async Task<JsonElement> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(type, MediaType, StringComparison.OrdinalIgnoreCase) && !string.Equals(type, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"Send the patch as {MediaType} or application/json.");
        }

        using var document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 32 }, cancellationToken);
        return document.RootElement.Clone();
    }
}
