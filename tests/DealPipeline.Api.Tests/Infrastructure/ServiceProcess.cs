using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace DealPipeline.Api.Tests.Infrastructure;

/// <summary>
/// The service as an operator runs it: its own process on a loopback port (Kestrel, not the test
/// host), over a SQLite file, so that a test can kill it with SIGKILL and start it again.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the service wrote to its standard output and error so far, a line each.</summary>
    public IReadOnlyCollection<string> Output => _output;

    public static async Task<ServiceProcess> StartAsync(string databaseFile, IDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "DealPipeline.Api.dll")}\" --urls {address}")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__ConnectionString"] = $"Data Source={databaseFile}";
        start.Environment["Demo__Seed"] = "false";
        start.Environment["Auth__BootstrapAdminKey"] = ApiFactory.BootstrapAdminKey;
        start.Environment["RateLimit__PermitsPerSecond"] = "100000";
        start.Environment["RateLimit__Burst"] = "100000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var service = new ServiceProcess(process, address);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                service._output.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                service._output.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The service exited at start with code {process.ExitCode}.");
            }

            try
            {
                if ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        service.Dispose();
        throw new TimeoutException("The service did not become ready within 60 s.");
    }

    public HttpClient Client(string? apiKey = ApiFactory.BootstrapAdminKey)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>POSTs <paramref name="body"/> as the bootstrap admin and answers the new resource's id.</summary>
    public async Task<long> CreateAsync(string path, object body)
    {
        using var admin = Client();
        var response = await admin.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<long>();
    }

    /// <summary>The body of a new deal with a company, park, sector and owner of its own (made now); POST it to /api/v1/deals as often as needed.</summary>
    public async Task<JsonObject> NewDealBodyAsync(string name) => new()
    {
        ["name"] = name,
        ["companyId"] = await CreateAsync("/api/v1/companies", new { name = name + "企业", country = "CN" }),
        ["parkId"] = await CreateAsync("/api/v1/parks", new { name = name + "园区", city = "济南" }),
        ["sectorId"] = await CreateAsync("/api/v1/sectors", new { name = name + "产业" }),
        ["ownerId"] = await CreateAsync("/api/v1/users", new { name = "专员" + name, role = "officer" }),
        ["intendedInvestment"] = 1000,
    };

    /// <summary>
    /// SIGTERM, as systemd or a container runtime stops a service, then waits for it to exit;
    /// answers its exit code.
    /// </summary>
    public async Task<int> StopAsync(TimeSpan within)
    {
        using (var signal = Process.Start(new ProcessStartInfo("kill", $"-TERM {_process.Id}") { UseShellExecute = false }))
        {
            await signal!.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: no shutdown, no flush, nothing the service can do about it.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    /// <summary>A TCP port free on loopback right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
