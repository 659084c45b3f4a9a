using System.IO.Compression;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DealPipeline.Api.Tests;

/// <summary>
/// Importing an office's ledger of companies (台账): the template's header, CSV in UTF-8 with and without a byte-order mark and in
/// GB18030, XLSX; a dry run that writes nothing but the import, a commit that plans again and writes in one transaction; upsert by
/// credit code, the same name refused, rows checked with the API's own texts; unsafe and oversized files refused before reading.
/// </summary>
public abstract class ImportTests : ApiTest
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Valid unified social credit codes (GB 32100 check character).
    private const string Kangyuan = "91330106MA2B0A2X4R";
    private const string Weichuang = "91310115MA1H7G5K2X";

    static ImportTests() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    // Batches of three rows: every commit below of more rows is written batch by batch, as a large ledger is.
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Imports:MaxBytes"] = "300000", ["Imports:BatchRows"] = "3" };

    private async Task<HttpResponseMessage> Upload(byte[] file, string contentType, string kind = "companies", string? lang = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/imports?kind={kind}&fileName=ledger");
        request.Content = new ByteArrayContent(file);
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        if (lang is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(lang);
        }

        return await Client.SendAsync(request);
    }

    private static JsonNode Row(JsonObject import, int row) => import["rows"]!.AsArray().Single(r => r!["row"]!.GetValue<int>() == row)!;

    private static string Action(JsonObject import, int row) => Row(import, row)["action"]!.GetValue<string>();

    private async Task<long> Companies() => (await GetOk("/api/v1/companies?limit=500"))["items"]!.AsArray().Count;

    /// <summary>A workbook of one sheet: the rows given, text cells; a cell "=…" is written as a formula with a cached value.</summary>
    private static byte[] Workbook(params string?[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)r + 1 };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c] is not { } value)
                    {
                        continue;
                    }

                    var reference = $"{(char)('A' + c)}{r + 1}";
                    row.Append(value.StartsWith('=')
                        ? new Cell { CellReference = reference, DataType = CellValues.String, CellFormula = new CellFormula(value[1..]), CellValue = new CellValue("杭州") }
                        : value.StartsWith('#') // a number, as Excel stores a date: its serial
                        ? new Cell { CellReference = reference, CellValue = new CellValue(value[1..]) }
                        : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) });
                }

                data.Append(row);
            }

            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "企业" }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A workbook whose second row has one cell, at <paramref name="reference"/>.</summary>
    private static byte[] CellAt(string reference)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData(
                new Row(new Cell { CellReference = "A1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("企业名称")) }) { RowIndex = 1 },
                new Row(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text("x")) }) { RowIndex = 2 }));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "企业" }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A workbook with one more entry in its package.</summary>
    private static byte[] WithEntry(byte[] workbook, string name, byte[] content)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
            entry.Write(content);
        }

        return stream.ToArray();
    }

    [DbFact]
    public async Task A_ledger_is_planned_by_a_dry_run_that_writes_nothing_then_committed_upserting_by_credit_code()
    {
        var existing = Id(await PostOk("/api/v1/companies", new { name = "杭州康源生物科技有限公司", creditCode = Kangyuan, country = "CN", city = "杭州" }));
        var namesake = Id(await PostOk("/api/v1/companies", new { name = "苏州合成生物科技有限公司", country = "CN" }));
        var before = await Companies();

        // The template names the columns; the ledger below uses its Chinese headers plus a column of the office's own.
        var template = await Client.GetAsync("/api/v1/imports/templates/companies.xlsx");
        Assert.Equal(Xlsx, template.Content.Headers.ContentType!.MediaType);
        using (var stream = new MemoryStream(await template.Content.ReadAsByteArrayAsync()))
        using (var document = SpreadsheetDocument.Open(stream, false))
        {
            var header = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().First().Descendants<Cell>().Select(c => c.InnerText).ToArray();
            Assert.Equal(["企业名称", "统一社会信用代码", "国家或地区", "城市", "行政区划代码"], header);
        }

        var ledger = Workbook(
            ["企业名称", "统一社会信用代码", "国家或地区", "城市", "行政区划代码", "跟进人"],
            ["杭州康源生物科技股份有限公司", Kangyuan, "CN", "杭州", "330106", "王磊"], // 2: the code on file: update (a new name, a region)
            ["上海微创医疗器械（集团）有限公司", Weichuang, "CN", "上海", "310115", null], // 3: create
            ["苏州合成生物科技有限公司", null, null, "苏州", null, null], // 4: the same name on file, no code: refused
            ["上海微创医疗器械(集团)有限公司", Weichuang, "CN", "上海", null, null], // 5: the same code as row 3
            ["宁波均胜电子股份有限公司", "91330200ABCDEFGH12", "CN", "宁波", null, null], // 6: a bad credit code
            ["深圳迈瑞生物医疗电子股份有限公司", null, "CN", "=A1", null, null], // 7: a formula
            [null, null, null, null, null, null], // blank: skipped
            ["成都未名医药技术服务有限公司", null, null, "成都", "510100", null]); // 9: create, country CN by default

        var snapshot = await Snapshot();
        var dryRun = await Upload(ledger, Xlsx, lang: "zh-CN");
        Assert.Equal(HttpStatusCode.Created, dryRun.StatusCode);
        var import = await Json(dryRun);
        var id = Id(import);
        Assert.Equal($"/api/v1/imports/{id}", dryRun.Headers.Location!.OriginalString);
        Assert.Equal(("dryRun", "xlsx"), (import["status"]!.GetValue<string>(), import["format"]!.GetValue<string>()));
        Assert.Equal([2, 3, 4, 5, 6, 7, 9], import["rows"]!.AsArray().Select(r => r!["row"]!.GetValue<int>()).ToArray());
        Assert.Equal(("update", existing), (Action(import, 2), Row(import, 2)["entityId"]!.GetValue<long>()));
        Assert.Equal(("create", "refused", "refused", "refused", "refused", "create"), (Action(import, 3), Action(import, 4), Action(import, 5), Action(import, 6), Action(import, 7), Action(import, 9)));
        Assert.Equal("import.sameName", Row(import, 4)["code"]!.GetValue<string>());
        Assert.StartsWith($"已有同名企业（企业 {namesake}）", Row(import, 4)["errors"]!["name"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("import.duplicateRow", Row(import, 5)["code"]!.GetValue<string>());
        Assert.Contains("第 3 行", Row(import, 5)["errors"]!["creditCode"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(("validation", "'creditCode' 不是有效的统一社会信用代码（18 位，末位为校验码）。"), (Row(import, 6)["code"]!.GetValue<string>(), Row(import, 6)["errors"]!["creditCode"]![0]!.GetValue<string>()));
        Assert.Equal("import.formula", Row(import, 7)["code"]!.GetValue<string>());
        var counts = import["counts"]!;
        Assert.Equal((7, 2, 1, 0, 4), (counts["rows"]!.GetValue<int>(), counts["create"]!.GetValue<int>(), counts["update"]!.GetValue<int>(), counts["unchanged"]!.GetValue<int>(), counts["refused"]!.GetValue<int>()));
        Assert.Equal(before, await Companies()); // a dry run writes no company
        Assert.NotEqual(snapshot, await Snapshot()); // but the import itself
        Assert.Equal(import.ToJsonString(), (await Json(await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/imports/{id}") { Headers = { AcceptLanguage = { new("zh-CN") } } }))).ToJsonString());

        // Meanwhile someone enters 微创 by hand: the commit plans again and updates it instead of creating it twice.
        var byHand = Id(await PostOk("/api/v1/companies", new { name = "上海微创医疗器械（集团）有限公司", creditCode = Weichuang, country = "CN", city = "上海" }));
        var committed = await PostOk($"/api/v1/imports/{id}/commit", new { }, HttpStatusCode.OK);
        Assert.Equal("committed", committed["status"]!.GetValue<string>());
        Assert.Equal(("update", byHand), (Action(committed, 3), Row(committed, 3)["entityId"]!.GetValue<long>()));
        var created = Row(committed, 9)["entityId"]!.GetValue<long>();
        var chengdu = await GetOk($"/api/v1/companies/{created}");
        Assert.Equal(("成都未名医药技术服务有限公司", "CN", "510100"), (chengdu["name"]!.GetValue<string>(), chengdu["country"]!.GetValue<string>(), chengdu["regionCode"]!.GetValue<string>()));
        var kangyuan = await GetOk($"/api/v1/companies/{existing}");
        Assert.Equal(("杭州康源生物科技股份有限公司", "330106"), (kangyuan["name"]!.GetValue<string>(), kangyuan["regionCode"]!.GetValue<string>()));
        Assert.Equal(before + 2, await Companies()); // 微创 by hand, 成都 by the import

        // Once only; every company written is its own change in the feed.
        await AssertProblem(await Send(HttpMethod.Post, $"/api/v1/imports/{id}/commit", new { }), HttpStatusCode.Conflict, code: "import.committed");
        var feed = (await GetOk("/api/v1/changes?after=0&limit=500"))["items"]!.AsArray().Where(c => c!["entity"]!.GetValue<string>() == "company").Select(c => (c!["id"]!.GetValue<string>(), c["kind"]!.GetValue<string>())).ToList();
        Assert.Contains((existing.ToString(System.Globalization.CultureInfo.InvariantCulture), "updated"), feed);
        Assert.Contains((created.ToString(System.Globalization.CultureInfo.InvariantCulture), "created"), feed);
        Assert.DoesNotContain(feed, c => c.Item1 == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && c.Item2 == "committed");
    }

    [DbFact]
    public async Task A_CSV_reads_in_UTF_8_with_or_without_a_byte_order_mark_and_in_GB18030_with_Chinese_or_English_headers()
    {
        const string Chinese = "企业名称,统一社会信用代码,城市\r\n杭州康源生物科技有限公司,91330106MA2B0A2X4R,杭州\r\n\"上海微创医疗器械（集团）有限公司\",,上海\r\n";
        var utf8Bom = await Json(await Upload([.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(Chinese)], "text/csv"));
        var gb18030 = await Json(await Upload(System.Text.Encoding.GetEncoding("GB18030").GetBytes(Chinese), "text/csv"));
        var english = await Json(await Upload(System.Text.Encoding.UTF8.GetBytes("name,creditCode,country,city\nSiemens Healthineers AG,,DE,Erlangen\n"), "application/octet-stream"));
        Assert.Equal(("utf-8", "gb18030", "utf-8"), (utf8Bom["encoding"]!.GetValue<string>(), gb18030["encoding"]!.GetValue<string>(), english["encoding"]!.GetValue<string>()));
        foreach (var csv in new[] { utf8Bom, gb18030 })
        {
            Assert.Equal(["create", "create"], csv["rows"]!.AsArray().Select(r => r!["action"]!.GetValue<string>()).ToArray());
        }

        var committed = await PostOk($"/api/v1/imports/{Id(gb18030)}/commit", new { }, HttpStatusCode.OK);
        var company = await GetOk($"/api/v1/companies/{Row(committed, 3)["entityId"]!.GetValue<long>()}");
        Assert.Equal("上海微创医疗器械（集团）有限公司", company["name"]!.GetValue<string>()); // decoded, not mojibake
        Assert.Equal("create", Action(english, 2));

        // The same file again after the commit: nothing new.
        var again = await Json(await Upload(System.Text.Encoding.UTF8.GetBytes(Chinese), "text/csv"));
        Assert.Equal(["unchanged", "refused"], again["rows"]!.AsArray().Select(r => r!["action"]!.GetValue<string>()).ToArray());
        Assert.Equal("import.sameName", Row(again, 3)["code"]!.GetValue<string>());
    }

    [DbFact]
    public async Task An_activities_export_re_imports_as_it_is_and_new_rows_are_checked_as_the_API_checks_an_activity()
    {
        var world = await CreateWorld();
        var (_, officerKey) = await UserWithKey("孙丽", "officer", world.Team);
        using var officer = Factory.ClientWithKey(officerKey);
        var deal = Id(await Deal(world));
        var others = await Team("先进制造专班");
        var elsewhere = Id(await Deal(world, new { ownerId = await User("赵敏", "officer", others), teamId = others }, "另一个项目"));
        var first = Id(await Activity(deal, "call", DaysAgo(20), "电话联系董事长"));
        await Activity(deal, "siteVisit", DaysAgo(10), "陪同考察标准厂房");

        // The export, as Excel on Chinese Windows reads it, comes back unchanged.
        var export = await Client.GetByteArrayAsync("/api/v1/export/activities.csv?lang=zh-CN");
        var again = await Json(await Upload(export, "text/csv", kind: "activities"));
        Assert.Equal(["unchanged", "unchanged"], again["rows"]!.AsArray().Select(r => r!["action"]!.GetValue<string>()).ToArray());
        Assert.Equal(first, Row(again, 2)["entityId"]!.GetValue<long>());

        // New rows: a Chinese label and an Excel date serial, a Chinese date; refused per row as the API would refuse them.
        var fiveDaysAgo = DateOnly.ParseExact(DaysAgo(5), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var serial = (fiveDaysAgo.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var threeDaysAgo = DateOnly.ParseExact(DaysAgo(3), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var ledger = Workbook(
            ["编号", "项目编号", "类型", "日期", "摘要", "下一步"],
            [null, $"{deal}", "实地考察", $"#{serial}", "企业来园区考察", "报送评审材料"], // 2
            [null, $"{deal}", "call", $"{threeDaysAgo.Year}年{threeDaysAgo.Month}月{threeDaysAgo.Day}日", "电话回访", null], // 3
            [null, $"{elsewhere}", "meeting", DaysAgo(1), "另一专班的项目", null], // 4: not the officer's to change
            [null, "99999", "call", DaysAgo(1), "不存在的项目", null], // 5
            [null, $"{deal}", "传真", DaysAgo(1), "未知类型", null], // 6
            [null, $"{deal}", "call", "2099-01-01", "未来的日期", null], // 7
            ["88888", $"{deal}", "call", DaysAgo(1), "编号不在该项目", null]); // 8
        var dryRun = await Json(await officer.PostAsync("/api/v1/imports?kind=activities", new ByteArrayContent(ledger) { Headers = { ContentType = new(Xlsx) } }));
        Assert.Equal(("create", "create"), (Action(dryRun, 2), Action(dryRun, 3)));
        Assert.Equal(("forbidden", "notFound"), (Row(dryRun, 4)["code"]!.GetValue<string>(), Row(dryRun, 5)["code"]!.GetValue<string>()));
        Assert.NotNull(Row(dryRun, 6)["errors"]!["type"]);
        Assert.NotNull(Row(dryRun, 7)["errors"]!["on"]);
        Assert.Equal("import.unknownId", Row(dryRun, 8)["code"]!.GetValue<string>());

        var committed = await Json(await Send(officer, HttpMethod.Post, $"/api/v1/imports/{Id(dryRun)}/commit"));
        Assert.Equal(2, committed["counts"]!["create"]!.GetValue<int>());
        var activities = JsonNode.Parse(await Client.GetStringAsync($"/api/v1/deals/{deal}/activities"))!;
        var items = (activities is JsonArray list ? list : activities["items"]!.AsArray()).Select(a => (a!["type"]!.GetValue<string>(), a["on"]!.GetValue<string>(), a["summary"]!.GetValue<string>())).ToList();
        Assert.Contains(("siteVisit", DaysAgo(5), "企业来园区考察"), items);
        Assert.Contains(("call", DaysAgo(3), "电话回访"), items);
        Assert.Equal(4, items.Count);
    }

    [DbFact]
    public async Task A_deals_ledger_upserts_by_ledger_number_and_dates_the_history_of_a_deal_imported_at_a_later_stage_from_its_columns()
    {
        var world = await CreateWorld();
        var weichuang = await Company("上海微创医疗器械（集团）有限公司", Weichuang);
        var onFile = Id(await Deal(world, new { externalRef = "HZ-2025-001", stage = "negotiation", openedOn = DaysAgo(90) }));
        var signedOn = DaysAgo(30);
        var ledger = Workbook(
            ["台账编号", "项目名称", "企业名称", "统一社会信用代码", "园区", "产业", "负责人", "阶段", "意向投资（万元）", "合同投资（万元）", "立项日期", "签约日期", "落地日期", "开工日期"],
            ["HZ-2025-001", "创新药研发中心", "杭州康源生物科技有限公司", null, "杭州医药港", "创新药", "王磊", "签约", "10,000", "9600", null, signedOn, null, null], // 2: on file, signed now
            ["HZ-2024-017", "合成生物中试基地", null, Weichuang, "杭州医药港", "生物医药", "王磊", "落地", "12345.6789", "12000", "2024-03-01", "2024年6月18日", "#45601", "2025/2/10"], // 3: created landed, with its history
            ["HZ-2024-018", "未知园区的项目", "杭州康源生物科技有限公司", null, "滨江园区", "创新药", "王磊", "洽谈", "1000", null, null, null, null, null], // 4
            ["HZ-2024-019", "签约日期早于阶段", "杭州康源生物科技有限公司", null, "杭州医药港", "创新药", "王磊", "洽谈", "1000", null, "2024-05-01", "2024-06-01", null, null], // 5
            ["HZ-2024-017", "重复的台账编号", "杭州康源生物科技有限公司", null, "杭州医药港", "创新药", "王磊", "洽谈", "1000", null, null, null, null, null], // 6
            ["HZ-2024-020", "阶段不明", "杭州康源生物科技有限公司", null, "杭州医药港", "创新药", "王磊", "考察中", "1000", null, null, null, null, null], // 7
            ["HZ-2024-021", "签约早于立项", "杭州康源生物科技有限公司", null, "杭州医药港", "创新药", "王磊", "签约", "1000", null, "2024-05-01", "2024-04-01", null, null], // 8
            ["HZ-2024-022", "没有企业", null, null, "杭州医药港", "创新药", "王磊", "洽谈", "1000", null, null, null, null, null], // 9
            ["HZ-2024-023", "零头不足一分", "杭州康源生物科技有限公司", null, "杭州医药港", "创新药", "王磊", "洽谈", "0.0000001", null, null, null, null, null], // 10
            ["HZ-2024-024", "天文数字", "杭州康源生物科技有限公司", null, "杭州医药港", "创新药", "王磊", "洽谈", "79228162514264337593543950335", null, null, null, null, null]); // 11: no overflow, an error

        var dryRun = await Json(await Upload(ledger, Xlsx, kind: "deals", lang: "zh-CN"));
        Assert.Equal(("update", onFile), (Action(dryRun, 2), Row(dryRun, 2)["entityId"]!.GetValue<long>()));
        Assert.Equal("create", Action(dryRun, 3));
        Assert.Equal("validation", Row(dryRun, 4)["code"]!.GetValue<string>());
        Assert.Equal("parkName：没有名为 滨江园区 的记录。", Row(dryRun, 4)["errors"]!["parkName"]![0]!.GetValue<string>());
        Assert.Equal(("import.dateBeforeStage", "import.duplicateRow", "validation", "on.beforeLastChange"), (Code(dryRun, 5), Code(dryRun, 6), Code(dryRun, 7), Code(dryRun, 8)));
        Assert.NotNull(Row(dryRun, 5)["errors"]!["signedOn"]);
        Assert.NotNull(Row(dryRun, 7)["errors"]!["stage"]);
        Assert.NotNull(Row(dryRun, 8)["errors"]!["signedOn"]);
        Assert.NotNull(Row(dryRun, 9)["errors"]!["companyName"]);
        Assert.NotNull(Row(dryRun, 10)["errors"]!["intendedInvestment"]);
        Assert.NotNull(Row(dryRun, 11)["errors"]!["intendedInvestment"]);
        Assert.Equal((10, 1, 1, 8), (dryRun["counts"]!["rows"]!.GetValue<int>(), dryRun["counts"]!["create"]!.GetValue<int>(), dryRun["counts"]!["update"]!.GetValue<int>(), dryRun["counts"]!["refused"]!.GetValue<int>()));
        Assert.Single((await GetOk("/api/v1/deals"))["items"]!.AsArray()); // a dry run writes no deal

        // The refused rows come back as a workbook to correct: the file's own cells after the row number and the reason.
        using (var refusals = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/imports/{Id(dryRun)}/refusals.xlsx") { Headers = { AcceptLanguage = { new("zh-CN") } } })
        using (var stream = new MemoryStream(await (await Client.SendAsync(refusals)).Content.ReadAsByteArrayAsync()))
        using (var document = SpreadsheetDocument.Open(stream, false))
        {
            var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Select(r => r.Descendants<Cell>().Select(c => c.InnerText).ToList()).ToList();
            Assert.Equal(["行号", "拒绝原因", "台账编号", "项目名称"], rows[0].Take(4));
            Assert.Equal(["4", "5", "6", "7", "8", "9", "10", "11"], rows.Skip(1).Select(r => r[0]));
            Assert.Equal(("parkName: parkName：没有名为 滨江园区 的记录。", "HZ-2024-018", "滨江园区"), (rows[1][1], rows[1][2], rows[1][6]));
        }

        var (_, officerKey) = await UserWithKey("孙丽", "officer", world.Team);
        using var officer = Factory.ClientWithKey(officerKey);
        await AssertProblem(await officer.GetAsync($"/api/v1/imports/{Id(dryRun)}/refusals.xlsx"), HttpStatusCode.Forbidden); // not the officer's upload
        Assert.Equal("negotiation", (await GetOk($"/api/v1/deals/{onFile}"))["stage"]!.GetValue<string>()); // nothing written

        var id = Id(dryRun);
        await PostOk($"/api/v1/imports/{id}/commit", new { }, HttpStatusCode.OK);
        var signed = await GetOk($"/api/v1/deals/{onFile}");
        Assert.Equal(("signed", signedOn, 100_000_000m, 96_000_000m), (signed["stage"]!.GetValue<string>(), signed["signedOn"]!.GetValue<string>(), Money(signed["intendedInvestment"]), Money(signed["contractedInvestment"])));
        var landed = Assert.Single((await GetOk("/api/v1/deals?externalRef=HZ-2024-017"))["items"]!.AsArray())!;
        Assert.Equal((weichuang, world.Biomed, world.Officer, 123_456_789m, 120_000_000m), (landed["companyId"]!.GetValue<long>(), landed["sectorId"]!.GetValue<long>(), landed["ownerId"]!.GetValue<long>(), Money(landed["intendedInvestment"]), Money(landed["contractedInvestment"])));
        Assert.Equal(("landed", "2024-03-01", "2024-06-18", "2024-11-05", "2025-02-10"), (landed["stage"]!.GetValue<string>(), landed["openedOn"]!.GetValue<string>(), landed["signedOn"]!.GetValue<string>(), landed["landedOn"]!.GetValue<string>(), landed["constructionStartedOn"]!.GetValue<string>()));
        var history = (await GetOk($"/api/v1/deals/{Id(landed)}/history"))["items"]!.AsArray().Where(h => h!["kind"]!.GetValue<string>() == "stage").Select(h => $"{h!["to"]}@{h["on"]}");
        Assert.Equal(["contact@2024-03-01", "signed@2024-06-18", "landed@2024-11-05"], history);

        // As-of reports count it on the ledger's days, not the import's.
        string Stages(JsonObject report) => string.Join(" ", report["rows"]!.AsArray().Where(r => r!["count"]!.GetValue<int>() > 0).Select(r => $"{r!["key"]}:{r["count"]}"));
        Assert.Equal("contact:1", Stages(await GetOk("/api/v1/reports/pipeline?asOf=2024-05-01")));
        Assert.Equal("signed:1", Stages(await GetOk("/api/v1/reports/pipeline?asOf=2024-07-01")));
        Assert.Equal("landed:1", Stages(await GetOk("/api/v1/reports/pipeline?asOf=2024-12-01")));

        // Every write is audited and in the feed, tagged with the import.
        var audited = (await GetOk($"/api/v1/audit?importId={id}&limit=100"))["items"]!.AsArray().Select(a => (a!["entity"]!.GetValue<string>(), a["entityId"]!.GetValue<string>())).ToList();
        Assert.Contains(("deal", $"{onFile}"), audited);
        Assert.Contains(("deal", $"{Id(landed)}"), audited);
        Assert.Contains(("import", $"{id}"), audited);
        var tagged = (await GetOk("/api/v1/changes?after=0&limit=500"))["items"]!.AsArray().Where(c => c!["importId"]?.GetValue<long>() == id).Select(c => c!["id"]!.GetValue<string>()).ToList();
        Assert.Equal([$"{onFile}", $"{Id(landed)}"], tagged.Order().ToList());

        // Another live deal's ledger number is refused through the API too.
        await AssertProblem(await Send(HttpMethod.Post, "/api/v1/deals", new { name = "重号", companyId = world.Company, parkId = world.Park, sectorId = world.Drugs, ownerId = world.Officer, intendedInvestment = 1m, externalRef = "HZ-2024-017" }), HttpStatusCode.Conflict, code: "deal.externalRefTaken");

        // The deals export, in CSV and in XLSX (万元, Excel dates), re-imports unchanged.
        foreach (var (path, type) in new[] { ("/api/v1/export/deals.csv?lang=zh-CN", "text/csv"), ("/api/v1/export/deals.xlsx?lang=zh-CN", Xlsx), ("/api/v1/export/deals.csv", "text/csv") })
        {
            var again = await Json(await Upload(await Client.GetByteArrayAsync(path), type, kind: "deals"));
            Assert.All(again["rows"]!.AsArray(), r => Assert.Equal("unchanged", r!["action"]!.GetValue<string>()));
            Assert.Equal(2, again["rows"]!.AsArray().Count);
        }

        // 开工 from a ledger keeps the order of the deal's other milestones, as the API keeps it; 投产 needs 开工 there too.
        var assessed = Id(await Deal(world, new { externalRef = "HZ-2025-030", stage = "landed", openedOn = DaysAgo(60) }, "已环评项目"));
        await PostOk($"/api/v1/deals/{assessed}/milestones", new { kind = "environmentApproved", on = DaysAgo(20) }, HttpStatusCode.OK);
        var out_ = await Json(await Upload(
            Workbook(
                ["台账编号", "项目名称", "企业名称", "园区", "产业", "负责人", "阶段", "意向投资（万元）", "立项日期", "签约日期", "落地日期", "开工日期", "投产日期"],
                ["HZ-2025-030", "已环评项目", "杭州康源生物科技有限公司", "杭州医药港", "创新药", "王磊", "落地", "10000", DaysAgo(60), DaysAgo(60), DaysAgo(60), DaysAgo(30), null],
                ["HZ-2025-031", "未开工先投产", "杭州康源生物科技有限公司", "杭州医药港", "创新药", "王磊", "落地", "1000", DaysAgo(60), DaysAgo(60), DaysAgo(60), null, DaysAgo(10)]),
            Xlsx,
            kind: "deals"));
        Assert.Equal(("on.beforePrevious", "milestone.outOfOrder"), (Code(out_, 2), Code(out_, 3)));
        Assert.NotNull(Row(out_, 2)["errors"]!["constructionStartedOn"]);
        Assert.NotNull(Row(out_, 3)["errors"]!["productionStartedOn"]);
    }

    [DbFact]
    public async Task The_deals_template_offers_drop_down_lists_of_the_offices_stages_parks_sectors_and_owners_and_re_imports_once_filled_in()
    {
        var world = await CreateWorld();
        await User("钱坤", "analyst");
        var response = await Client.GetAsync("/api/v1/imports/templates/deals.xlsx");
        Assert.Equal(Xlsx, response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var stream = new MemoryStream(bytes))
        using (var document = SpreadsheetDocument.Open(stream, false))
        {
            var book = document.WorkbookPart!;
            var sheets = book.Workbook.Descendants<Sheet>().ToList();
            Assert.Equal(("项目台账导入模板", "选项"), (sheets[0].Name!.Value, sheets[1].Name!.Value));
            Assert.Equal(SheetStateValues.Hidden, sheets[1].State!.Value);
            var main = (WorksheetPart)book.GetPartById(sheets[0].Id!);
            var header = main.Worksheet.Descendants<Row>().First().Descendants<Cell>().Select(c => c.InnerText).ToList();
            Assert.Contains("意向投资（万元）", header);
            var choices = ((WorksheetPart)book.GetPartById(sheets[1].Id!)).Worksheet.Descendants<Row>().ToList();
            string[] Column(int index) => [.. choices.Skip(1).Select(r => r.Descendants<Cell>().FirstOrDefault(c => c.CellReference!.Value!.StartsWith(((char)('A' + index)).ToString(), StringComparison.Ordinal) && char.IsDigit(c.CellReference!.Value![1]))?.InnerText).OfType<string>()];
            var lists = choices[0].Descendants<Cell>().Select(c => c.InnerText).ToList();
            Assert.Equal(["接洽", "洽谈", "三书", "签约", "落地"], Column(lists.IndexOf("阶段")));
            Assert.Equal(["杭州医药港"], Column(lists.IndexOf("园区")));
            Assert.Equal(["生物医药", "创新药"], Column(lists.IndexOf("产业")));
            Assert.Equal(["王磊"], Column(lists.IndexOf("负责人"))); // not the analyst: an analyst owns no deal
            var validations = main.Worksheet.Descendants<DataValidation>().ToList();
            var stage = validations.Single(v => v.ErrorTitle!.Value == "阶段");
            var stageColumn = Letters(header.IndexOf("阶段"));
            Assert.Equal($"{stageColumn}2:{stageColumn}100001", stage.SequenceOfReferences!.InnerText); // every row a ledger may have (Imports:MaxRows)
            Assert.Equal($"'选项'!${(char)('A' + lists.IndexOf("阶段"))}$2:${(char)('A' + lists.IndexOf("阶段"))}$6", stage.Formula1!.Text);
            Assert.Equal(DataValidationValues.List, stage.Type!.Value);
        }

        // Filled in as an officer would (the template's own header, a value from each list), it imports.
        using (var stream = new MemoryStream())
        {
            stream.Write(bytes);
            using (var document = SpreadsheetDocument.Open(stream, true))
            {
                var book = document.WorkbookPart!;
                var main = (WorksheetPart)book.GetPartById(book.Workbook.Descendants<Sheet>().First().Id!);
                var header = main.Worksheet.Descendants<Row>().First().Descendants<Cell>().Select(c => c.InnerText).ToList();
                var values = new Dictionary<string, string> { ["项目名称"] = "高端制剂产业化", ["企业名称"] = "杭州康源生物科技有限公司", ["园区"] = "杭州医药港", ["产业"] = "创新药", ["负责人"] = "王磊", ["阶段"] = "洽谈", ["意向投资（万元）"] = "25000", ["重点项目"] = "是" };
                var row = new Row { RowIndex = 2U };
                foreach (var (name, value) in values)
                {
                    row.Append(new Cell { CellReference = $"{Letters(header.IndexOf(name))}2", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) });
                }

                main.Worksheet.GetFirstChild<SheetData>()!.Append(row);
                main.Worksheet.Save();
            }

            var import = await Json(await Upload(stream.ToArray(), Xlsx, kind: "deals"));
            Assert.True(Action(import, 2) == "create", import.ToJsonString());
            var committed = await PostOk($"/api/v1/imports/{Id(import)}/commit", new { }, HttpStatusCode.OK);
            var deal = await GetOk($"/api/v1/deals/{Row(committed, 2)["entityId"]!.GetValue<long>()}");
            Assert.Equal(("negotiation", 250_000_000m, true, world.Drugs), (deal["stage"]!.GetValue<string>(), Money(deal["intendedInvestment"]), deal["isKeyProject"]!.GetValue<bool>(), deal["sectorId"]!.GetValue<long>()));
        }
    }

    [DbFact]
    public async Task Letters_and_funds_ledgers_name_deals_by_ledger_number_are_checked_as_the_API_checks_them_and_never_record_a_row_twice()
    {
        var world = await CreateWorld();
        var deal = Id(await Deal(world, new { externalRef = "HZ-1", stage = "signed", openedOn = DaysAgo(60), contractedInvestment = 90_000_000m }));
        string Csv(params string[] lines) => string.Join("\r\n", lines) + "\r\n";
        var letters = System.Text.Encoding.UTF8.GetBytes(Csv(
            "类型,签署日期,签署方,台账编号",
            $"合作意向书,{DaysAgo(50)},杭州康源生物科技有限公司,HZ-1", // 2
            $"intent,{DaysAgo(50)},杭州康源生物科技有限公司,HZ-1", // 3: the same letter as row 2
            $"专家聘书,{DaysAgo(45)},张院士,", // 4: a letter of no deal
            $"合作意向书,{DaysAgo(40)},某某生物,HZ-404", // 5: no live deal has that number
            $"传真,{DaysAgo(40)},某某生物,HZ-1")); // 6
        var planned = await Json(await Upload(letters, "text/csv", kind: "letters"));
        Assert.Equal(("create", "import.duplicateRow", "create"), (Action(planned, 2), Code(planned, 3), Action(planned, 4)));
        Assert.NotNull(Row(planned, 5)["errors"]!["externalRef"]);
        Assert.NotNull(Row(planned, 6)["errors"]!["type"]);
        await PostOk($"/api/v1/imports/{Id(planned)}/commit", new { }, HttpStatusCode.OK);
        var recorded = (await GetOk($"/api/v1/letters?dealId={deal}"))["items"]!.AsArray();
        Assert.Equal(("intent", DaysAgo(50)), (Assert.Single(recorded)!["type"]!.GetValue<string>(), recorded[0]!["signedOn"]!.GetValue<string>()));

        var funds = System.Text.Encoding.UTF8.GetBytes(Csv(
            "台账编号,到位日期,到位金额（万元）,备注",
            $"HZ-1,{DaysAgo(40)},\"5,000\",首期注册资本金到位", // 2: ¥50,000,000
            $"HZ-1,{DaysAgo(70)},100,签约之前", // 3: before the signing
            $"HZ-1,{DaysAgo(30)},0,零", // 4: not more than 0
            $"HZ-2,{DaysAgo(30)},100,")); // 5
        var dryRun = await Json(await Upload(funds, "text/csv", kind: "funds"));
        Assert.Equal(("create", "on.beforeSigning"), (Action(dryRun, 2), Code(dryRun, 3)));
        Assert.NotNull(Row(dryRun, 3)["errors"]!["on"]);
        Assert.NotNull(Row(dryRun, 4)["errors"]!["amount"]);
        Assert.NotNull(Row(dryRun, 5)["errors"]!["externalRef"]);
        await PostOk($"/api/v1/imports/{Id(dryRun)}/commit", new { }, HttpStatusCode.OK);
        var inPlace = Assert.Single((await GetOk($"/api/v1/deals/{deal}/funds"))["items"]!.AsArray())!;
        Assert.Equal((50_000_000m, DaysAgo(40)), (Money(inPlace["amount"]), inPlace["on"]!.GetValue<string>()));

        // The same ledgers again: nothing is recorded twice.
        var before = await Snapshot();
        Assert.Equal("unchanged", Action(await Json(await Upload(letters, "text/csv", kind: "letters")), 2));
        var again = await Json(await Upload(funds, "text/csv", kind: "funds"));
        Assert.Equal("unchanged", Action(again, 2));
        await PostOk($"/api/v1/imports/{Id(again)}/commit", new { }, HttpStatusCode.OK);
        Assert.Single((await GetOk($"/api/v1/deals/{deal}/funds"))["items"]!.AsArray());
        Assert.NotEqual(before, await Snapshot()); // the imports themselves, and nothing else: the funds are as they were
    }

    [DbFact]
    public async Task A_commit_is_written_batch_by_batch_shows_its_progress_and_one_cut_short_resumes_without_writing_a_row_twice()
    {
        var before = await Companies();
        var csv = "企业名称,城市\r\n" + string.Concat(Enumerable.Range(1, 8).Select(i => $"台账导入第{i}号企业有限公司,杭州\r\n"));
        var dryRun = await Json(await Upload(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv"));
        var id = Id(dryRun);

        // The first batch alone, as a commit cut short after it leaves the import (its own transaction: written, and the rest not).
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var first = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new DealPipeline.Api.Features.Ledgers.CommitImport(id, null));
            Assert.Equal(3, first.Import.RowsDone);
        }

        var progress = await GetOk($"/api/v1/imports/{id}");
        Assert.Equal(("committing", 3, 8, 3), (progress["status"]!.GetValue<string>(), progress["rowsDone"]!.GetValue<int>(), progress["counts"]!["rows"]!.GetValue<int>(), progress["counts"]!["create"]!.GetValue<int>()));
        Assert.Equal([2, 3, 4], progress["rows"]!.AsArray().Select(r => r!["row"]!.GetValue<int>()));
        Assert.Equal(before + 3, await Companies());

        // Committed again, it resumes after the batch written: eight companies, each once.
        var committed = await PostOk($"/api/v1/imports/{id}/commit", new { }, HttpStatusCode.OK);
        Assert.Equal(("committed", 8, 8), (committed["status"]!.GetValue<string>(), committed["rowsDone"]!.GetValue<int>(), committed["counts"]!["create"]!.GetValue<int>()));
        Assert.Equal(8, committed["rows"]!.AsArray().Select(r => r!["entityId"]!.GetValue<long>()).Distinct().Count());
        Assert.Equal(before + 8, await Companies());
        var audited = (await GetOk($"/api/v1/audit?importId={id}&entity=company&limit=100"))["items"]!.AsArray();
        Assert.Equal(8, audited.Count);
        await AssertProblem(await Send(HttpMethod.Post, $"/api/v1/imports/{id}/commit", new { }), HttpStatusCode.Conflict, code: "import.committed");
    }

    private static string Letters(int column) => column < 26 ? ((char)('A' + column)).ToString() : Letters((column / 26) - 1) + (char)('A' + (column % 26));

    private static string Code(JsonObject import, int row) => Row(import, row)["code"]!.GetValue<string>();

    [DbFact]
    public async Task An_unsafe_oversized_or_unreadable_file_is_refused_before_it_is_read_and_writes_nothing()
    {
        var plain = Workbook(["企业名称"], ["杭州康源生物科技有限公司"]);
        var before = await Snapshot();
        await AssertProblem(await Upload(WithEntry(plain, "xl/vbaProject.bin", [1, 2, 3]), Xlsx), HttpStatusCode.BadRequest, "file", "import.macros");
        await AssertProblem(await Upload(WithEntry(plain, "xl/externalLinks/externalLink1.xml", "<externalLink/>"u8.ToArray()), Xlsx), HttpStatusCode.BadRequest, "file", "import.externalLinks");
        await AssertProblem(await Upload(WithEntry(plain, "xl/media/zeros.bin", new byte[30_000_000]), Xlsx), HttpStatusCode.BadRequest, "file", "import.zipBomb");
        await AssertProblem(await Upload([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5], Xlsx), HttpStatusCode.BadRequest, "file", "import.format");
        await AssertProblem(await Upload(CellAt("ZZZZZZZ2"), Xlsx), HttpStatusCode.BadRequest, "file", "import.format"); // far past XFD
        await AssertProblem(await Upload(new byte[300_001], "application/octet-stream"), HttpStatusCode.RequestEntityTooLarge);
        await AssertProblem(await Upload([], "text/csv"), HttpStatusCode.BadRequest, "file");
        await AssertProblem(await Upload("城市\n杭州\n"u8.ToArray(), "text/csv"), HttpStatusCode.BadRequest, "file", "import.columns");
        await AssertProblem(await Upload("企业名称\n甲\n"u8.ToArray(), "text/csv", kind: "meetings"), HttpStatusCode.BadRequest, "kind");
        await AssertProblem(await Client.GetAsync("/api/v1/imports/templates/meetings.xlsx"), HttpStatusCode.BadRequest, "kind");
        await AssertProblem(await Upload("项目名称,意向投资\n甲,100\n"u8.ToArray(), "text/csv", kind: "deals"), HttpStatusCode.BadRequest, "file", "import.columns"); // 元 or 万元?
        Assert.Equal(before, await Snapshot());
        await AssertProblem(await Send(HttpMethod.Post, "/api/v1/imports/999/commit", new { }), HttpStatusCode.NotFound);
    }
}

public sealed class SqliteImportTests : ImportTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerImportTests : ImportTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresImportTests : ImportTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
