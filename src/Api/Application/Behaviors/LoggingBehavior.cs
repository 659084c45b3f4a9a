using System.Diagnostics;

namespace DealPipeline.Api.Application.Behaviors;

/// <summary>
/// Logs each request's name, outcome and duration (never its body: deals are confidential). A request
/// handled is logged at Debug, so that at thousands of requests a second the default level writes
/// nothing per request (the message is source-generated, so a disabled level costs a level check);
/// a failure is logged at Information.
/// </summary>
public sealed class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string RequestName = typeof(TRequest).Name;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Log.Handled(logger, RequestName, elapsed);
            return response;
        }
        catch (Exception exception)
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var kind = exception.GetType().Name;
            Log.Failed(logger, RequestName, kind, elapsed);
            throw;
        }
    }
}
