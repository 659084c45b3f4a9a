namespace DealPipeline.Api.Features.Deadlines;

public sealed record GetCalendar(int Year) : IQuery<CalendarResponse>;

public sealed class GetCalendarHandler(CalendarStore calendars) : IRequestHandler<GetCalendar, CalendarResponse>
{
    public Task<CalendarResponse> Handle(GetCalendar request, CancellationToken cancellationToken) => calendars.GetAsync(request.Year, cancellationToken);
}
