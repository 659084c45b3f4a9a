using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace DealPipeline.Api.Tests;

/// <summary>The deals export as an Excel workbook and as Chinese CSV, read back as Excel would.</summary>
public sealed class ExcelExportTests : ApiTest
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task The_xlsx_has_typed_cells_text_credit_codes_cny_columns_a_frozen_chinese_header_and_so_does_the_csv()
    {
        var w = await CreateWorld();
        var digits = await Company("厦门数字码企业", creditCode: "913502835552293711");
        await SetRate("USD", 7.1m, DaysAgo(30));
        var cny = Id(await Deal(w, new { companyId = digits, openedOn = "2026-03-02" }, "=SUM(A1) 生物医药基地", 123_456_789.12m));
        var usd = Id(await Deal(w, new { currency = "USD" }, "Helix US", 1_000_000m));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/export/deals.xlsx");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var response = await Client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Features.Exports.XlsxExport.ContentType, response.Content.Headers.ContentType!.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single();
        Assert.Equal("项目", sheet.Name!.Value);
        var part = (DocumentFormat.OpenXml.Packaging.WorksheetPart)workbook.GetPartById(sheet.Id!);
        var pane = part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Pane>().Single();
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);

        var rows = part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        Assert.Equal(3, rows.Count);
        static string Text(DocumentFormat.OpenXml.Spreadsheet.Cell c) => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";
        var header = rows[0].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(Text).ToList();
        Assert.Equal("项目编号", header[0]);
        int Column(string title) => header.IndexOf(title) is var i and >= 0 ? i : throw new InvalidOperationException($"no column {title}: {string.Join("|", header)}");
        var first = rows[1].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
        var second = rows[2].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();

        // Ids and credit codes are text; a formula-looking name is inline text, never a formula.
        Assert.Equal(cny.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(first[Column("项目编号")]));
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString, first[Column("统一社会信用代码")].DataType!.Value);
        Assert.Equal("913502835552293711", Text(first[Column("统一社会信用代码")]));
        Assert.Equal("=SUM(A1) 生物医药基地", Text(first[Column("项目名称")]));
        Assert.Null(first[Column("项目名称")].CellFormula);

        // Amounts are numbers in 万元, exact; dates are Excel dates; labels Chinese.
        var amount = first[Column("意向投资（原币）（万元）")];
        Assert.Null(amount.DataType);
        Assert.Equal(12345.678912m, decimal.Parse(amount.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(12345.678912m, decimal.Parse(Text(first[Column("意向投资（折人民币）（万元）")]), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(710m, decimal.Parse(Text(second[Column("意向投资（折人民币）（万元）")]), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("USD", Text(second[Column("币种")]));
        var opened = first[Column("立项日期")];
        Assert.Equal(new DateTime(2026, 3, 2), DateTime.FromOADate(double.Parse(opened.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("接洽", Text(first[Column("阶段")]));
        Assert.Equal("否", Text(first[Column("重点项目")]));
        Assert.Equal(usd.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(second[0]));

        // The CSV in Chinese, asked for with lang.
        var csv = (await Client.GetStringAsync("/api/v1/export/deals.csv?lang=zh-CN")).TrimStart('\uFEFF').Split("\r\n")[0..2];
        Assert.StartsWith("项目编号,项目名称,企业编号,企业名称,统一社会信用代码,", csv[0], StringComparison.Ordinal);
        Assert.EndsWith(",意向投资（折人民币）（元）,合同投资（折人民币）（元）,到位资金（原币）（元）,到位资金（折人民币）（元）,用地面积（亩）,评价总分,评价等级,删除时间（北京时间）,台账编号", csv[0], StringComparison.Ordinal);
        Assert.Contains(",接洽,在谈,", csv[1], StringComparison.Ordinal);
        await AssertProblem(await Client.GetAsync("/api/v1/export/deals.csv?lang=fr"), System.Net.HttpStatusCode.BadRequest, "lang");

        // A deleted deal: absent from a plain export, a row with its deletion time with includeDeleted=true.
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/v1/deals/{usd}")).StatusCode);
        var live = (await Client.GetStringAsync("/api/v1/export/deals.csv")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, live.Length);
        var withDeleted = (await Client.GetStringAsync("/api/v1/export/deals.csv?includeDeleted=true")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, withDeleted.Length);
        Assert.EndsWith(",,", withDeleted[1], StringComparison.Ordinal); // deletedAt and externalRef empty
        Assert.StartsWith(usd.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",", withDeleted[2], StringComparison.Ordinal);
        Assert.Matches(@",\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},$", withDeleted[2]); // deletedAt, then externalRef (none)
    }

    [Fact]
    public async Task History_activities_letters_and_events_export_as_csv_and_xlsx_with_the_feeds_rows()
    {
        var w = await CreateWorld();
        var deal = Id(await Deal(w, new { openedOn = DaysAgo(10) }));
        await Move(deal, "negotiation", DaysAgo(5));
        await PostOk($"/api/v1/deals/{deal}/activities", new { type = "siteVisit", on = DaysAgo(4), summary = "=来园区实地考察" });
        await PostOk("/api/v1/letters", new { type = "intent", signedOn = DaysAgo(3), counterparty = "杭州康源", dealId = deal });
        await PostOk("/api/v1/events", new { name = "博鳌论坛", type = "forum", startsOn = DaysAgo(2), endsOn = DaysAgo(1), city = "博鳌", visitorsReceived = 512 });

        var history = await Client.GetByteArrayAsync("/api/v1/export/history.xlsx?lang=zh-CN");
        await using var stream = new MemoryStream(history);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single();
        Assert.Equal("变更历史", sheet.Name!.Value);
        var rows = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet
            .Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
        var feed = (await GetOk("/api/v1/history?limit=500"))["items"]!.AsArray();
        Assert.Equal(feed.Count + 1, rows.Count);
        Assert.Equal(["编号", "项目编号", "日期", "类别", "变更前", "变更后"], rows[0].Take(6));
        Assert.Contains(rows, r => r[3] == "阶段" && r[4] == "接洽" && r[5] == "洽谈");

        string[] Lines(string csv) => csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var activities = Lines(await Client.GetStringAsync("/api/v1/export/activities.csv?lang=zh-CN"));
        Assert.Equal("编号,项目编号,类型,日期,摘要,下一步,下一步期限,记录人编号,创建时间（北京时间）", activities[0]);
        Assert.Contains(",实地考察,", activities[1], StringComparison.Ordinal);
        Assert.Contains(",\"'=来园区实地考察\",", activities[1], StringComparison.Ordinal);
        var letters = Lines(await Client.GetStringAsync("/api/v1/export/letters.csv"));
        Assert.StartsWith("id,type,signedOn,counterparty,dealId,", letters[0], StringComparison.Ordinal);
        Assert.Contains(",intent,", letters[1], StringComparison.Ordinal);
        var events = await Client.GetAsync("/api/v1/export/events.xlsx");
        Assert.Equal(Features.Exports.XlsxExport.ContentType, events.Content.Headers.ContentType!.MediaType);
        await AssertProblem(await Client.GetAsync("/api/v1/export/history.csv?updatedSince=2026-01-02T00:00:00Z&updatedBefore=2026-01-01T00:00:00Z"), System.Net.HttpStatusCode.BadRequest, "updatedBefore");
    }
}
