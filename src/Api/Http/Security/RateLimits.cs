using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace DealPipeline.Api.Http.Security;

/// <summary>
/// Token buckets, per process, checked before authentication. A key this instance has seen valid
/// within the last few seconds (<see cref="ApiKeyCache"/>) spends its own bucket
/// (<c>RateLimit:PermitsPerSecond</c>, <c>RateLimit:Burst</c>). Every other request, with no key,
/// a made-up key, or a real key not looked up yet, spends the bucket of its client address
/// (<c>RateLimit:UnknownKeyPermitsPerSecond</c>, <c>RateLimit:UnknownKeyBurst</c>), so a flood of
/// invented keys gets 429 after a few dozen database look-ups instead of a fresh bucket each.
/// Over budget: 429 with Retry-After. Health checks are not limited.
/// </summary>
public static class RateLimits
{
    /// <summary>Whose budget a request spends ("key" or "address"), for the rejection metric.</summary>
    private const string BudgetItem = "DealPipeline.RateLimitBudget";

    public static void Configure(RateLimiterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
            var key = ApiKeys.FromRequest(context.Request);
            if (key is { Length: > 0 }
                && ApiKeys.HashOf(context, key) is var hash
                && context.RequestServices.GetRequiredService<ApiKeyCache>().IsKnown(hash))
            {
                context.Items[BudgetItem] = "key";
                return Bucket("key:" + hash, limits.PermitsPerSecond, Math.Max(limits.PermitsPerSecond, limits.Burst));
            }

            context.Items[BudgetItem] = "address";
            return Bucket("ip:" + context.Connection.RemoteIpAddress, limits.UnknownKeyPermitsPerSecond, Math.Max(limits.UnknownKeyPermitsPerSecond, limits.UnknownKeyBurst));
        });
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (context, cancellationToken) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            ServiceMetrics.RateLimitRejected(context.HttpContext.Items[BudgetItem] as string ?? "address");
            context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context.HttpContext,
                ProblemDetails = Problems.Of(StatusCodes.Status429TooManyRequests, ProblemTexts.TooManyRequests, ProblemTexts.RequestBudgetKeyAddressRequestsWithout.With(("seconds", seconds))),
            });
        };
    }

    private static RateLimitPartition<string> Bucket(string partition, int perSecond, int burst) =>
        RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
