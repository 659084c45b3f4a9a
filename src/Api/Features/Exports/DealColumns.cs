using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Exports;

/// <summary>How a column's values are written: text, an id (text in a spreadsheet), a count, money, a date, a timestamp, a yes/no.</summary>
public enum CellKind
{
    Text,
    Id,
    Integer,
    Money,

    /// <summary>A quantity with decimals that is not money (land in 亩, a score): written as it is, without a unit of yuan.</summary>
    Decimal,
    Date,
    Timestamp,
    Flag,
}

/// <summary>What an export needs besides the rows: the language, and the rates (in force on the export's date) that convert amounts to CNY.</summary>
public sealed record ExportContext(bool Chinese, RateTable Rates)
{
    /// <summary>The context of an export answered to <paramref name="http"/>: its language (see <see cref="DealColumns.WantsChinese"/>), stated in the answer's Content-Language.</summary>
    public static ExportContext Answering(HttpContext http, string? lang, RateTable rates)
    {
        ArgumentNullException.ThrowIfNull(http);
        var chinese = DealColumns.WantsChinese(http.Request, lang);
        http.Response.Headers.ContentLanguage = chinese ? Http.Languages.Chinese : Http.Languages.English;
        return new ExportContext(chinese, rates);
    }

    /// <summary>An amount in minor units of <paramref name="currency"/> as CNY yuan at the export's rates; null without a rate.</summary>
    public decimal? Cny(long? minor, string currency)
    {
        if (minor is not { } value)
        {
            return null;
        }

        if (currency == RateTable.Cny)
        {
            return Money.FromMinor(value);
        }

        return Rates.TryGetRate(currency, out var rate) ? Money.FromMinor(Money.Convert(value, rate)) : null;
    }

    public string Label<TEnum>(TEnum value)
        where TEnum : struct, Enum => Chinese
        ? value switch
        {
            Stage s => Labels.Of(s, english: false),
            DealStatus s => Labels.Of(s, english: false),
            DealSource s => Labels.Of(s, english: false),
            LostReason r => Labels.Of(r, english: false),
            _ => Labels.Zh(value) ?? Names.Of(value),
        }
        : Names.Of(value);

    /// <summary>A stage or status given by its code (history's from and to), as a label.</summary>
    public string? StateLabel(string? code) =>
        code is null ? null
        : Names.TryParse<Stage>(code, out var stage) ? Label(stage)
        : Names.TryParse<DealStatus>(code, out var status) ? Label(status)
        : code;
}

/// <summary>One column of an export: its code (the English header), its Chinese header, its kind and its value.</summary>
public sealed record ExportColumn<T>(string Key, string Zh, CellKind Kind, Func<T, ExportContext, object?> Value);

/// <summary>The columns of the deals export, the same in CSV and XLSX.</summary>
public static class DealColumns
{
    public static readonly IReadOnlyList<ExportColumn<ExportDeals.Row>> All =
    [
        new ExportColumn<ExportDeals.Row>("id", "项目编号", CellKind.Id, (r, _) => r.Id),
        new ExportColumn<ExportDeals.Row>("name", "项目名称", CellKind.Text, (r, _) => r.Name),
        new ExportColumn<ExportDeals.Row>("companyId", "企业编号", CellKind.Id, (r, _) => r.CompanyId),
        new ExportColumn<ExportDeals.Row>("companyName", "企业名称", CellKind.Text, (r, _) => r.CompanyName),
        new ExportColumn<ExportDeals.Row>("creditCode", "统一社会信用代码", CellKind.Text, (r, _) => r.CreditCode),
        new ExportColumn<ExportDeals.Row>("parkId", "园区编号", CellKind.Id, (r, _) => r.ParkId),
        new ExportColumn<ExportDeals.Row>("parkName", "园区", CellKind.Text, (r, _) => r.ParkName),
        new ExportColumn<ExportDeals.Row>("sectorId", "产业编号", CellKind.Id, (r, _) => r.SectorId),
        new ExportColumn<ExportDeals.Row>("sectorName", "产业", CellKind.Text, (r, _) => r.SectorName),
        new ExportColumn<ExportDeals.Row>("ownerId", "负责人编号", CellKind.Id, (r, _) => r.OwnerId),
        new ExportColumn<ExportDeals.Row>("ownerName", "负责人", CellKind.Text, (r, _) => r.OwnerName),
        new ExportColumn<ExportDeals.Row>("teamId", "专班编号", CellKind.Id, (r, _) => r.TeamId),
        new ExportColumn<ExportDeals.Row>("teamName", "专班", CellKind.Text, (r, _) => r.TeamName),
        new ExportColumn<ExportDeals.Row>("source", "来源", CellKind.Text, (r, c) => c.Label(r.Source)),
        new ExportColumn<ExportDeals.Row>("sourceEventId", "来源活动编号", CellKind.Id, (r, _) => r.SourceEventId),
        new ExportColumn<ExportDeals.Row>("stage", "阶段", CellKind.Text, (r, c) => c.Label(r.Stage)),
        new ExportColumn<ExportDeals.Row>("status", "状态", CellKind.Text, (r, c) => c.Label(r.Status)),
        new ExportColumn<ExportDeals.Row>("lostReason", "流失原因", CellKind.Text, (r, c) => r.LostReason is { } l ? c.Label(l) : null),
        new ExportColumn<ExportDeals.Row>("isKeyProject", "重点项目", CellKind.Flag, (r, _) => r.IsKeyProject),
        new ExportColumn<ExportDeals.Row>("confidential", "保密", CellKind.Flag, (r, _) => r.Confidential),
        new ExportColumn<ExportDeals.Row>("codeName", "代号", CellKind.Text, (r, _) => r.CodeName),
        new ExportColumn<ExportDeals.Row>("intendedInvestment", "意向投资（原币）", CellKind.Money, (r, _) => Money.FromMinor(r.IntendedMinor)),
        new ExportColumn<ExportDeals.Row>("currency", "币种", CellKind.Text, (r, _) => r.Currency),
        new ExportColumn<ExportDeals.Row>("contractedInvestment", "合同投资（原币）", CellKind.Money, (r, _) => Money.FromMinor(r.ContractedMinor)),
        new ExportColumn<ExportDeals.Row>("expectedAnnualOutput", "预计年产值（原币）", CellKind.Money, (r, _) => Money.FromMinor(r.ExpectedOutputMinor)),
        new ExportColumn<ExportDeals.Row>("expectedAnnualTax", "预计年税收（原币）", CellKind.Money, (r, _) => Money.FromMinor(r.ExpectedTaxMinor)),
        new ExportColumn<ExportDeals.Row>("fixedAssetInvestment", "固定资产投资（原币）", CellKind.Money, (r, _) => Money.FromMinor(r.FixedAssetMinor)),
        new ExportColumn<ExportDeals.Row>("expectedJobs", "预计就业人数", CellKind.Integer, (r, _) => r.ExpectedJobs),
        new ExportColumn<ExportDeals.Row>("plannedLandingOn", "计划落地日期", CellKind.Date, (r, _) => r.PlannedLandingOn),
        new ExportColumn<ExportDeals.Row>("openedOn", "立项日期", CellKind.Date, (r, _) => r.OpenedOn),
        new ExportColumn<ExportDeals.Row>("signedOn", "签约日期", CellKind.Date, (r, _) => r.SignedOn),
        new ExportColumn<ExportDeals.Row>("landedOn", "落地日期", CellKind.Date, (r, _) => r.LandedOn),
        new ExportColumn<ExportDeals.Row>("constructionStartedOn", "开工日期", CellKind.Date, (r, _) => r.ConstructionStartedOn),
        new ExportColumn<ExportDeals.Row>("productionStartedOn", "投产日期", CellKind.Date, (r, _) => r.ProductionStartedOn),
        new ExportColumn<ExportDeals.Row>("createdAt", "创建时间（北京时间）", CellKind.Timestamp, (r, _) => r.CreatedAt),
        new ExportColumn<ExportDeals.Row>("updatedAt", "更新时间（北京时间）", CellKind.Timestamp, (r, _) => r.UpdatedAt),
        new ExportColumn<ExportDeals.Row>("intendedInvestmentCny", "意向投资（折人民币）", CellKind.Money, (r, c) => c.Cny(r.IntendedMinor, r.Currency)),
        new ExportColumn<ExportDeals.Row>("contractedInvestmentCny", "合同投资（折人民币）", CellKind.Money, (r, c) => c.Cny(r.ContractedMinor, r.Currency)),
        new ExportColumn<ExportDeals.Row>("fundsInPlace", "到位资金（原币）", CellKind.Money, (r, _) => Money.FromMinor(r.FundsMinor)),
        new ExportColumn<ExportDeals.Row>("fundsInPlaceCny", "到位资金（折人民币）", CellKind.Money, (r, c) => c.Cny(r.FundsMinor, r.Currency)),
        new ExportColumn<ExportDeals.Row>("landArea", "用地面积（亩）", CellKind.Decimal, (r, _) => r.LandAreaCentimu is { } centimu ? centimu / 100m : null),
        new ExportColumn<ExportDeals.Row>("evaluationTotal", "评价总分", CellKind.Decimal, (r, _) => r.ScoreTenths is { } tenths ? tenths / 10m : null),
        new ExportColumn<ExportDeals.Row>("evaluationBand", "评价等级", CellKind.Text, (r, _) => r.ScoreBand?.Trim()),
        new ExportColumn<ExportDeals.Row>("deletedAt", "删除时间（北京时间）", CellKind.Timestamp, (r, _) => r.DeletedAt),
        new ExportColumn<ExportDeals.Row>("externalRef", "台账编号", CellKind.Text, (r, _) => r.ExternalRef),
    ];

    /// <summary>
    /// True when the caller asks for Chinese headers and labels: <c>lang=zh…</c>, or Accept-Language
    /// preferring zh (English codes otherwise); a lang that is neither is a 400.
    /// </summary>
    public static bool WantsChinese(HttpRequest request, string? lang)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Chosen(request, lang);
    }

    private static bool Chosen(HttpRequest request, string? lang)
    {
        if (!string.IsNullOrEmpty(lang))
        {
            return lang.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? true
                : lang.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? false
                : throw Application.ProblemException.Invalid("lang", ProblemTexts.LangZhCNChineseHeadersLabels);
        }

        return Http.Languages.Preferred(request) == "zh";
    }
}
