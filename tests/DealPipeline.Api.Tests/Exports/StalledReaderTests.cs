using System.Net.Http.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace DealPipeline.Api.Tests;

/// <summary>
/// A CSV export whose client stops reading (on a real socket, so the server is held up) while
/// officers keep writing: the export reads in short chunks and holds no snapshot while it waits,
/// so checkpoints go on and the write-ahead log stays small.
/// </summary>
public sealed class StalledReaderTests : IDisposable
{
    private readonly TempFolder _folder = new("wal");

    [Fact]
    public async Task A_stalled_export_does_not_let_the_wal_grow_while_writers_write()
    {
        var file = _folder.File("wal.db");
        using var service = await ServiceProcess.StartAsync(file);
        var deal = await service.NewDealBodyAsync("待导出的项目" + new string('长', 100));
        var first = await service.CreateAsync("/api/v1/deals", deal);
        await using (var db = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await db.OpenAsync();
            await DealCopies.InsertAsync(db, first, 20_000);
            await db.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        }

        // The reader takes the first bytes, then stops reading: the server's writes block once the socket's buffers are full.
        using var reader = service.Client();
        using var export = await reader.GetAsync(new Uri("/api/v1/export/deals.csv", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var stream = await export.Content.ReadAsStreamAsync();
        var buffer = new byte[4096];
        Assert.True(await stream.ReadAsync(buffer) > 0);

        // A fixed number of writes, not a fixed time: on a loaded machine they take longer, and the WAL's bound is per write count.
        const int Writes = 600;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var (claimed, written) = (0, 0);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            using var client = service.Client();
            while (!stop.IsCancellationRequested && Interlocked.Increment(ref claimed) <= Writes)
            {
                var response = await client.PostAsJsonAsync("/api/v1/deals", deal);
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                Interlocked.Increment(ref written);
            }
        })));

        var wal = new FileInfo(file + "-wal").Length;
        Assert.True(written >= Writes, $"only {written} writes in 60 s");
        Assert.True(wal < 16 * 1024 * 1024, $"the WAL grew to {wal / 1024 / 1024} MiB over {written} writes behind a stalled reader");

        // The export was still open all along, and completes when the client reads on.
        var rest = 0L;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            rest += read;
        }

        Assert.True(rest > 1_000_000, $"the export had only {rest} bytes left: it was not stalled");
    }

    public void Dispose() => _folder.Dispose();
}
