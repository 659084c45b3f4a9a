using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Companies;

namespace DealPipeline.Api.Features.Ledgers;

/// <summary>
/// A companies ledger: a company per row, upserted by its unified social credit code. A row with a code on file updates that company
/// (unchanged when it says nothing new); one without a code creates a company unless one of the same name is on file (the same name
/// once width, case, spacing, brackets and legal form are left out: refused, naming it, so that an import never enters a company
/// twice). Each row is checked as POST /companies checks a body, with the same texts.
/// </summary>
public sealed class CompanyLedger(DbSession session, ReferenceStore rows, IValidator<CreateCompany> validator, IClock clock) : ILedger
{
    public ImportKind Kind => ImportKind.Companies;

    public string SheetName => "企业导入模板";

    IReadOnlyList<LedgerColumn> ILedger.Columns => Columns;

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ChoicesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<string>>>(new Dictionary<string, IReadOnlyList<string>>());

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
        foreach (var row in Ledger.Readable(sheet, at, outcomes))
        {
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
