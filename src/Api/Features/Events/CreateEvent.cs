namespace DealPipeline.Api.Features.Events;

public sealed record CreateEvent : EventFields, ICommand<EventResponse>, IAudited
{
    string IAudited.AuditEntity => "event";

    string? IAudited.AuditId => null;
}

public sealed class CreateEventHandler(EventStore events, DbSession session, IClock clock) : IRequestHandler<CreateEvent, EventResponse>
{
    public async Task<EventResponse> Handle(CreateEvent request, CancellationToken cancellationToken)
    {
        await References.RequireAsync(session, "parks", request.ParkId, "parkId", "park", cancellationToken);
        var now = clock.UtcNow;
        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId(
                "events",
                "name, type, starts_on, ends_on, city, park_id, visitors_received, created_at, updated_at, version",
                "@Name, @Type, @StartsOn, @EndsOn, @City, @ParkId, @VisitorsReceived, @now, @now, 1"),
            new { Name = request.Name!.Trim(), Type = (int)request.Type!.Value, request.StartsOn, request.EndsOn, City = request.City!.Trim(), request.ParkId, request.VisitorsReceived, now },
            cancellationToken);
        return await events.GetAsync(id, cancellationToken);
    }
}
