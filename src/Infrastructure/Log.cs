using Microsoft.Extensions.Logging;

namespace DealPipeline.Infrastructure;

internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Applying migration {Name}")]
    public static partial void ApplyingMigration(ILogger logger, string name);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Transient database fault; retry {Attempt} of {Max} in {DelayMs} ms")]
    public static partial void TransientRetry(ILogger logger, Exception? exception, int attempt, int max, double delayMs);
}
