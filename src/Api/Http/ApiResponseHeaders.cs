namespace DealPipeline.Api.Http;

/// <summary>
/// API answers are never cached by browsers or proxies (they carry confidential deals), and
/// never sniffed as another content type.
/// </summary>
public sealed class ApiResponseHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Task.CompletedTask;
            });
        }

        return next(context);
    }
}
