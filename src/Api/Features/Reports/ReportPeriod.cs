using DealPipeline.Api.Features.Targets;

namespace DealPipeline.Api.Features.Reports;

/// <summary>
/// A report's period: <c>from</c> and <c>to</c> (YYYY-MM-DD, inclusive), or a calendar <c>year</c>;
/// calendar days of China Standard Time. At most ten years.
/// </summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    public const int MaxYears = 10;

    public static ReportPeriod Resolve(string? from, string? to, int? year)
    {
        if (year is not null)
        {
            if (from is not null || to is not null)
            {
                throw ProblemException.Invalid("year", ProblemTexts.GiveEitherYearFromNotBoth);
            }

            if (year is < TargetStore.FirstYear or > TargetStore.LastYear)
            {
                throw ProblemException.Invalid("year", ProblemTexts.FieldBetweenMinMax.With(("field", "year"), ("min", TargetStore.FirstYear), ("max", TargetStore.LastYear)));
            }

            return new ReportPeriod(new DateOnly(year.Value, 1, 1), new DateOnly(year.Value, 12, 31));
        }

        var start = QueryValues.Date(from, "from") ?? throw ProblemException.Invalid("from", ProblemTexts.GiveFromYYYYMMDDYear);
        var end = QueryValues.Date(to, "to") ?? throw ProblemException.Invalid("to", ProblemTexts.GiveFromYYYYMMDDYear);
        if (end < start)
        {
            throw ProblemException.Invalid("to", ProblemTexts.FieldAfterOther.With(("field", "to"), ("other", "from")));
        }

        if (end > start.AddYears(MaxYears))
        {
            throw ProblemException.Invalid("to", ProblemTexts.PeriodMostNYears.With(("n", MaxYears)));
        }

        return new ReportPeriod(start, end);
    }
}
