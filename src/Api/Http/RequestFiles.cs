namespace DealPipeline.Api.Http;

/// <summary>A request whose body is a file (a ledger, an evidence document): read to a limit of the endpoint's own.</summary>
public static class RequestFiles
{
    /// <summary>The body, refused with a 413 past <paramref name="max"/> bytes (before reading when Content-Length says so) and a 400 when empty.</summary>
    public static async Task<byte[]> ReadAsync(HttpRequest request, long max, CancellationToken cancellationToken)
    {
        var tooLarge = new ProblemException(StatusCodes.Status413PayloadTooLarge, ProblemTexts.RequestBodyTooLarge, ProblemTexts.FileLargerThan.With(("limit", max)));
        if (request.ContentLength > max)
        {
            throw tooLarge;
        }

        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max + 1;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        for (int read; (read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0;)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                throw tooLarge;
            }
        }

        return buffer.Length == 0 ? throw ProblemException.Invalid("file", ProblemTexts.FileRequired.With()) : buffer.ToArray();
    }
}

/// <summary>Endpoint metadata: the endpoint reads its body to a limit of its own (a ledger's, an attachment's), not the API's 1 MiB for JSON.</summary>
public sealed class BodyLimitedByEndpoint : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => null;
}
