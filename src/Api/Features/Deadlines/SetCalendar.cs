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
public sealed class SetCalendarHandler(CalendarStore calendars) : IRequestHandler<SetCalendar, CalendarResponse>
{
    public async Task<CalendarResponse> Handle(SetCalendar request, CancellationToken cancellationToken)
    {
        await calendars.SetAsync(request.Year, request.Holidays ?? [], request.Workdays ?? [], cancellationToken);
        return await calendars.GetAsync(request.Year, cancellationToken);
    }
}
