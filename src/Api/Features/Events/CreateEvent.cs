namespace DealPipeline.Api.Features.Events;

public sealed record CreateEvent : EventFields, ICommand<EventResponse>, IAudited
{
    string IAudited.AuditEntity => "event";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
}

public sealed class CreateEventHandler(EventStore events, DbSession session) : IRequestHandler<CreateEvent, EventResponse>
{
    public async Task<EventResponse> Handle(CreateEvent request, CancellationToken cancellationToken)
    {
        await References.RequireAsync(session, "parks", request.ParkId, "parkId", "park", cancellationToken);
        return await events.GetAsync(await events.AddAsync(request, cancellationToken), cancellationToken);
    }
}
