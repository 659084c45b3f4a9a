namespace DealPipeline.Api.Features.Events;

public sealed record GetEvent(long Id) : IQuery<EventResponse>;

public sealed class GetEventHandler(DbSession session) : IRequestHandler<GetEvent, EventResponse>
{
    public Task<EventResponse> Handle(GetEvent request, CancellationToken cancellationToken) => EventQueries.GetAsync(session, request.Id, cancellationToken);
}
