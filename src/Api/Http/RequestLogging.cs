using System.Collections;
using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;

namespace DealPipeline.Api.Http;

/// <summary>
/// Every log line written while a request runs carries its route template and the caller's user
/// id (a logging scope read when each line is written, so that it knows what routing and
/// authentication found; the trace and span ids come from the framework's activity tracking), and
/// each request ends with one line: method, route, final status and duration, under the
/// <c>DealPipeline.Requests</c> category. That category is at Warning in appsettings.json, so the
/// line costs a level check; <c>Logging:LogLevel:DealPipeline.Requests=Information</c> turns it
/// into an access log. Nothing from the body, the query string or the key is ever logged: the route
/// is the template (<c>/api/v1/deals/{id:long}</c>), not the path.
/// </summary>
public sealed partial class RequestLogging(RequestDelegate next, ILoggerFactory loggers)
{
    public const string Category = "DealPipeline.Requests";

    private readonly ILogger _logger = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        var scope = new RequestScope(context);
        using (_logger.BeginScope(scope))
        {
            try
            {
                await next(context);
            }
            finally
            {
                ServiceMetrics.NameRequest(context.Features.Get<IHttpActivityFeature>()?.Activity, context.Request.Method, scope.Route, context.Response.StatusCode);
                if (_logger.IsEnabled(LogLevel.Information))
                {
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    Completed(_logger, context.Request.Method, scope.Route, context.Response.StatusCode, elapsed);
                }
            }
        }
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "{Method} {Route} answered {Status} in {ElapsedMs:0.0} ms")]
    private static partial void Completed(ILogger logger, string method, string route, int status, double elapsedMs);

    /// <summary>The route and the caller, read from the request whenever a log line is written.</summary>
    private sealed class RequestScope(HttpContext context) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        // Routing has run when this middleware starts; the exception handler clears the endpoint later.
        public string Route { get; } = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";

        private string UserId => context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? context.User.Identity?.Name ?? "anonymous";

        public int Count => 2;

        public KeyValuePair<string, object?> this[int index] => index switch
        {
            0 => new("Route", Route),
            1 => new("UserId", UserId),
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
            yield return this[1];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"{Route} by {UserId}";
    }
}
