using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Xl = DocumentFormat.OpenXml.Spreadsheet;

namespace DealPipeline.Api.Features.Ledgers;

/// <summary>
/// A ledger's template (导入模板): its header row as an import reads it (money columns in 万元), bold and frozen, and for each column with
/// a closed set of values (stages, parks, sectors, owners, teams, 是/否) a drop-down list on every data row, its values on a hidden sheet
/// (选项), so that a list is not cut at the 255 characters an inline list may hold and an officer picks a park as the office spells it.
/// Other values are refused by Excel as they are typed.
/// </summary>
public static class LedgerTemplate
{
    private const string ChoicesSheet = "选项";

    public static byte[] Write(ILedger ledger, IReadOnlyDictionary<string, IReadOnlyList<string>> choices, int rows)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(choices);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new Fonts(new Font(), new Font(new Bold())) { Count = 2U },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
                new Borders(new Border()) { Count = 1U },
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1U, ApplyFont = true }) { Count = 2U });

            var listed = ledger.Columns.Select((c, i) => (Column: c, Index: i)).Where(c => choices.TryGetValue(c.Column.Key, out var values) && values.Count > 0).ToList();
            var main = workbook.AddNewPart<WorksheetPart>();
            var header = new Row { RowIndex = 1U };
            foreach (var (column, i) in ledger.Columns.Select((c, i) => (c, i)))
            {
                header.Append(Text(Reference(i, 1), column.Money ? column.Zh + "（万元）" : column.Zh, 1U));
            }

            var worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { TabSelected = true, WorkbookViewId = 0U }),
                new Columns(ledger.Columns.Select((c, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Money ? 18 : 14, CustomWidth = true })),
                new SheetData(header));
            if (listed.Count > 0)
            {
                worksheet.Append(new DataValidations(listed.Select((c, list) => new DataValidation(
                    new Formula1($"'{ChoicesSheet}'!${Letters(list)}$2:${Letters(list)}${choices[c.Column.Key].Count + 1}"))
                {
                    Type = DataValidationValues.List,
                    AllowBlank = true,
                    ShowErrorMessage = true,
                    ErrorTitle = c.Column.Zh,
                    Error = "请从下拉列表中选择。Pick a value from the list.",
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{Letters(c.Index)}2:{Letters(c.Index)}{rows + 1}" },
                }))
                { Count = (uint)listed.Count });
            }

            main.Worksheet = worksheet;
            var sheets = new Xl.Sheets(new Xl.Sheet { Id = workbook.GetIdOfPart(main), SheetId = 1U, Name = ledger.SheetName });
            if (listed.Count > 0)
            {
                var values = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                var depth = listed.Max(c => choices[c.Column.Key].Count);
                for (var r = 0; r <= depth; r++)
                {
                    var row = new Row { RowIndex = (uint)r + 1 };
                    for (var list = 0; list < listed.Count; list++)
                    {
                        var of = choices[listed[list].Column.Key];
                        if (r == 0 || r <= of.Count)
                        {
                            row.Append(Text(Reference(list, r + 1), r == 0 ? listed[list].Column.Zh : of[r - 1], r == 0 ? 1U : 0U));
                        }
                    }

                    data.Append(row);
                }

                values.Worksheet = new Worksheet(data);
                sheets.Append(new Xl.Sheet { Id = workbook.GetIdOfPart(values), SheetId = 2U, Name = ChoicesSheet, State = SheetStateValues.Hidden });
            }

            workbook.Workbook.AppendChild(sheets);
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Cell Text(string reference, string value, uint style) =>
        new(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(value) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            StyleIndex = style,
        };

    private static string Reference(int column, int row) => $"{Letters(column)}{row}";

    /// <summary>A column's letters: 0 is A, 25 Z, 26 AA.</summary>
    private static string Letters(int column) => column < 26 ? ((char)('A' + column)).ToString() : Letters((column / 26) - 1) + (char)('A' + (column % 26));
}
