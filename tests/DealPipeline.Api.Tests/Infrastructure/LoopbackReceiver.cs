using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DealPipeline.Api.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on a loopback port (Kestrel) that records every request it gets (method,
/// path, headers, body) and answers what <see cref="Respond"/> says (200 by default): an OTLP
/// collector, a webhook receiver, a proxy's upstream, as far as a test needs one.
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackReceiver(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>The status to answer a request with; settable while the receiver runs.</summary>
    public Func<Received, int> Respond { get; set; } = _ => StatusCodes.Status200OK;

    /// <summary>Starts listening on <paramref name="port"/> of 127.0.0.1 (0: any free port).</summary>
    public static async Task<LoopbackReceiver> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var receiver = new LoopbackReceiver(app);
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            var received = new Received(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray(),
                DateTimeOffset.UtcNow);
            receiver.Requests.Enqueue(received);
            context.Response.StatusCode = receiver.Respond(received);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Address = new Uri(address);
        return receiver;
    }

    /// <summary>Waits until a request matching <paramref name="match"/> has arrived (or the time is up).</summary>
    public async Task<bool> WaitForAsync(Func<Received, bool> match, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (Requests.Any(match))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return Requests.Any(match);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record Received(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset At)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Body);

        /// <summary>How many times <paramref name="bytes"/> occur in the body (an OTLP body is protobuf, whose strings and ids are stored as they are).</summary>
        public int Count(ReadOnlySpan<byte> bytes)
        {
            var count = 0;
            var rest = Body.AsSpan();
            for (var at = rest.IndexOf(bytes); at >= 0; at = rest.IndexOf(bytes))
            {
                count++;
                rest = rest[(at + bytes.Length)..];
            }

            return count;
        }

        public bool Contains(string text) => Count(System.Text.Encoding.UTF8.GetBytes(text)) > 0;
    }
}
