using System.IO.Compression;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DealPipeline.Api.Features.Ledgers;

/// <summary>One cell as the file holds it: its text (a number in invariant digits), and whether Excel computed it from a formula.</summary>
public sealed record SheetCell(string? Text, bool Formula);

/// <summary>A data row of a sheet: its number as the file counts it (the header is row 1), and its cells by column.</summary>
public sealed record SheetRow(int Number, IReadOnlyList<SheetCell?> Cells);

/// <summary>
/// A ledger file read: its format, the CSV's encoding, the header row, and the data rows (blank ones left out), read from the file
/// one at a time each time they are enumerated; <see cref="RowCount"/> says how many there are.
/// </summary>
public sealed record Sheet(string Format, string? Encoding, IReadOnlyList<string> Headers, IEnumerable<SheetRow> Rows)
{
    public int RowCount { get; init; }
}

/// <summary>
/// Reads an office's ledger: an XLSX workbook's first sheet, or a CSV in UTF-8 (with or without a byte-order mark) or GB18030 (what
/// Excel on Chinese Windows writes). What is unsafe is refused before anything is read (400 naming the file): a workbook with
/// macros or external links, a zip whose contents would unpack to more than the office allows or at a ratio no spreadsheet has.
/// Formulas are never evaluated: a cell Excel computed says so, and the row it is in is refused.
/// </summary>
public static class Sheets
{
    private const int MaxRatio = 200;

    /// <summary>Excel's last column, XFD: a cell referenced beyond it is no spreadsheet's.</summary>
    private const int MaxColumns = 16_384;

    static Sheets() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public static Sheet Read(byte[] file, ImportOptions options, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        return file is [0x50, 0x4B, 0x03, 0x04, ..] ? ReadXlsx(file, options, maxRows) : ReadCsv(file, maxRows);
    }

    /// <summary>
    /// A CSV: decoded once (its text is at most the file's size), checked in one pass (a header, at most <paramref name="maxRows"/> rows),
    /// then its rows parsed again each time they are read, one at a time, so that a ledger of 100,000 rows is never held as rows.
    /// </summary>
    private static Sheet ReadCsv(byte[] file, int maxRows)
    {
        var (text, encoding) = Decode(file);
        List<string>? headers = null;
        var count = 0;
        foreach (var (number, record) in CsvRecords(text))
        {
            if (headers is null)
            {
                headers = [.. record.Select(h => h.Trim())];
            }
            else if (++count > maxRows)
            {
                throw Refused("import.tooManyRows", ProblemTexts.TooManyRows.With(("max", maxRows)));
            }
        }

        return new Sheet("csv", encoding, headers ?? throw Refused("import.empty", ProblemTexts.FileHasNoHeader), CsvRows(text)) { RowCount = count };
    }

    private static IEnumerable<SheetRow> CsvRows(string text) =>
        CsvRecords(text).Skip(1).Select(r => new SheetRow(r.Number, [.. r.Record.Select(v => new SheetCell(v, false))]));

    /// <summary>The header and every row that is not blank, with its line's number in the file.</summary>
    private static IEnumerable<(int Number, string[] Record)> CsvRecords(string text)
    {
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null, DetectColumnCountChanges = false });
        var number = 0;
        while (csv.Read())
        {
            number++;
            var record = csv.Parser.Record ?? [];
            if (number == 1 || !record.All(string.IsNullOrWhiteSpace))
            {
                yield return (number, record);
            }
        }
    }

    /// <summary>UTF-8 when the bytes say so (a byte-order mark, or text that decodes strictly as UTF-8), GB18030 otherwise.</summary>
    private static (string Text, string Encoding) Decode(byte[] file)
    {
        if (file is [0xEF, 0xBB, 0xBF, ..])
        {
            return (new System.Text.UTF8Encoding(false, true).GetString(file, 3, file.Length - 3), "utf-8");
        }

        try
        {
            return (new System.Text.UTF8Encoding(false, true).GetString(file), "utf-8");
        }
        catch (System.Text.DecoderFallbackException)
        {
            return (System.Text.Encoding.GetEncoding("GB18030").GetString(file), "gb18030");
        }
    }

    /// <summary>
    /// An XLSX's first sheet: the package checked before it is opened, then the sheet read once through (a reader, one row at a time) to
    /// refuse what is no workbook or has too many rows, then read again each time its rows are read.
    /// </summary>
    private static Sheet ReadXlsx(byte[] file, ImportOptions options, int maxRows)
    {
        CheckPackage(file, options);
        try
        {
            List<string>? headers = null;
            var count = 0;
            foreach (var row in XlsxRows(file))
            {
                if (headers is null)
                {
                    headers = [.. row.Cells.Select(c => c?.Text?.Trim() ?? "")];
                }
                else if (++count > maxRows)
                {
                    throw Refused("import.tooManyRows", ProblemTexts.TooManyRows.With(("max", maxRows)));
                }
            }

            return new Sheet("xlsx", null, headers ?? throw Refused("import.empty", ProblemTexts.FileHasNoHeader), XlsxRows(file).Skip(1)) { RowCount = count };
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException)
        {
            throw Refused("import.format", ProblemTexts.NotAWorkbook);
        }
    }

    /// <summary>The first sheet's header row and every row that is not blank, one at a time.</summary>
    private static IEnumerable<SheetRow> XlsxRows(byte[] file)
    {
        using var stream = new MemoryStream(file, writable: false);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart ?? throw Refused("import.format", ProblemTexts.NotAWorkbook);
        var first = workbook.Workbook?.Sheets?.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().FirstOrDefault()?.Id?.Value;
        if (first is null || workbook.GetPartById(first) is not WorksheetPart part)
        {
            throw Refused("import.empty", ProblemTexts.FileHasNoHeader);
        }

        var strings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var header = true;
        var previous = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var cells = CellsOf(row, strings);
            var number = (int)(row.RowIndex?.Value ?? (uint)(previous + 1));
            previous = number;
            if (header || cells.Any(c => !string.IsNullOrWhiteSpace(c?.Text) || c?.Formula == true))
            {
                header = false;
                yield return new SheetRow(number, cells);
            }
        }
    }

    /// <summary>Refuses, before the workbook is opened, macros, external links and contents that unpack to too much.</summary>
    private static void CheckPackage(byte[] file, ImportOptions options)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read);
            long unzipped = 0;
            foreach (var entry in zip.Entries)
            {
                unzipped += entry.Length;
                if (unzipped > options.MaxUnzippedBytes || (entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > MaxRatio) || (entry.CompressedLength == 0 && entry.Length > 0))
                {
                    throw Refused("import.zipBomb", ProblemTexts.UnpacksTooLarge.With(("limit", options.MaxUnzippedBytes)));
                }

                var name = entry.FullName.ToLowerInvariant();
                if (name.EndsWith("vbaproject.bin", StringComparison.Ordinal))
                {
                    throw Refused("import.macros", ProblemTexts.WorkbookHasMacros);
                }

                if (name.StartsWith("xl/externallinks/", StringComparison.Ordinal))
                {
                    throw Refused("import.externalLinks", ProblemTexts.WorkbookHasExternalLinks);
                }
            }

            if (zip.GetEntry("[Content_Types].xml") is { } types)
            {
                using var read = new StreamReader(types.Open());
                if (read.ReadToEnd().Contains("macroEnabled", StringComparison.OrdinalIgnoreCase))
                {
                    throw Refused("import.macros", ProblemTexts.WorkbookHasMacros);
                }
            }
        }
        catch (InvalidDataException)
        {
            throw Refused("import.format", ProblemTexts.NotAWorkbook);
        }
    }

    private static List<SheetCell?> CellsOf(Row row, List<string> strings)
    {
        var cells = new List<SheetCell?>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = ColumnOf(cell.CellReference?.Value) ?? cells.Count;
            while (cells.Count < column)
            {
                cells.Add(null);
            }

            var raw = cell.CellValue?.Text;
            var text = cell.DataType?.Value switch
            {
                var t when t == CellValues.SharedString => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count ? strings[i] : null,
                var t when t == CellValues.InlineString => cell.InlineString?.InnerText,
                var t when t == CellValues.Boolean => raw == "1" ? "true" : "false",
                _ => raw,
            };
            if (column < cells.Count)
            {
                // Excel writes a row's cells in column order, other writers need not: a cell goes where its reference says.
                cells[column] = new SheetCell(text, cell.CellFormula is not null);
            }
            else
            {
                cells.Add(new SheetCell(text, cell.CellFormula is not null));
            }
        }

        return cells;
    }

    /// <summary>The zero-based column of a reference such as C5; one past XFD refuses the file (its row would be billions of cells).</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            if (column > MaxColumns)
            {
                throw Refused("import.format", ProblemTexts.NotAWorkbook);
            }
        }

        return column == 0 ? null : column - 1;
    }

    private static ProblemException Refused(string code, Message said) =>
        new(StatusCodes.Status400BadRequest, ProblemTexts.ValidationFailed, said, new Dictionary<string, Message[]> { ["file"] = [said] }) { Code = code };

    private static ProblemException Refused(string code, Domain.Text said) => Refused(code, said.With());
}
