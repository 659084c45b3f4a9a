using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace DealPipeline.Api.Features.Reports;

/// <summary>
/// Reports answer with an ETag made of the data version (the change feed's latest sequence) and
/// what else shapes the answer: the query, the caller's visibility, the language, and today's
/// date (reports default to today). A client that sends it back in If-None-Match while nothing
/// was written gets 304 Not Modified without the report being computed, and a report already
/// computed for the same ETag is answered from memory. Any committed write moves the version, so
/// neither can serve stale figures; the one query left per request is the version, a read of the
/// change feed's last row. Writes made outside the service (a restore, a hand edit) do not move
/// the version: restart the service after one.
/// </summary>
public sealed class ReportCaching(DbSession session, DealAccess access, ICurrentUser caller, IClock clock, IMemoryCache cache, Microsoft.Extensions.Options.IOptions<ReportOptions> options) : IEndpointFilter
{
    public const int MaxEntries = 1000;
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var version = await ChangeFeed.VersionAsync(session, http.RequestAborted);
        var etag = $"\"r{version}-{Fingerprint(http)}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.Vary = "Accept-Language";
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        if (!options.Value.CacheResults)
        {
            return await next(context);
        }

        if (cache.TryGetValue(etag, out var cached))
        {
            return cached;
        }

        var result = await next(context);
        cache.Set(etag, result, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = KeepFor });
        return result;
    }

    private string Fingerprint(HttpContext http)
    {
        var scope = access.SeesEverything ? "all" : $"{caller.UserId}/{caller.TeamId}";
        var text = $"{http.Request.Path}{http.Request.QueryString}|{scope}|{http.Request.Headers.AcceptLanguage}|{clock.Today:O}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
    }
}
