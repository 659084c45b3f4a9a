namespace DealPipeline.Api.Tests;

/// <summary>
/// With Database:ReadConnectionString set, reports and exports read the replica and everything else
/// the primary. The "replica" here is a copy of the database taken a moment ago, so the lag a real
/// replica may have is visible: what was written after the copy is in the deals list, not yet in
/// the reports.
/// </summary>
public sealed class ReplicaTests : ApiTest
{
    private readonly TempFolder _folder = new("replica");

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Database:ReadConnectionString"] = $"Data Source={_folder.File("replica.db")};Mode=ReadOnly;Pooling=False",
        ["Backup:Directory"] = _folder.File("backups"),
    };

    [Fact]
    public async Task Reports_and_exports_read_the_replica_and_lists_the_primary()
    {
        var w = await CreateWorld();
        var first = Id(await Deal(w, name: "复制前的项目"));
        var backup = await PostOk("/api/v1/admin/backup", new { }, HttpStatusCode.OK);
        File.Copy(backup["file"]!.GetValue<string>(), _folder.File("replica.db"));
        var second = Id(await Deal(w, name: "复制后的项目"));

        var listed = (await GetOk("/api/v1/deals"))["items"]!.AsArray().Select(d => Id(d!)).ToList();
        Assert.Equal([first, second], listed);

        var report = await GetOk("/api/v1/reports/pipeline?groupBy=stage");
        Assert.Equal(1, report["rows"]!.AsArray().Sum(r => r!["count"]!.GetValue<int>()));
        var csv = await Client.GetStringAsync("/api/v1/export/deals.csv");
        Assert.Contains("复制前的项目", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("复制后的项目", csv, StringComparison.Ordinal);

        // The report's ETag is the replica's data version, not the primary's: it never claims data the answer lacks.
        var etag = (await Client.GetAsync("/api/v1/reports/pipeline?groupBy=stage")).Headers.ETag!.Tag;
        var changes = (await GetOk("/api/v1/changes?after=0&limit=500"))["items"]!.AsArray();
        var latest = changes[^1]!["sequence"]!.GetValue<long>();
        Assert.StartsWith("\"r", etag, StringComparison.Ordinal);
        Assert.True(long.Parse(etag[2..etag.IndexOf('-', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture) < latest, $"{etag} is the replica's version, below the primary's {latest}");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}
