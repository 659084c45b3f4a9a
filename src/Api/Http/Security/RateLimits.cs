using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace DealPipeline.Api.Http.Security;

/// <summary>
/// A token bucket per API key (per client address for requests without one): by default 100
/// requests a second with bursts of up to 200 (<c>RateLimit:PermitsPerSecond</c>,
/// <c>RateLimit:Burst</c>). Over budget: 429 with Retry-After. Health checks are not limited.
/// </summary>
public static class RateLimits
{
    public static void Configure(RateLimiterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var configuration = context.RequestServices.GetRequiredService<IConfiguration>();
            var perSecond = Math.Max(1, configuration.GetValue("RateLimit:PermitsPerSecond", 100));
            var burst = Math.Max(perSecond, configuration.GetValue("RateLimit:Burst", 200));
            var key = ApiKeys.FromRequest(context.Request);
            var partition = key is { Length: > 0 } ? "key:" + ApiKeys.Hash(key) : "ip:" + context.Connection.RemoteIpAddress;
            return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (context, cancellationToken) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context.HttpContext,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests",
                    Detail = $"This key's request budget is spent; retry after {seconds} s.",
                },
            });
        };
    }
}
