namespace DealPipeline.Api.Features.Events;

public sealed record GetEvent(long Id) : IQuery<EventResponse>;

public sealed class GetEventHandler(EventStore events) : IRequestHandler<GetEvent, EventResponse>
{
    public Task<EventResponse> Handle(GetEvent request, CancellationToken cancellationToken) => events.GetAsync(request.Id, cancellationToken);
}
