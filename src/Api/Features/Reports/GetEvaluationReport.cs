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
    internal static EvaluationRow Of(string? band, string label, BandTotals t)
    {
        // fen per hundredth of a 亩 is yuan per 亩.
        decimal? PerMu(decimal amount) => t.Land == 0 ? null : Math.Round(amount / t.Land, 2, MidpointRounding.AwayFromZero);
        return new EvaluationRow(band, label, t.Deals, Money.FromMinor(t.Intended), t.WithLand, t.Land / 100m, PerMu(t.LandIntended), PerMu(t.LandTax));
    }
}

/// <summary>
/// The sums behind one row (amounts in CNY fen, land in hundredths of a 亩): every deal's intended investment, and over the
/// deals that give a land area their count, land, intended investment and expected tax.
/// </summary>
internal readonly record struct BandTotals(long Deals, decimal Intended, long WithLand, decimal Land, decimal LandIntended, decimal LandTax)
{
    public static BandTotals operator +(BandTotals a, BandTotals b) =>
        new(a.Deals + b.Deals, a.Intended + b.Intended, a.WithLand + b.WithLand, a.Land + b.Land, a.LandIntended + b.LandIntended, a.LandTax + b.LandTax);

    public static BandTotals operator -(BandTotals a, BandTotals b) =>
        new(a.Deals - b.Deals, a.Intended - b.Intended, a.WithLand - b.WithLand, a.Land - b.Land, a.LandIntended - b.LandIntended, a.LandTax - b.LandTax);

    /// <summary>One deal's share, its amounts already in CNY fen.</summary>
    public static BandTotals OfDeal(long intended, long tax, long? landAreaCentimu) =>
        landAreaCentimu is > 0 and var land ? new(1, intended, 1, land, intended, tax) : new(1, intended, 0, 0, 0, 0);
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
        var today = clock.Today;
        var rates = await fxRates.InForceAsync(today, cancellationToken);

        // Summed by the database for the deals in CNY (nothing to convert): all of them, then those scored (by their latest
        // score's set and band); the deals not scored are the difference. The deals in other currencies are converted one by
        // one at today's rates, as each is reported; they are few. Reading every deal into the service instead costs
        // more than the sums themselves at 100,000 deals (docs/benchmarks.md).
        args.Add("cny", RateTable.Cny);
        var live = $"{where} AND +{session.Dialect.InList("d.status", "statuses")}";
        var all = Totals(await session.QuerySingleAsync<SumRow>($"SELECT {Sums} FROM deals d WHERE {live} AND d.currency = @cny", args, cancellationToken));
        var scored = await session.QueryAsync<SumRow>(
            $"""
            SELECT e.set_id, e.band, {Sums}
            FROM (SELECT x.deal_id, MAX(x.id) AS id FROM deal_scores x GROUP BY x.deal_id) m
            JOIN deal_scores e ON e.id = m.id JOIN deals d ON d.id = m.deal_id
            WHERE {live} AND d.currency = @cny
            GROUP BY e.set_id, e.band
            """,
            args,
            cancellationToken);
        var foreign = await session.QueryAsync<Row>(
            $"""
            SELECT d.intended_minor, d.currency, d.expected_tax_minor, d.land_area_centimu, e.set_id, e.band
            FROM {DealRow.From}
            WHERE {live} AND d.currency <> @cny
            """,
            args,
            cancellationToken);
        var groups = new Dictionary<string, BandTotals>(StringComparer.Ordinal);
        void Add(long? setId, string? band, BandTotals totals)
        {
            var key = setId == set.Id ? band!.Trim() : "";
            groups[key] = groups.GetValueOrDefault(key) + totals;
        }

        foreach (var row in scored)
        {
            Add(row.SetId, row.Band, Totals(row));
            all -= Totals(row);
        }

        Add(null, null, all);
        foreach (var d in foreign)
        {
            var tax = d.ExpectedTaxMinor is { } t ? (long)rates.ToCny(d.Currency.Trim(), t) : 0;
            Add(d.SetId, d.Band, BandTotals.OfDeal((long)rates.ToCny(d.Currency.Trim(), d.IntendedMinor), tax, d.LandAreaCentimu));
        }

        groups = groups.Where(g => g.Value.Deals > 0).ToDictionary(StringComparer.Ordinal);
        var order = set.Bands.OrderByDescending(b => b.MinScore).Select(b => (Key: (string?)b.Key, Label: b.Name))
            .Append((Key: (string?)CriteriaDefinition.Vetoed, Label: language.English ? "Vetoed" : "一票否决"))
            .Append((Key: (string?)null, Label: language.English ? "Not scored" : "未评价"));
        var rows = order.Select(b => EvaluationRow.Of(b.Key, b.Label, groups.GetValueOrDefault(b.Key ?? ""))).ToList();

        // Bands of earlier revisions that the current one dropped keep their deals, under their key.
        rows.InsertRange(rows.Count - 2, groups.Keys.Where(k => k.Length > 0 && rows.All(r => r.Band != k)).Order(StringComparer.Ordinal).Select(k => EvaluationRow.Of(k, k, groups[k])));
        return new EvaluationReport(set.Id, set.Revision, today, RateTable.Cny, rows, EvaluationRow.Of(null, language.English ? "Total" : "合计", groups.Values.Aggregate(default(BandTotals), (a, b) => a + b)));
    }

    /// <summary>The sums of <see cref="SumRow"/>, over deals aliased d.</summary>
    private static readonly string Sums =
        "COUNT(*) AS deals, " + ExactSum.Of("d.intended_minor", "intended") + ", SUM(CASE WHEN d.land_area_centimu > 0 THEN 1 ELSE 0 END) AS with_land, " +
        ExactSum.Of("CASE WHEN d.land_area_centimu > 0 THEN d.land_area_centimu ELSE 0 END", "land") + ", " +
        ExactSum.Of("CASE WHEN d.land_area_centimu > 0 THEN d.intended_minor ELSE 0 END", "land_intended") + ", " +
        ExactSum.Of("CASE WHEN d.land_area_centimu > 0 THEN COALESCE(d.expected_tax_minor, 0) ELSE 0 END", "land_tax");

    private static BandTotals Totals(SumRow r) => new(
        r.Deals,
        ExactSum.Combine(r.IntendedHi, r.IntendedLo),
        r.WithLand,
        ExactSum.Combine(r.LandHi, r.LandLo),
        ExactSum.Combine(r.LandIntendedHi, r.LandIntendedLo),
        ExactSum.Combine(r.LandTaxHi, r.LandTaxLo));

    private sealed record SumRow
    {
        public long? SetId { get; init; }

        public string? Band { get; init; }

        public long Deals { get; init; }

        public long IntendedHi { get; init; }

        public long IntendedLo { get; init; }

        public long WithLand { get; init; }

        public long LandHi { get; init; }

        public long LandLo { get; init; }

        public long LandIntendedHi { get; init; }

        public long LandIntendedLo { get; init; }

        public long LandTaxHi { get; init; }

        public long LandTaxLo { get; init; }
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
