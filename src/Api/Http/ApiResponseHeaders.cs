namespace DealPipeline.Api.Http;

/// <summary>
/// Headers on every answer. API answers are never cached by browsers or proxies (they carry
/// confidential deals). Nothing is sniffed as another content type, framed by another site, or
/// allowed to load scripts from elsewhere: the API's JSON may load nothing at all, Swagger UI
/// only its own files (its styles are set inline by the UI's script).
/// </summary>
public sealed class ApiResponseHeaders(RequestDelegate next)
{
    /// <summary>The API's answers, JSON and downloads alike: they load nothing, and a file opened from one runs nothing (sandbox).</summary>
    public const string ApiPolicy = "default-src 'none'; sandbox; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /// <summary>The service's own pages: scripts, styles, fonts and calls from this origin only, nothing inline.</summary>
    public const string SitePolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>Swagger UI, whose script sets styles inline.</summary>
    public const string PagePolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var api = context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (api)
            {
                headers.CacheControl = "no-store";
            }

            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = api || !IsPage(context.Response.ContentType) ? ApiPolicy
                : context.Request.Path.StartsWithSegments("/swagger", StringComparison.Ordinal) ? PagePolicy
                : SitePolicy;
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static bool IsPage(string? contentType) =>
        contentType is not null && contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);
}
