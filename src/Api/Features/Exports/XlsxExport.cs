using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DealPipeline.Api.Features.Exports;

/// <summary>
/// Writes an export as an Excel workbook (Open XML SDK): one sheet for its entity, a bold frozen header row,
/// typed cells: amounts as numbers in 万元 with a #,##0.00 format (exact: fen ÷ 10^6), dates and
/// China Standard Time timestamps as Excel dates, counts as numbers, and ids and credit codes as text
/// so that Excel never turns 913502835552293711 into 9.13502835552294E+17. Text cells are inline
/// strings, never formulas. The workbook is written row by row to a temporary file (a zip package
/// needs a seekable stream), then copied to the response.
/// </summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Style indexes of the stylesheet below.
    private const uint Header = 1;
    private const uint Wan = 2;
    private const uint Day = 3;
    private const uint Instant = 4;
    private const uint Count = 5;

    private static readonly DateTime ExcelEpoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    public static async Task<long> WriteAsync<T>(
        Stream body, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, (string Zh, string En) sheetName, ExportContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(context);
        var path = Path.Combine(Path.GetTempPath(), $"dealpipeline-export-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        long written;
        using (var document = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            written = await WriteSheetAsync(sheet, columns, rows, context, cancellationToken);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = context.Chinese ? sheetName.Zh : sheetName.En }));
            workbook.Workbook.Save();
        }

        file.Position = 0;
        await file.CopyToAsync(body, cancellationToken);
        return written;
    }

    private static async Task<long> WriteSheetAsync<T>(WorksheetPart part, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, ExportContext context, CancellationToken cancellationToken)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft })
        { TabSelected = true, WorkbookViewId = 0U }));
        writer.WriteElement(new Columns(columns.Select((c, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Width(c.Kind, c.Key), CustomWidth = true })));
        writer.WriteStartElement(new SheetData());

        writer.WriteStartElement(new Row { RowIndex = 1U });
        foreach (var column in columns)
        {
            var title = context.Chinese ? column.Zh : column.Key;
            writer.WriteElement(Text(column.Kind == CellKind.Money ? title + (context.Chinese ? "（万元）" : " (10k)") : title, Header));
        }

        writer.WriteEndElement();
        var written = 0L;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            writer.WriteStartElement(new Row { RowIndex = (uint)(written + 2) });
            foreach (var column in columns)
            {
                writer.WriteElement(Cell(column.Value(row, context), column.Kind, context.Chinese));
            }

            writer.WriteEndElement();
            written++;
        }

        writer.WriteEndElement(); // SheetData
        writer.WriteEndElement(); // Worksheet
        return written;
    }

    private static Cell Cell(object? value, CellKind kind, bool chinese) => value switch
    {
        null => new Cell(),
        decimal amount when kind == CellKind.Money => Number((amount / 10_000m).ToString(CultureInfo.InvariantCulture), Wan),
        decimal quantity when kind == CellKind.Decimal => Number(quantity.ToString(CultureInfo.InvariantCulture), Wan),
        DateOnly day => Number(day.ToDateTime(TimeOnly.MinValue).Subtract(ExcelEpoch).TotalDays.ToString(CultureInfo.InvariantCulture), Day),
        DateTimeOffset at => Number(TimeZoneInfo.ConvertTime(at, ChinaTime.Zone).DateTime.Subtract(ExcelEpoch).TotalDays.ToString("0.##########", CultureInfo.InvariantCulture), Instant),
        bool flag => Text(chinese ? (flag ? "是" : "否") : (flag ? "true" : "false"), 0),
        long or int when kind == CellKind.Integer => Number(Convert.ToString(value, CultureInfo.InvariantCulture)!, Count),
        _ => Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", 0),
    };

    private static Cell Number(string value, uint style) => new() { CellValue = new CellValue(value), StyleIndex = style };

    private static Cell Text(string value, uint style) => new(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(value) { Space = SpaceProcessingModeValues.Preserve }))
    {
        DataType = CellValues.InlineString,
        StyleIndex = style,
    };

    private static double Width(CellKind kind, string key) => kind switch
    {
        CellKind.Money or CellKind.Timestamp => 20,
        CellKind.Date => 12,
        CellKind.Id or CellKind.Integer or CellKind.Flag or CellKind.Decimal => 10,
        _ when key is "name" or "companyName" or "summary" or "counterparty" or "nextStep" => 36,
        _ when key is "creditCode" => 22,
        _ => 14,
    };

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164U, FormatCode = "#,##0.00" },
            new NumberingFormat { NumberFormatId = 165U, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 166U, FormatCode = "yyyy-mm-dd hh:mm:ss" })
        { Count = 3U },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2U },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
        new Borders(new Border()) { Count = 1U },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1U, ApplyFont = true },
            new CellFormat { NumberFormatId = 164U, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165U, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166U, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 1U, ApplyNumberFormat = true })
        { Count = 6U });
}
