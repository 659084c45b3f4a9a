using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Features.Evaluation;
using DealPipeline.Api.Features.FxRates;

namespace DealPipeline.Api.Features.Reports;

/// <summary>
/// The deals of one band: how many, their intended investment in CNY, and per 亩 over those that give
/// their land area (亩均投资 and 亩均税收, CNY per 亩; null when none does).
/// </summary>
public sealed record EvaluationRow(string? Band, string Label, long Count, decimal IntendedInvestment, long WithLandArea, decimal LandArea, decimal? IntendedPerMu, decimal? ExpectedTaxPerMu)
{
    /// <summary>A row's figures over its deals (amounts in CNY fen, land in hundredths of a 亩): per-亩 amounts over the deals that give land, to the fen; null when none does.</summary>
    internal static EvaluationRow Of(string? band, string label, List<(string? Band, long Intended, long Tax, long? LandAreaCentimu)> deals)
    {
        var landed = deals.Where(d => d.LandAreaCentimu is > 0).ToList();
        var land = landed.Sum(d => d.LandAreaCentimu!.Value);

        // fen per hundredth of a 亩 is yuan per 亩.
        decimal? PerMu(Func<(string?, long Intended, long Tax, long?), long> amount) =>
            land == 0 ? null : Math.Round((decimal)landed.Sum(amount) / land, 2, MidpointRounding.AwayFromZero);
        return new EvaluationRow(
            band, label, deals.Count, Money.FromMinor(deals.Sum(d => d.Intended)), landed.Count, land / 100m, PerMu(d => d.Intended), PerMu(d => d.Tax));
    }
}

public sealed record EvaluationReport(long CriteriaSetId, int Revision, DateOnly AsOf, string Currency, IReadOnlyList<EvaluationRow> Rows, EvaluationRow Total);

public sealed record GetEvaluationReport : ReportFilterQuery, IQuery<EvaluationReport>, IFilteredReport
{
    public long? CriteriaSetId { get; init; }

    public string? Status { get; init; }
}

public sealed class GetEvaluationReportValidator : AbstractValidator<GetEvaluationReport>
{
    public GetEvaluationReportValidator()
    {
        RuleFor(x => x.CriteriaSetId).NotNull().WithMessage(ProblemTexts.CriteriaSetIdRequiredCriteriaSetWhoseBands).Id();
        RuleFor(x => x.Status).Must(s => s is null or "active" or "onHold" or "any")
            .WithMessage(ProblemTexts.StatusActiveDefaultOnHoldAnyActive);
    }
}

/// <summary>
/// The pipeline (the deals of status, active by default) by the band of each deal's latest score under
/// the criteria set: a row per band of its current revision (highest first, zeros included), then
/// vetoed, then the deals not scored under the set (band null), each converted to CNY per deal at
/// today's rates. Per-亩 figures divide the CNY intended investment and expected annual tax of the
/// row's deals with a land area by their land area, to the fen.
/// </summary>
public sealed class GetEvaluationReportHandler(CriteriaSetStore criteriaSets, DbSession session, FxRateStore fxRates, DealFilter dealFilter, IClock clock, Common.CallerLanguage language) : IRequestHandler<GetEvaluationReport, EvaluationReport>
{
    public async Task<EvaluationReport> Handle(GetEvaluationReport request, CancellationToken cancellationToken)
    {
        if (!await References.ExistsAsync(session, "criteria_sets", request.CriteriaSetId!.Value, cancellationToken))
        {
            throw ProblemException.Invalid("criteriaSetId", ProblemTexts.NoSuch.With(("what", "criteria set"), ("id", request.CriteriaSetId)));
        }

        var set = await criteriaSets.GetAsync(request.CriteriaSetId.Value, null, cancellationToken);
        var (where, args) = await dealFilter.WhereAsync(request.Filter, false, cancellationToken);
        args.Add("statuses", request.Status switch
        {
            "onHold" => new[] { (int)DealStatus.OnHold },
            "any" => [(int)DealStatus.Active, (int)DealStatus.OnHold],
            _ => [(int)DealStatus.Active],
        });
        var deals = await session.QueryAsync<Row>(
            $"""
            SELECT d.intended_minor, d.currency, d.expected_tax_minor, d.land_area_centimu, e.set_id, e.band
            FROM {DealRow.From}
            WHERE {where} AND {session.Dialect.InList("d.status", "statuses")}
            """,
            args,
            cancellationToken);
        var today = clock.Today;
        var rates = await fxRates.InForceAsync(today, cancellationToken);
        var groups = deals
            .Select(d => (
                Band: d.SetId == set.Id ? d.Band!.Trim() : null,
                Intended: (long)rates.ToCny(d.Currency.Trim(), d.IntendedMinor),
                Tax: d.ExpectedTaxMinor is { } tax ? (long)rates.ToCny(d.Currency.Trim(), tax) : 0,
                d.LandAreaCentimu))
            .GroupBy(d => d.Band ?? "")
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var order = set.Bands.OrderByDescending(b => b.MinScore).Select(b => (Key: (string?)b.Key, Label: b.Name))
            .Append((Key: (string?)CriteriaDefinition.Vetoed, Label: language.English ? "Vetoed" : "一票否决"))
            .Append((Key: (string?)null, Label: language.English ? "Not scored" : "未评价"));
        var rows = order.Select(b => EvaluationRow.Of(b.Key, b.Label, groups.GetValueOrDefault(b.Key ?? "", []))).ToList();

        // Bands of earlier revisions that the current one dropped keep their deals, under their key.
        rows.InsertRange(rows.Count - 2, groups.Keys.Where(k => k.Length > 0 && rows.All(r => r.Band != k)).Order(StringComparer.Ordinal).Select(k => EvaluationRow.Of(k, k, groups[k])));
        return new EvaluationReport(set.Id, set.Revision, today, RateTable.Cny, rows, EvaluationRow.Of(null, language.English ? "Total" : "合计", [.. groups.Values.SelectMany(g => g)]));
    }

    private sealed record Row
    {
        public long IntendedMinor { get; init; }

        public string Currency { get; init; } = "";

        public long? ExpectedTaxMinor { get; init; }

        public long? LandAreaCentimu { get; init; }

        public long? SetId { get; init; }

        public string? Band { get; init; }
    }
}
