using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace DealPipeline.Api.Tests;

/// <summary>
/// Evidence files on deals (佐证材料): kept only when the content is the PDF, PNG or JPEG it is declared to be, within the size limit
/// and under a safe name; listed and downloaded with the deal's own visibility, always as an attachment that a browser saves and never
/// runs or sniffs; kept in the database or in a directory, where a file altered behind the service's back is refused, not served.
/// </summary>
public abstract class AttachmentTests : ApiTest
{
    protected static readonly byte[] Pdf = [.. "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8];

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private static readonly byte[] Exe = [.. "MZ\x90\0\x03\0\0\0This program cannot be run in DOS mode."u8];

    protected virtual string? Directory => null;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Attachments:MaxBytes"] = "4096",
        ["Attachments:Directory"] = Directory,
    };

    protected static async Task<HttpResponseMessage> Upload(HttpClient client, long deal, byte[] content, string type, string? query)
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(type);
        return await client.PostAsync($"/api/v1/deals/{deal}/attachments?{query}", body);
    }

    [DbFact]
    public async Task A_document_is_kept_as_what_it_is_and_downloaded_as_an_attachment_only_by_those_who_may_see_the_deal()
    {
        var world = await CreateWorld();
        var deal = Id(await Deal(world, new { stage = "signed", openedOn = DaysAgo(30) }));
        var created = await Upload(Client, deal, Pdf, "application/pdf", $"kind=bankReceipt&fileName={Uri.EscapeDataString("首期资金到位回单.pdf")}&note={Uri.EscapeDataString("工商银行")}");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var kept = await Json(created);
        Assert.Equal(
            ("bankReceipt", "首期资金到位回单.pdf", "application/pdf", (long)Pdf.Length, Convert.ToHexStringLower(SHA256.HashData(Pdf))),
            (kept["kind"]!.GetValue<string>(), kept["fileName"]!.GetValue<string>(), kept["contentType"]!.GetValue<string>(), kept["sizeBytes"]!.GetValue<long>(), kept["sha256"]!.GetValue<string>()));
        Assert.Equal($"/api/v1/deals/{deal}/attachments/{Id(kept)}", created.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Created, (await Upload(Client, deal, Png, "image/png", "kind=registration&fileName=licence.PNG")).StatusCode);

        var listed = JsonNode.Parse(await Client.GetStringAsync($"/api/v1/deals/{deal}/attachments"))!.AsArray();
        Assert.Equal(["首期资金到位回单.pdf", "licence.PNG"], listed.Select(a => a!["fileName"]!.GetValue<string>()));
        Assert.DoesNotContain(listed, a => a!.AsObject().ContainsKey("content"));

        // An analyst sees the deal: downloads it, as a file to save, never to render.
        var (_, analystKey) = await UserWithKey("数据分析", "analyst");
        using var analyst = Factory.ClientWithKey(analystKey);
        using var download = await analyst.GetAsync($"/api/v1/deals/{deal}/attachments/{Id(kept)}/content");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("首期资金到位回单.pdf", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-store", download.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, (await Upload(analyst, deal, Pdf, "application/pdf", "kind=other&fileName=x.pdf")).StatusCode);

        // A confidential deal's files are as hidden as the deal: 404 to an officer of another team.
        var secret = Id(await Deal(world, new { confidential = true, codeName = "青鸾项目" }, "保密项目"));
        var hidden = Id(await Json(await Upload(Client, secret, Pdf, "application/pdf", "kind=contract&fileName=contract.pdf")));
        var otherTeam = await Team("另一专班");
        var (_, outsiderKey) = await UserWithKey("外组人员", "officer", otherTeam);
        using var outsider = Factory.ClientWithKey(outsiderKey);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/deals/{secret}/attachments/{hidden}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/deals/{secret}/attachments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/v1/deals/{deal}/attachments/{hidden}/content")).StatusCode); // not that deal's file

        var audited = (await GetOk("/api/v1/audit?entity=dealAttachment&limit=100"))["items"]!.AsArray();
        Assert.Equal(3, audited.Count);
        Assert.DoesNotContain(audited, a => a!["after"]!.AsObject().ContainsKey("content"));
        Assert.Equal(3, (await GetOk("/api/v1/changes?after=0&limit=500"))["items"]!.AsArray().Count(c => c!["entity"]!.GetValue<string>() == "dealAttachment"));
    }

    [DbFact]
    public async Task Anything_but_the_declared_document_too_large_or_under_an_unsafe_name_is_refused_and_keeps_nothing()
    {
        var world = await CreateWorld();
        var deal = Id(await Deal(world));
        var before = await Snapshot();
        await AssertProblem(await Upload(Client, deal, Exe, "application/pdf", "kind=other&fileName=receipt.pdf"), HttpStatusCode.UnsupportedMediaType, code: "attachment.type");
        await AssertProblem(await Upload(Client, deal, Exe, "application/octet-stream", "kind=other&fileName=setup.exe"), HttpStatusCode.UnsupportedMediaType);
        await AssertProblem(await Upload(Client, deal, Exe, "application/x-msdownload", "kind=other&fileName=setup.exe"), HttpStatusCode.UnsupportedMediaType);
        await AssertProblem(await Upload(Client, deal, Png, "application/pdf", "kind=other&fileName=receipt.pdf"), HttpStatusCode.UnsupportedMediaType, code: "attachment.typeDiffers");
        await AssertProblem(await Upload(Client, deal, Pdf, "application/pdf", "kind=other&fileName=receipt.exe"), HttpStatusCode.BadRequest, "fileName", "fileName.extension");
        await AssertProblem(await Upload(Client, deal, Pdf, "application/pdf", "kind=other&fileName=..%2F..%2Fetc%2Freceipt.pdf"), HttpStatusCode.BadRequest, "fileName");
        await AssertProblem(await Upload(Client, deal, Pdf, "application/pdf", "kind=other"), HttpStatusCode.BadRequest, "fileName");
        await AssertProblem(await Upload(Client, deal, Pdf, "application/pdf", "kind=selfie&fileName=a.pdf"), HttpStatusCode.BadRequest, "kind");
        await AssertProblem(await Upload(Client, deal, [], "application/pdf", "kind=other&fileName=a.pdf"), HttpStatusCode.BadRequest, "file");
        await AssertProblem(await Upload(Client, deal, [.. Pdf, .. new byte[4096]], "application/pdf", "kind=other&fileName=big.pdf"), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(HttpStatusCode.NotFound, (await Upload(Client, 999_999, Pdf, "application/pdf", "kind=other&fileName=a.pdf")).StatusCode);
        Assert.Equal(before, await Snapshot());
    }
}

public sealed class SqliteAttachmentTests : AttachmentTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerAttachmentTests : AttachmentTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresAttachmentTests : AttachmentTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>Files kept in Attachments:Directory: named by their hash there, served only while they are still the file kept.</summary>
public sealed class DirectoryAttachmentTests : AttachmentTests
{
    private readonly string _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dp-attachments-" + Guid.NewGuid().ToString("N"));

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string? Directory => _directory;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (System.IO.Directory.Exists(_directory))
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_file_kept_in_the_directory_is_served_while_it_is_the_file_kept_and_refused_once_altered()
    {
        var world = await CreateWorld();
        var deal = Id(await Deal(world));
        var kept = await Json(await Upload(Client, deal, Pdf, "application/pdf", "kind=capitalVerification&fileName=验资报告.pdf"));
        var path = System.IO.Path.Combine(_directory, kept["sha256"]!.GetValue<string>());
        Assert.Equal(Pdf, await File.ReadAllBytesAsync(path));
        Assert.Equal(Pdf, await Client.GetByteArrayAsync($"/api/v1/deals/{deal}/attachments/{Id(kept)}/content"));

        await File.WriteAllBytesAsync(path, [.. Pdf, (byte)'!']);
        await AssertProblem(await Client.GetAsync($"/api/v1/deals/{deal}/attachments/{Id(kept)}/content"), HttpStatusCode.NotFound, code: "attachment.fileMissing");
    }
}
