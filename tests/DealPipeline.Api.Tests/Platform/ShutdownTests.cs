using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;

namespace DealPipeline.Api.Tests;

/// <summary>
/// The real service as a process: on SIGTERM it stops taking connections, finishes the requests in
/// flight and exits 0; a write whose body is still arriving is answered 503 with nothing applied;
/// readiness answers 503 while the database cannot be opened and recovers when it can.
/// </summary>
public sealed class ShutdownTests : IDisposable
{
    private readonly TempFolder _folder = new("shutdown");

    [Fact]
    public async Task On_sigterm_an_export_in_flight_completes_new_connections_are_refused_and_the_exit_code_is_0()
    {
        var file = _folder.File("stop.db");
        using var service = await ServiceProcess.StartAsync(file);
        var first = await service.CreateAsync("/api/v1/deals", await service.NewDealBodyAsync("停机测试项目" + new string('长', 100)));
        await using (var db = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await DealCopies.InsertAsync(db, first, 20_000);
        }

        // The export has started streaming when the signal comes; its reader is slow.
        using var reader = service.Client();
        using var export = await reader.GetAsync(new Uri("/api/v1/export/deals.csv", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var stream = await export.Content.ReadAsStreamAsync();
        var buffer = new byte[4096];
        Assert.True(await stream.ReadAsync(buffer) > 0);

        var stopping = service.StopAsync(TimeSpan.FromSeconds(40));
        await Task.Delay(700);
        Assert.False(service.HasExited, "the service waits for the request in flight");
        using (var late = new TcpClient())
        {
            await Assert.ThrowsAnyAsync<SocketException>(() => late.ConnectAsync(IPAddress.Loopback, service.Address.Port));
        }

        using var rest = new StreamReader(stream, Encoding.UTF8);
        var lines = 1 + (await rest.ReadToEndAsync()).Count(c => c == '\n');
        Assert.Equal(0, await stopping);
        Assert.True(lines >= 20_001, $"the whole export arrived ({lines} lines)");
    }

    [Fact]
    public async Task On_sigterm_a_write_whose_body_is_still_arriving_gets_503_and_nothing_is_applied()
    {
        var file = _folder.File("body.db");
        using var service = await ServiceProcess.StartAsync(file);
        var body = Encoding.UTF8.GetBytes("""{"name":"停机前园区","city":"中山"}""");
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, service.Address.Port);
        var stream = socket.GetStream();
        var head = $"POST /api/v1/parks HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: {ApiFactory.BootstrapAdminKey}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body.AsMemory(0, 10));
        await stream.FlushAsync();
        await Task.Delay(300);

        var stopping = service.StopAsync(TimeSpan.FromSeconds(30));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        Assert.Equal("HTTP/1.1 503 Service Unavailable", await reader.ReadLineAsync());
        var answer = await reader.ReadToEndAsync();
        Assert.Contains("Retry-After: 1", answer, StringComparison.Ordinal);
        Assert.Contains("shutting down", answer, StringComparison.Ordinal);

        Assert.Equal(0, await stopping);
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=false");
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM parks WHERE name = '停机前园区'"));
        Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
    }

    [Fact]
    public async Task Readiness_is_503_while_the_database_file_cannot_be_opened_and_recovers_when_it_is_back()
    {
        var file = _folder.File("ready.db");
        using var service = await ServiceProcess.StartAsync(file);
        using var client = service.Client(apiKey: null);
        var ready = new Uri("/health/ready", UriKind.Relative);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ready)).StatusCode);

        // The volume goes away: the file is no longer at its path (pooled connections still hold the old one open).
        File.Move(file, file + ".away");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(ready)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        Assert.False(File.Exists(file), "the probe never creates an empty database in its place");

        File.Move(file + ".away", file);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ready)).StatusCode);
    }

    public void Dispose() => _folder.Dispose();
}
