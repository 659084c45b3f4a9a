using System.Net.Http.Json;

namespace DealPipeline.Api.Tests;

/// <summary>
/// With OTEL_EXPORTER_OTLP_ENDPOINT set, the real service exports traces and metrics over OTLP
/// (http/protobuf) to a receiver on loopback: request spans named by route template with their SQL
/// statements as children in the same trace, the framework's request metrics, the database and
/// rate-limit metrics; never a key or a value from a body. Without it, nothing is sent.
/// </summary>
public sealed class TelemetryTests : IDisposable
{
    private readonly TempFolder _folder = new("telemetry");

    [Fact]
    public async Task Traces_and_metrics_reach_an_otlp_receiver_with_route_templates_sql_spans_and_no_secrets()
    {
        await using var collector = await LoopbackReceiver.StartAsync();
        using var service = await ServiceProcess.StartAsync(_folder.File("otel.db"), new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["RateLimit:UnknownKeyPermitsPerSecond"] = "1",
            ["RateLimit:UnknownKeyBurst"] = "2",
        });

        const string secretName = "绝密园区-Q7X9";
        using var admin = service.Client();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(new Uri("/api/v1/parks", UriKind.Relative), new { name = secretName, city = "济南" })).StatusCode);

        // A request that continues the caller's trace: its span and its SQL spans carry this trace id.
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        using var traced = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/deals/424242", UriKind.Relative));
        traced.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.SendAsync(traced)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/api/v1/deals?q=" + Uri.EscapeDataString(secretName), UriKind.Relative))).StatusCode);

        using var stranger = service.Client("made-up-key-000000000000000000");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await stranger.GetAsync(new Uri("/api/v1/deals", UriKind.Relative))).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);

        // A graceful stop flushes both providers.
        Assert.Equal(0, await service.StopAsync(TimeSpan.FromSeconds(30)));

        var traces = collector.Requests.Where(r => r.Path == "/v1/traces").ToList();
        var metrics = collector.Requests.Where(r => r.Path == "/v1/metrics").ToList();
        Assert.NotEmpty(traces);
        Assert.NotEmpty(metrics);
        Assert.All(collector.Requests, r => Assert.Equal("application/x-protobuf", r.Headers["Content-Type"]));

        Assert.Contains(traces, r => r.Contains("GET /api/v1/deals/{id:long}") && r.Contains("http.route"));
        Assert.Contains(traces, r => r.Contains("POST /api/v1/parks"));
        Assert.Contains(traces, r => r.Contains("DealPipeline.Database") && r.Contains("db.query.text") && r.Contains("INSERT"));

        var traceBytes = Convert.FromHexString(traceId);
        var spansOfTrace = traces.Sum(r => r.Count(traceBytes));
        Assert.True(spansOfTrace >= 2, $"the request and its SQL statements share the caller's trace ({spansOfTrace} spans found)");
        Assert.Contains(metrics, r => r.Contains("http.server.request.duration") && r.Contains("/api/v1/deals/{id:long}"));
        Assert.Contains(metrics, r => r.Contains("db.client.operation.duration") && r.Contains("SELECT"));
        Assert.Contains(metrics, r => r.Contains("dealpipeline.rate_limit.rejections") && r.Contains("address"));
        Assert.Contains(metrics, r => r.Contains("service.name") && r.Contains("dealpipeline"));

        foreach (var export in collector.Requests)
        {
            Assert.False(export.Contains(secretName), "a value from a request body was exported");
            Assert.False(export.Contains(Uri.EscapeDataString(secretName)), "a value from a query string was exported");
            Assert.False(export.Contains(ApiFactory.BootstrapAdminKey), "an API key was exported");
            Assert.False(export.Contains("made-up-key"), "an API key was exported");
        }
    }

    [Fact]
    public async Task Without_an_endpoint_nothing_is_exported()
    {
        await using var collector = await LoopbackReceiver.StartAsync();
        using var service = await ServiceProcess.StartAsync(_folder.File("quiet.db"), new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        });
        using var admin = service.Client();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/api/v1/deals", UriKind.Relative))).StatusCode);
        Assert.Equal(0, await service.StopAsync(TimeSpan.FromSeconds(30)));
        Assert.Empty(collector.Requests);
    }

    public void Dispose() => _folder.Dispose();
}
