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

public sealed record SetCalendar(int Year, IReadOnlyList<DateOnly>? Holidays, IReadOnlyList<DateOnly>? Workdays) : ICommand<CalendarResponse>, IAudited
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    string IAudited.AuditEntity => "calendar";

    string? IAudited.AuditId => Year.ToString(CultureInfo.InvariantCulture);
}

public sealed class SetCalendarValidator : AbstractValidator<SetCalendar>
{
    public SetCalendarValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(SetCalendar.FirstYear, SetCalendar.LastYear)
            .WithMessage($"'year' is from {SetCalendar.FirstYear} to {SetCalendar.LastYear}.");
        RuleFor(x => x.Holidays).NotNull().WithMessage("'holidays' is required: the year's public holidays (YYYY-MM-DD), an empty list for none.")
            .Must((c, days) => days is null || days.All(d => d.Year == c.Year)).WithMessage("'holidays' are days of the year in the path.");
        RuleFor(x => x.Workdays)
            .Must((c, days) => days is null || days.All(d => d.Year == c.Year)).WithMessage("'workdays' are days of the year in the path.")
            .Must(days => days is null || days.All(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday))
            .WithMessage("'workdays' are the Saturdays and Sundays made working days (调休); Monday to Friday are working days already.")
            .Must((c, days) => days is null || c.Holidays is null || !days.Intersect(c.Holidays).Any()).WithMessage("A day cannot be both a holiday and a working day.");
    }
}

/// <summary>Loads a year's calendar, replacing what was loaded for it.</summary>
public sealed class SetCalendarHandler(DbSession session, IClock clock) : IRequestHandler<SetCalendar, CalendarResponse>
{
    public async Task<CalendarResponse> Handle(SetCalendar request, CancellationToken cancellationToken)
    {
        var year = request.Year;
        await session.ExecuteAsync("DELETE FROM calendar_days WHERE cal_year = @year", new { year }, cancellationToken);
        var updated = await session.ExecuteAsync("UPDATE calendar_years SET version = version + 1, updated_at = @now WHERE cal_year = @year", new { year, now = clock.UtcNow }, cancellationToken);
        if (updated == 0)
        {
            await session.ExecuteAsync("INSERT INTO calendar_years (cal_year, updated_at) VALUES (@year, @now)", new { year, now = clock.UtcNow }, cancellationToken);
        }

        foreach (var (days, kind) in new[] { (request.Holidays ?? [], "holiday"), (request.Workdays ?? [], "workday") })
        {
            foreach (var day in days.Distinct())
            {
                await session.ExecuteAsync("INSERT INTO calendar_days (on_date, cal_year, kind) VALUES (@day, @year, @kind)", new { day, year, kind }, cancellationToken);
            }
        }

        return await CalendarQueries.GetAsync(session, year, cancellationToken);
    }
}

public sealed record GetCalendar(int Year) : IQuery<CalendarResponse>;

public sealed class GetCalendarHandler(DbSession session) : IRequestHandler<GetCalendar, CalendarResponse>
{
    public Task<CalendarResponse> Handle(GetCalendar request, CancellationToken cancellationToken) => CalendarQueries.GetAsync(session, request.Year, cancellationToken);
}

public static class CalendarQueries
{
    /// <summary>The year as loaded; a 404 when it was not.</summary>
    public static async Task<CalendarResponse> GetAsync(DbSession session, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM calendar_years WHERE cal_year = @year", new { year }, cancellationToken) == 0)
        {
            throw new ProblemException(
                Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound, "Not found", $"No calendar is loaded for {year}: load it with PUT /api/v1/calendar/{year}.");
        }

        var days = (await session.QueryAsync<DayRow>("SELECT on_date, kind FROM calendar_days WHERE cal_year = @year ORDER BY on_date", new { year }, cancellationToken)).ToList();
        return new CalendarResponse(year, [.. days.Where(d => d.Kind == "holiday").Select(d => d.OnDate)], [.. days.Where(d => d.Kind == "workday").Select(d => d.OnDate)]);
    }

    /// <summary>The calendar of the years loaded between two days (a year not loaded counts Monday to Friday).</summary>
    public static async Task<Domain.WorkCalendar> WorkCalendarAsync(DbSession session, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
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
