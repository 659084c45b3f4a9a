namespace DealPipeline.Api.Application;

internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "{Request} handled in {ElapsedMs:0.0} ms")]
    public static partial void Handled(ILogger logger, string request, double elapsedMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "{Request} failed with {Exception} after {ElapsedMs:0.0} ms")]
    public static partial void Failed(ILogger logger, string request, string exception, double elapsedMs);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    public static partial void Unhandled(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Demo data loaded: {Deals} deals")]
    public static partial void DemoLoaded(ILogger logger, int deals);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "Purged {Count} expired idempotency keys")]
    public static partial void IdempotencyPurged(ILogger logger, int count);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Purging expired idempotency keys failed; trying again later")]
    public static partial void IdempotencyPurgeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2041, Level = LogLevel.Information, Message = "Lead sweep: {Escalated} leads escalated, {Recycled} recycled to the pool")]
    public static partial void LeadsSwept(ILogger logger, int escalated, int recycled);

    [LoggerMessage(EventId = 2042, Level = LogLevel.Warning, Message = "The lead sweep failed; trying again at the next round")]
    public static partial void LeadSweepFailed(ILogger logger, Exception exception);

    /// <summary>A problem's text that no <see cref="Domain.Text"/> declares (a framework's own message), answered in English whatever the caller prefers.</summary>
    public const int UntranslatedProblemEvent = 2007;

    [LoggerMessage(EventId = UntranslatedProblemEvent, Level = LogLevel.Warning, Message = "A problem answer carries a text without its Chinese: {Text}")]
    public static partial void UntranslatedProblem(ILogger logger, string text);
}
