namespace DealPipeline.Api.Features.Deadlines;

/// <summary>A year of the office's calendar: its public holidays and the weekend days made working days (调休).</summary>
public sealed record CalendarResponse(int Year, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> Workdays);

public sealed record CalendarBody(IReadOnlyList<DateOnly>? Holidays, IReadOnlyList<DateOnly>? Workdays) : Http.IRequestBody
{
    public static IReadOnlyList<string> Required => ["holidays"];

    public static object Example => new CalendarBody(
        [new(2026, 10, 1), new(2026, 10, 2), new(2026, 10, 3), new(2026, 10, 4), new(2026, 10, 5), new(2026, 10, 6), new(2026, 10, 7)],
        [new(2026, 9, 20), new(2026, 10, 10)]);
}
