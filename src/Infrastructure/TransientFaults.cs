using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace DealPipeline.Infrastructure;

/// <summary>
/// The retry policy for a unit of work: transient faults (SQLite busy or locked; SQL Server's
/// deadlock, lock-timeout and failover errors) are retried a few times with bounded, jittered
/// exponential back-off; anything else fails at once.
/// </summary>
public static class TransientFaults
{
    public const int MaxRetries = 4;

    public static ResiliencePipeline CreatePipeline(SqlDialect dialect, ILogger logger) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(dialect.IsTransient),
                MaxRetryAttempts = MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(50),
                MaxDelay = TimeSpan.FromSeconds(1),
                OnRetry = args =>
                {
                    DbTelemetry.TransientRetry(dialect);
                    Log.TransientRetry(logger, args.Outcome.Exception, args.AttemptNumber + 1, MaxRetries, args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            })
            .Build();
}
