namespace DealPipeline.Api.Features.Reports;

/// <summary>
/// The performance figures of every month, quarter or year of a period, as one flat table a BI
/// tool loads as it is (a 12-month trend in one call, not twelve). Each row is exactly the
/// performance report of its interval, clipped to the period.
/// </summary>
public sealed record GetPerformanceSeries : PeriodReportQuery, IQuery<PerformanceSeries>, IFilteredReport
{
    public static readonly string[] Intervals = ["month", "quarter", "year"];

    /// <summary>month (default), quarter or year: bound on its own, after the period and the filters (see <see cref="For"/>).</summary>
    public string? Interval { get; private init; }

    /// <summary>The series of this period by <paramref name="interval"/>.</summary>
    public GetPerformanceSeries For(string? interval) => this with { Interval = interval };

    /// <summary>The intervals of the period, clipped to it.</summary>
    public IReadOnlyList<ReportPeriod> Periods()
    {
        var period = Period;
        var months = (Interval ?? "month") switch { "month" => 1, "quarter" => 3, _ => 12 };
        var periods = new List<ReportPeriod>();
        var start = new DateOnly(period.From.Year, (((period.From.Month - 1) / months) * months) + 1, 1);
        for (var at = start; at <= period.To; at = at.AddMonths(months))
        {
            var end = at.AddMonths(months).AddDays(-1);
            periods.Add(new ReportPeriod(at < period.From ? period.From : at, end > period.To ? period.To : end));
        }

        return periods;
    }
}

public sealed class GetPerformanceSeriesValidator : AbstractValidator<GetPerformanceSeries>
{
    public GetPerformanceSeriesValidator()
    {
        RuleFor(x => x.Interval).Must(i => i is null || GetPerformanceSeries.Intervals.Contains(i))
            .WithMessage(ProblemTexts.FieldOneValues.With(("field", "interval"), ("values", string.Join(", ", GetPerformanceSeries.Intervals))));
    }
}

/// <summary>One row per interval: the figures managers report, flat.</summary>
public sealed record PerformanceSeries(string Interval, DateOnly From, DateOnly To, string Currency, IReadOnlyList<PerformanceSeriesRow> Rows);

/// <param name="Period">2026-03 for a month, 2026-Q1 for a quarter, 2026 for a year.</param>
public sealed record PerformanceSeriesRow(
    string Period,
    DateOnly From,
    DateOnly To,
    long NewDeals,
    long Letters,
    long SignedCount,
    decimal SignedIntendedInvestment,
    decimal SignedContractedInvestment,
    long LandedCount,
    decimal LandedIntendedInvestment,
    decimal LandedContractedInvestment,
    long Lost,
    long Events,
    long SiteVisits,
    long InNegotiationAtEnd,
    decimal InNegotiationInvestmentAtEnd,
    decimal FundsInPlace);

public sealed class GetPerformanceSeriesHandler(PerformanceFigures figures) : IRequestHandler<GetPerformanceSeries, PerformanceSeries>
{
    /// <summary>At most this many rows: ten years by month.</summary>
    public const int MaxRows = 120;

    public async Task<PerformanceSeries> Handle(GetPerformanceSeries request, CancellationToken cancellationToken)
    {
        var interval = request.Interval ?? "month";
        var periods = request.Periods();
        if (periods.Count > MaxRows)
        {
            throw ProblemException.Invalid("interval", ProblemTexts.MostNIntervalsChooseLongerInterval.With(("n", MaxRows)));
        }

        var rows = new List<PerformanceSeriesRow>(periods.Count);
        foreach (var period in periods)
        {
            var r = await figures.ComputeAsync(period, request.Filter, cancellationToken);
            rows.Add(new PerformanceSeriesRow(
                Label(interval, period.From),
                r.From,
                r.To,
                r.NewDeals,
                r.Letters.Total,
                r.Signed.Count,
                r.Signed.IntendedInvestment,
                r.Signed.ContractedInvestment,
                r.Landed.Count,
                r.Landed.IntendedInvestment,
                r.Landed.ContractedInvestment,
                r.Lost.Count,
                r.Events.Total,
                r.SiteVisits,
                r.InNegotiation.Count,
                r.InNegotiation.IntendedInvestment,
                r.FundsInPlace.InPeriod));
        }

        return new PerformanceSeries(interval, request.Period.From, request.Period.To, "CNY", rows);
    }

    private static string Label(string interval, DateOnly from) => interval switch
    {
        "month" => from.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        "quarter" => $"{from.Year}-Q{((from.Month - 1) / 3) + 1}",
        _ => from.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
