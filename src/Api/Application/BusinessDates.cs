namespace DealPipeline.Api.Application;

/// <summary>
/// The range of every business date the service accepts, in a body or a query string. Dates far
/// outside it are typos (2206 for 2026), and near the calendar's end they broke reports that add
/// years or days to them.
/// </summary>
public static class BusinessDates
{
    public static readonly DateOnly Min = new(1990, 1, 1);
    public static readonly DateOnly Max = new(2100, 12, 31);

    /// <summary>What a refusal of a date out of range says ('{field}': Dates are from … to …).</summary>
    public static Message OutOfRange =>
        Http.ProblemTexts.FieldDatesFromMinMax.With(("min", Min.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("max", Max.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    public static bool Contains(DateOnly date) => date >= Min && date <= Max;
}
