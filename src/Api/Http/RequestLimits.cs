namespace DealPipeline.Api.Http;

/// <summary>
/// Request bodies are capped (JSON commands are small): a declared Content-Length over the cap is
/// refused with a 413 before the body is read; a chunked body is cut off by Kestrel at the same cap. An
/// endpoint whose metadata sets no limit (the ledger import) enforces its own.
/// </summary>
public sealed class RequestLimits(RequestDelegate next)
{
    public const long MaxBodyBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // An endpoint that reads its body to a limit of its own (a ledger import) says so in its metadata.
        var own = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>() is { MaxRequestBodySize: null };
        if (!own && context.Request.ContentLength > MaxBodyBytes)
        {
            throw new ProblemException(StatusCodes.Status413PayloadTooLarge, ProblemTexts.RequestBodyTooLarge, ProblemTexts.RequestBodyLargerLimitBytes.With(("limit", MaxBodyBytes)));
        }

        await next(context);
    }
}
