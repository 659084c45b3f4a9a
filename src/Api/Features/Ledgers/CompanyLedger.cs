using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Companies;

namespace DealPipeline.Api.Features.Ledgers;

/// <summary>A column of a ledger: its key (the English header), its Chinese header, and other names offices give it.</summary>
public sealed record LedgerColumn(string Key, string Zh, bool Required, params string[] Aliases)
{
    public bool Names(string header) =>
        string.Equals(header, Key, StringComparison.OrdinalIgnoreCase) || header == Zh || Aliases.Contains(header, StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// A companies ledger: a company per row, upserted by its unified social credit code. A row with a code on file updates that company
/// (unchanged when it says nothing new); one without a code creates a company unless one of the same name is on file (the same name
/// once width, case, spacing, brackets and legal form are left out: refused, naming it, so that an import never enters a company
/// twice). Each row is checked as POST /companies checks a body, with the same texts.
/// </summary>
public sealed class CompanyLedger(DbSession session, ReferenceStore rows, IValidator<CreateCompany> validator, IClock clock)
{
    public static readonly IReadOnlyList<LedgerColumn> Columns =
    [
        new("name", "企业名称", true, "名称", "公司名称"),
        new("creditCode", "统一社会信用代码", false, "信用代码"),
        new("country", "国家或地区", false, "国家"),
        new("city", "城市", false, "所在城市"),
        new("regionCode", "行政区划代码", false, "区划代码"),
    ];

    /// <summary>What each row would do now, in file order; with <paramref name="write"/>, does it too and answers the companies changed.</summary>
    public async Task<(IReadOnlyList<RowOutcome> Outcomes, IReadOnlyList<OtherChange> Changed)> RunAsync(Sheet sheet, bool write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var at = Ledger.ColumnsOf(sheet, Columns);
        var byCode = (await session.QueryAsync<CompanyResponse>($"{GetCompanyHandler.Select} WHERE credit_code IS NOT NULL", null, cancellationToken)).ToDictionary(c => c.CreditCode!, StringComparer.Ordinal);
        var byName = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (id, name) in await session.QueryAsync<(long, string)>("SELECT id, name FROM companies WHERE merged_into_id IS NULL ORDER BY id", null, cancellationToken))
        {
            byName.TryAdd(CompanyNames.KeyOf(name), id);
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var outcomes = new List<RowOutcome>();
        var changed = new List<OtherChange>();
        foreach (var row in sheet.Rows)
        {
            if (Ledger.FormulaIn(row, at) is { } formula)
            {
                outcomes.Add(Ledger.Refused(row.Number, "import.formula", formula, ProblemTexts.CellIsFormula.With(("column", formula))));
                continue;
            }

            var fields = new CreateCompany(at.Text(row, "name"), at.Text(row, "creditCode"), at.Text(row, "country") ?? "CN", at.Text(row, "city"), at.Text(row, "regionCode"));
            var checkedFields = await validator.ValidateAsync(fields, cancellationToken);
            if (!checkedFields.IsValid)
            {
                outcomes.Add(new RowOutcome(row.Number, RowAction.Refused, null, "validation", [.. checkedFields.Errors.Select(e => Ledger.ErrorOf(e.PropertyName, Http.ProblemHandler.Said(e)))]));
                continue;
            }

            var company = CreateCompanyHandler.Normalise(fields);
            var key = company.CreditCode ?? "name:" + CompanyNames.KeyOf(company.Name);
            if (seen.TryGetValue(key, out var first))
            {
                outcomes.Add(Ledger.Refused(row.Number, "import.duplicateRow", company.CreditCode is null ? "name" : "creditCode", ProblemTexts.RowRepeatsRow.With(("row", first))));
                continue;
            }

            seen[key] = row.Number;
            if (company.CreditCode is { } code && byCode.TryGetValue(code, out var current))
            {
                if (current.Merged(StatusCodes.Status410Gone) is { } merged)
                {
                    outcomes.Add(Ledger.Refused(row.Number, "company.merged", "creditCode", merged.Detail ?? ProblemTexts.Gone.With()));
                    continue;
                }

                var same = current.Name == company.Name && current.Country == company.Country && current.City == company.City && current.RegionCode == company.RegionCode;
                if (!same && write)
                {
                    await rows.UpdateAsync(
                        "companies", "name = @Name, country = @Country, city = @City, region_code = @RegionCode", current, new { company.Name, company.Country, company.City, company.RegionCode }, cancellationToken);
                    var after = await rows.GetAsync<CompanyResponse>(GetCompanyHandler.Select, current.Id, "company", cancellationToken);
                    changed.Add(new OtherChange("company", current.Id, ChangeKinds.Updated, after.Version, null, current, after));
                }

                outcomes.Add(new RowOutcome(row.Number, same ? RowAction.Unchanged : RowAction.Update, current.Id, null, []));
                continue;
            }

            if (company.CreditCode is null && byName.TryGetValue(CompanyNames.KeyOf(company.Name), out var namesake))
            {
                outcomes.Add(Ledger.Refused(row.Number, "import.sameName", "name", ProblemTexts.CompanySameNameOnFile.With(("id", namesake))));
                continue;
            }

            long? id = null;
            if (write)
            {
                id = await CreateCompanyHandler.InsertAsync(rows, company, clock.UtcNow, cancellationToken);
                var created = await rows.GetAsync<CompanyResponse>(GetCompanyHandler.Select, id.Value, "company", cancellationToken);
                changed.Add(new OtherChange("company", id.Value, ChangeKinds.Created, created.Version, null, null, created));
            }

            byName.TryAdd(CompanyNames.KeyOf(company.Name), id ?? 0);
            outcomes.Add(new RowOutcome(row.Number, RowAction.Create, id, null, []));
        }

        return (outcomes, changed);
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
        foreach (var column in columns)
        {
            var index = sheet.Headers.ToList().FindIndex(h => column.Names(h));
            if (index >= 0)
            {
                at[column.Key] = index;
            }
            else if (column.Required)
            {
                var said = ProblemTexts.ColumnsMissing.With(("column", $"{column.Zh} / {column.Key}"));
                throw new ProblemException(StatusCodes.Status400BadRequest, ProblemTexts.ValidationFailed, said, new Dictionary<string, Message[]> { ["file"] = [said] }) { Code = "import.columns" };
            }
        }

        return new LedgerIndex(at, columns);
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

    /// <summary>A value given by its code (call) or its Chinese label as the exports write it (电话); null for none or neither.</summary>
    public static TEnum? EnumOf<TEnum>(string? text)
        where TEnum : struct, Enum =>
        text is null ? null
        : Names.TryParse<TEnum>(text, out var value) ? value
        : Enum.GetValues<TEnum>().Cast<TEnum?>().FirstOrDefault(v => Labels.Zh(v!.Value) == text);
}

/// <summary>Where each column of a ledger is in the file.</summary>
public sealed record LedgerIndex(IReadOnlyDictionary<string, int> At, IReadOnlyList<LedgerColumn> Columns)
{
    public SheetCell? Cell(SheetRow row, string key)
    {
        ArgumentNullException.ThrowIfNull(row);
        return At.TryGetValue(key, out var index) && index < row.Cells.Count ? row.Cells[index] : null;
    }

    /// <summary>The cell's text, trimmed; null for an empty cell or a column the file does not have.</summary>
    public string? Text(SheetRow row, string key) => Cell(row, key)?.Text is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}
