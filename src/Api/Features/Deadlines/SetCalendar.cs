namespace DealPipeline.Api.Features.Deadlines;

public sealed record SetCalendar(int Year, IReadOnlyList<DateOnly>? Holidays, IReadOnlyList<DateOnly>? Workdays) : ICommand<CalendarResponse>, IAudited
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    string IAudited.AuditEntity => "calendar";

    string? IAudited.AuditId => Year.ToString(CultureInfo.InvariantCulture);

    string IAudited.ChangeKind => ChangeKinds.Updated;
}

public sealed class SetCalendarValidator : AbstractValidator<SetCalendar>
{
    public SetCalendarValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(SetCalendar.FirstYear, SetCalendar.LastYear)
            .WithMessage(ProblemTexts.YearFromFirstLast.With(("first", SetCalendar.FirstYear), ("last", SetCalendar.LastYear)));
        RuleFor(x => x.Holidays).NotNull().WithMessage(ProblemTexts.HolidaysRequiredYearPublicHolidaysYYYY)
            .Must((c, days) => days is null || days.All(d => d.Year == c.Year)).WithMessage(ProblemTexts.FieldDaysYearPath.With(("field", "holidays")));
        RuleFor(x => x.Workdays)
            .Must((c, days) => days is null || days.All(d => d.Year == c.Year)).WithMessage(ProblemTexts.FieldDaysYearPath.With(("field", "workdays")))
            .Must(days => days is null || days.All(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday))
            .WithMessage(ProblemTexts.WorkdaysSaturdaysSundaysMadeWorkingDays)
            .Must((c, days) => days is null || c.Holidays is null || !days.Intersect(c.Holidays).Any()).WithMessage(ProblemTexts.DayCannotBothHolidayWorkingDay);
    }
}

/// <summary>Loads a year's calendar, replacing what was loaded for it.</summary>
public sealed class SetCalendarHandler(CalendarStore calendars) : IRequestHandler<SetCalendar, CalendarResponse>
{
    public async Task<CalendarResponse> Handle(SetCalendar request, CancellationToken cancellationToken)
    {
        await calendars.SetAsync(request.Year, request.Holidays ?? [], request.Workdays ?? [], cancellationToken);
        return await calendars.GetAsync(request.Year, cancellationToken);
    }
}
