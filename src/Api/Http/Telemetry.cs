using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DealPipeline.Api.Http;

/// <summary>
/// OpenTelemetry export of traces and metrics over OTLP, on when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// is set (the exporter reads the standard <c>OTEL_*</c> variables: protocol, headers, service
/// name, export interval) and off otherwise. OpenTelemetry's hosting and ASP.NET Core
/// instrumentation packages do not restore here, so the providers are built by hand from what the
/// framework already emits: the <c>Microsoft.AspNetCore</c> activity source (one span per request,
/// which <see cref="RequestLogging"/> names by method and route template) and the
/// <c>Microsoft.AspNetCore.Hosting</c>, <c>Kestrel</c> and <c>RateLimiting</c> meters
/// (<c>http.server.request.duration</c> by route and status, connections, limiter queues), plus the
/// service's own <see cref="DbTelemetry"/> (a span per SQL statement) and <see cref="ServiceMetrics"/>.
/// Both providers are owned by the container, so a graceful shutdown flushes what is pending.
/// </summary>
public static class Telemetry
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private static readonly string[] FrameworkMeters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Diagnostics",
        "System.Runtime",
    ];

    public static bool IsEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration?[EndpointVariable]);

    public static void AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (!IsEnabled(configuration))
        {
            return;
        }

        var version = typeof(Telemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        void Describe(ResourceBuilder resource)
        {
            // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, when set, are read by the default resource and win.
            if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
            {
                resource.AddService("dealpipeline", serviceVersion: version);
            }
        }

        var tracing = Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(Describe)
            .AddSource("Microsoft.AspNetCore", DbTelemetry.Name)
            .AddOtlpExporter()
            .Build();
        var metering = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(Describe)
            .AddMeter(FrameworkMeters)
            .AddMeter(DbTelemetry.Name, ServiceMetrics.Name)
            .AddOtlpExporter()
            .Build();
        // Made by a factory, so that the container owns them and disposes (flushes) them after the last request.
        services.AddSingleton(_ => tracing);
        services.AddSingleton(_ => metering);
    }

    /// <summary>Takes the providers into the container's ownership (a no-op when telemetry is off).</summary>
    public static void UseTelemetry(this IServiceProvider services)
    {
        services.GetService<TracerProvider>();
        services.GetService<MeterProvider>();
    }
}

/// <summary>The service's own counters, beside the framework's request metrics.</summary>
public static class ServiceMetrics
{
    public const string Name = "DealPipeline";

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> RateLimited = Meter.CreateCounter<long>(
        "dealpipeline.rate_limit.rejections", unit: "{request}", description: "Requests refused with 429, by whose budget was spent (a key's or an address's).");

    private static readonly Counter<long> Replays = Meter.CreateCounter<long>(
        "dealpipeline.idempotency.replays", unit: "{request}", description: "Requests answered from a stored Idempotency-Key answer instead of being applied again.");

    private static readonly Histogram<long> ExportRows = Meter.CreateHistogram(
        "dealpipeline.export.rows", unit: "{row}", description: "Rows written by an export, by export.",
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [0, 10, 100, 1_000, 10_000, 100_000, 1_000_000] });

    public static void RateLimitRejected(string budget) =>
        RateLimited.Add(1, new KeyValuePair<string, object?>("dealpipeline.budget", budget));

    public static void IdempotentReplay(string route) =>
        Replays.Add(1, new KeyValuePair<string, object?>("http.route", route));

    public static void Exported(string export, long rows) =>
        ExportRows.Record(rows, new KeyValuePair<string, object?>("dealpipeline.export", export));

    /// <summary>Names the request's span by its route template (never its path, which carries ids, or anything from the body).</summary>
    public static void NameRequest(Activity? activity, string method, string route, int status)
    {
        if (activity is not { IsAllDataRequested: true })
        {
            return;
        }

        activity.DisplayName = $"{method} {route}";
        activity.SetTag("http.request.method", method);
        activity.SetTag("http.route", route);
        activity.SetTag("http.response.status_code", status);
        if (status >= StatusCodes.Status500InternalServerError)
        {
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }
}
