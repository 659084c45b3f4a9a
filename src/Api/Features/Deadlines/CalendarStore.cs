namespace DealPipeline.Api.Features.Deadlines;

public sealed class CalendarStore(DbSession session, IClock clock)
{
    /// <summary>Replaces a year's holidays and adjusted working days.</summary>
    public async Task SetAsync(int year, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workdays, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync("DELETE FROM calendar_days WHERE cal_year = @year", new { year }, cancellationToken);
        var updated = await session.ExecuteAsync("UPDATE calendar_years SET version = version + 1, updated_at = @now WHERE cal_year = @year", new { year, now = clock.UtcNow }, cancellationToken);
        if (updated == 0)
        {
            await session.ExecuteAsync("INSERT INTO calendar_years (cal_year, updated_at) VALUES (@year, @now)", new { year, now = clock.UtcNow }, cancellationToken);
        }

        foreach (var (days, kind) in new[] { (holidays, "holiday"), (workdays, "workday") })
        {
            foreach (var day in days.Distinct())
            {
                await session.ExecuteAsync("INSERT INTO calendar_days (on_date, cal_year, kind) VALUES (@day, @year, @kind)", new { day, year, kind }, cancellationToken);
            }
        }
    }

    /// <summary>The year as loaded; a 404 when it was not.</summary>
    public async Task<CalendarResponse> GetAsync(int year, CancellationToken cancellationToken)
    {
        if (await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM calendar_years WHERE cal_year = @year", new { year }, cancellationToken) == 0)
        {
            throw new ProblemException(
                Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound, ProblemTexts.NotFound, ProblemTexts.NoCalendarLoadedYearLoadPUT.With(("year", year), ("again", year)));
        }

        var days = (await session.QueryAsync<DayRow>("SELECT on_date, kind FROM calendar_days WHERE cal_year = @year ORDER BY on_date", new { year }, cancellationToken)).ToList();
        return new CalendarResponse(year, [.. days.Where(d => d.Kind == "holiday").Select(d => d.OnDate)], [.. days.Where(d => d.Kind == "workday").Select(d => d.OnDate)]);
    }

    /// <summary>The calendar of the years loaded between two days (a year not loaded counts Monday to Friday).</summary>
    public async Task<Domain.WorkCalendar> WorkCalendarAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var days = (await session.QueryAsync<DayRow>(
            "SELECT on_date, kind FROM calendar_days WHERE on_date >= @from AND on_date <= @to", new { from, to }, cancellationToken)).ToList();
        return new Domain.WorkCalendar(days.Where(d => d.Kind == "holiday").Select(d => d.OnDate), days.Where(d => d.Kind == "workday").Select(d => d.OnDate));
    }

    private sealed record DayRow
    {
        public DateOnly OnDate { get; init; }

        public string Kind { get; init; } = "";
    }
}
