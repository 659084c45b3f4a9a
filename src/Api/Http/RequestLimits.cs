namespace DealPipeline.Api.Http;

/// <summary>
/// Request bodies are capped (JSON commands are small): a declared Content-Length over the cap is
/// refused with a 413 before the body is read; a chunked body is cut off by Kestrel at the same cap.
/// </summary>
public sealed class RequestLimits(RequestDelegate next)
{
    public const long MaxBodyBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            throw new ProblemException(StatusCodes.Status413PayloadTooLarge, ProblemTexts.RequestBodyTooLarge, ProblemTexts.RequestBodyLargerLimitBytes.With(("limit", MaxBodyBytes)));
        }

        await next(context);
    }
}
