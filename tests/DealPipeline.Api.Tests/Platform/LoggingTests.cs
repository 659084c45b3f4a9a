namespace DealPipeline.Api.Tests;

/// <summary>In production the service writes JSON lines: a request's lines carry its trace id, route, status and caller, never its key.</summary>
public sealed class LoggingTests : IDisposable
{
    private readonly TempFolder _folder = new("logs");

    [Fact]
    public async Task A_requests_log_lines_are_json_with_its_trace_id_route_and_user_and_never_its_key()
    {
        using var service = await ServiceProcess.StartAsync(_folder.File("logs.db"), new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:DealPipeline.Requests"] = "Information",
        });
        using var admin = service.Client();
        var missing = await admin.GetAsync(new Uri("/api/v1/deals/424242", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var traceparent = JsonNode.Parse(await missing.Content.ReadAsStringAsync())!["traceId"]!.GetValue<string>();
        var traceId = traceparent.Split('-')[1];

        JsonObject? completed = null;
        for (var i = 0; i < 50 && completed is null; i++)
        {
            await Task.Delay(100);
            completed = service.Output
                .Where(line => line.StartsWith('{'))
                .Select(line => JsonNode.Parse(line)!.AsObject())
                .FirstOrDefault(entry => entry["Category"]?.GetValue<string>() == "DealPipeline.Requests" && entry.ToJsonString().Contains(traceId, StringComparison.Ordinal));
        }

        Assert.True(completed is not null, "no request line among: " + string.Join("\n", service.Output.Take(20)));
        var scopes = completed!["Scopes"]!.AsArray().Select(s => s!.AsObject()).ToList();
        Assert.Contains(scopes, s => s["TraceId"]?.GetValue<string>() == traceId && s["SpanId"] is not null);
        Assert.Contains(scopes, s => s["Route"]?.GetValue<string>() == "/api/v1/deals/{id:long}" && s["UserId"]?.GetValue<string>() == "bootstrap-admin");
        Assert.Equal(404, completed["State"]!["Status"]!.GetValue<int>());
        Assert.DoesNotContain(service.Output, line => line.Contains(ApiFactory.BootstrapAdminKey, StringComparison.Ordinal));
        Assert.All(service.Output.Where(l => l.Length > 0), line => Assert.StartsWith("{", line, StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();
}
