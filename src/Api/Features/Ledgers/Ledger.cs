using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Ledgers;

/// <summary>
/// A column of a ledger: its key (the English header), its Chinese header, and other names offices give it. A money column
/// (<see cref="Money"/>) says its unit in its Chinese header, as ledgers do: 意向投资（万元）, （元）, （亿元）, or （原币） as the exports write
/// it (units of the deal's currency); its English key is in units of the currency.
/// </summary>
public sealed record LedgerColumn(string Key, string Zh, bool Required, params string[] Aliases)
{
    /// <summary>The units a money column's Chinese header may give, and what one of them is in units of the currency.</summary>
    public static readonly IReadOnlyDictionary<string, decimal> Units = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["原币"] = 1m,
        ["元"] = 1m,
        ["万元"] = 10_000m,
        ["亿元"] = 100_000_000m,
    };

    public bool Money { get; init; }

    public bool Names(string header) =>
        string.Equals(header, Key, StringComparison.OrdinalIgnoreCase) || header == Zh || Aliases.Contains(header, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How many units of the currency one unit of the header's column is; null if the header is not this column. The key is in units
    /// (the CSV export's English header), the key with " (10k)" in 万元 (the XLSX export's); the Chinese header says its unit, after
    /// 原币 when the exports write it (意向投资（原币） in a CSV, 意向投资（原币）（万元） in an XLSX). Any other qualifier (折人民币) is another column.
    /// </summary>
    public decimal? ScaleOf(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (string.Equals(header, Key, StringComparison.OrdinalIgnoreCase))
        {
            return 1m;
        }

        if (string.Equals(header, Key + " (10k)", StringComparison.OrdinalIgnoreCase))
        {
            return 10_000m;
        }

        var normal = header.Replace('(', '（').Replace(')', '）').Replace(" ", "", StringComparison.Ordinal);
        foreach (var name in Aliases.Prepend(Zh))
        {
            if (!normal.StartsWith(name + "（", StringComparison.Ordinal) || !normal.EndsWith('）'))
            {
                continue;
            }

            var qualifiers = normal[(name.Length + 1)..^1].Split("）（");
            if (qualifiers.All(Units.ContainsKey) && qualifiers.Length <= 2 && (qualifiers.Length == 1 || qualifiers[0] == "原币"))
            {
                return Units[qualifiers[^1]];
            }
        }

        return null;
    }
}

/// <summary>What every ledger shares: its header mapped to its columns (400 naming a required one missing), cells read by key, refusals.</summary>
public static class Ledger
{
    public static LedgerIndex ColumnsOf(Sheet sheet, IReadOnlyList<LedgerColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(columns);
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        var scales = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            var index = -1;
            for (var i = 0; i < sheet.Headers.Count && index < 0; i++)
            {
                if (column.Money && column.ScaleOf(sheet.Headers[i]) is { } scale)
                {
                    (index, scales[column.Key]) = (i, scale);
                }
                else if (column.Money && column.Names(sheet.Headers[i]))
                {
                    // 意向投资 alone: 元 or 万元? A ledger's amounts are off by 10,000 when guessed, so the header says.
                    throw Columns(ProblemTexts.ColumnNeedsUnit.With(("column", sheet.Headers[i]), ("zh", column.Zh)));
                }
                else if (!column.Money && column.Names(sheet.Headers[i]))
                {
                    index = i;
                }
            }

            if (index >= 0)
            {
                at[column.Key] = index;
            }
            else if (column.Required)
            {
                throw Columns(ProblemTexts.ColumnsMissing.With(("column", $"{(column.Money ? column.Zh + "（万元）" : column.Zh)} / {column.Key}")));
            }
        }

        return new LedgerIndex(at, scales, columns);
    }

    private static ProblemException Columns(Message said) =>
        new(StatusCodes.Status400BadRequest, ProblemTexts.ValidationFailed, said, new Dictionary<string, Message[]> { ["file"] = [said] }) { Code = "import.columns" };

    /// <summary>
    /// The sheet's rows to plan, one at a time: a row with a formula in a column the ledger reads is refused into
    /// <paramref name="outcomes"/> (import.formula: formulas are never evaluated) and not given.
    /// </summary>
    public static IEnumerable<SheetRow> Readable(Sheet sheet, LedgerIndex at, List<RowOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(outcomes);
        foreach (var row in sheet.Rows)
        {
            if (FormulaIn(row, at) is { } formula)
            {
                outcomes.Add(Refused(row.Number, "import.formula", formula, ProblemTexts.CellIsFormula.With(("column", formula))));
                continue;
            }

            yield return row;
        }
    }

    /// <summary>The first column of the row (of those read) that holds a formula, by its Chinese header.</summary>
    public static string? FormulaIn(SheetRow row, LedgerIndex at)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(at);
        return at.Columns.FirstOrDefault(c => at.Cell(row, c.Key)?.Formula == true)?.Zh;
    }

    public static RowError ErrorOf(string field, Message said)
    {
        ArgumentNullException.ThrowIfNull(said);
        return new RowError(field, said.English, said.Chinese);
    }

    public static RowOutcome Refused(int row, string code, string field, Message said) => new(row, RowAction.Refused, null, code, [ErrorOf(field, said)]);

    /// <summary>A refusal of the API's (404, 403, 409 with its code) as a row's: its code and text, on <paramref name="field"/> unless it names its own.</summary>
    public static RowOutcome Refused(int row, ProblemException refused, string field)
    {
        ArgumentNullException.ThrowIfNull(refused);
        var code = refused.Code ?? refused.Status switch
        {
            StatusCodes.Status403Forbidden => "forbidden",
            StatusCodes.Status404NotFound => "notFound",
            StatusCodes.Status409Conflict => "conflict",
            _ => "validation",
        };
        if (refused.Errors is { Count: > 0 } errors)
        {
            return new RowOutcome(row, RowAction.Refused, null, code, [.. errors.SelectMany(e => e.Value.Select(m => ErrorOf(e.Key, m)))]);
        }

        return Refused(row, code, field, refused.Detail ?? ProblemTexts.NotFound.With());
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];

    /// <summary>A date as ledgers write it: an Excel serial (days since 1899-12-30, what an XLSX date cell holds), or text such as 2026-03-02, 2026/3/2, 2026年3月2日.</summary>
    public static DateOnly? DateOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if ((text.Length < 8 || text.Contains('.', StringComparison.Ordinal)) && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2_958_466)
        {
            return new DateOnly(1899, 12, 30).AddDays((int)decimal.Floor(serial));
        }

        return DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    /// <summary>The Chinese labels of an enum's values, in order, as a template's drop-down list offers them.</summary>
    public static IReadOnlyList<string> LabelsOf<TEnum>()
        where TEnum : struct, Enum => [.. Enum.GetValues<TEnum>().Select(v => Labels.Zh(v) ?? Names.Of(v))];

    /// <summary>A value given by its code (call) or its Chinese label as the exports write it (电话); null for none or neither.</summary>
    public static TEnum? EnumOf<TEnum>(string? text)
        where TEnum : struct, Enum =>
        text is null ? null
        : Names.TryParse<TEnum>(text, out var value) ? value
        : Enum.GetValues<TEnum>().Cast<TEnum?>().FirstOrDefault(v => Labels.Zh(v!.Value) == text);
}

/// <summary>Where each column of a ledger is in the file, and the unit of each money column.</summary>
public sealed record LedgerIndex(IReadOnlyDictionary<string, int> At, IReadOnlyDictionary<string, decimal> Scales, IReadOnlyList<LedgerColumn> Columns)
{
    public bool Has(string key) => At.ContainsKey(key);

    public SheetCell? Cell(SheetRow row, string key)
    {
        ArgumentNullException.ThrowIfNull(row);
        return At.TryGetValue(key, out var index) && index < row.Cells.Count ? row.Cells[index] : null;
    }

    /// <summary>The cell's text, trimmed; null for an empty cell or a column the file does not have.</summary>
    public string? Text(SheetRow row, string key) => Cell(row, key)?.Text is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <summary>Reads one row's cells, collecting what is wrong with them by the field they name.</summary>
    public LedgerRow Read(SheetRow row) => new(this, row);
}

/// <summary>One row's cells read as values; each cell that cannot be read adds its error (the API's text for that field) and reads as null.</summary>
public sealed class LedgerRow(LedgerIndex at, SheetRow row)
{
    private static readonly Dictionary<string, bool> Flags = new(StringComparer.OrdinalIgnoreCase)
    {
        ["是"] = true, ["否"] = false, ["true"] = true, ["false"] = false, ["yes"] = true, ["no"] = false, ["y"] = true, ["n"] = false, ["1"] = true, ["0"] = false,
    };

    public List<RowError> Errors { get; } = [];

    public int Number => row.Number;

    public string? Text(string key) => at.Text(row, key);

    public long? Id(string key)
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        Errors.Add(Ledger.ErrorOf(key, ProblemTexts.FieldPositiveId.With(("field", key))));
        return null;
    }

    public int? Integer(string key)
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Errors.Add(Ledger.ErrorOf(key, ProblemTexts.FieldWholeNumber.With(("field", key))));
        return null;
    }

    public DateOnly? Day(string key)
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        if (Ledger.DateOf(text) is { } day)
        {
            return day;
        }

        Errors.Add(Ledger.ErrorOf(key, ProblemTexts.FieldDateWrittenYYYYMMDD.With(("field", key))));
        return null;
    }

    /// <summary>
    /// An amount in units of the currency: the cell (thousands separators allowed) times its column's unit, exact; more than two decimals
    /// after that is an error. A number Excel saved is a double, read to its 15 significant digits (all Excel shows), so that 1234.5678万元
    /// saved as 1234.5678000000001 is still ¥12,345,678.
    /// </summary>
    public decimal? Amount(string key)
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        // Past 10^15 no ledger's amount is meant (and 10^28 times a unit would overflow): an error on the cell, like any other unreadable amount.
        if (decimal.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) < 1_000_000_000_000_000m)
        {
            var whole = value == 0 ? 1 : (int)Math.Floor(Math.Log10((double)Math.Abs(value))) + 1;
            var amount = decimal.Round(value, Math.Clamp(15 - whole, 0, 28)) * (at.Scales.TryGetValue(key, out var scale) ? scale : 1m);
            if (decimal.Round(amount, 2) == amount)
            {
                return amount;
            }
        }

        Errors.Add(Ledger.ErrorOf(key, ProblemTexts.FieldAmountInUnit.With(("field", key))));
        return null;
    }

    public bool? Flag(string key)
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        if (Flags.TryGetValue(text, out var flag))
        {
            return flag;
        }

        Errors.Add(Ledger.ErrorOf(key, ProblemTexts.FieldYesOrNo.With(("field", key))));
        return null;
    }

    /// <summary>A value by its code or Chinese label (or one of <paramref name="synonyms"/>); <paramref name="said"/> when it is neither.</summary>
    public TEnum? Enum<TEnum>(string key, Message said, IReadOnlyDictionary<string, TEnum>? synonyms = null)
        where TEnum : struct, Enum
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        if (Ledger.EnumOf<TEnum>(text) is { } value)
        {
            return value;
        }

        if (synonyms?.TryGetValue(text, out var synonym) == true)
        {
            return synonym;
        }

        Errors.Add(Ledger.ErrorOf(key, said));
        return null;
    }
}
