using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http;

namespace DealPipeline.Api.Features.Events;

public sealed class EventStore(DbSession session)
{
    public const string Columns = "id, name, type, starts_on, ends_on, city, park_id, visitors_received, created_at, updated_at, version";

    public async Task<EventResponse> GetAsync(long id, CancellationToken cancellationToken)
    {
        return await session.QuerySingleOrDefaultAsync<EventResponse>($"SELECT {Columns} FROM events WHERE id = @id", new { id }, cancellationToken)
            ?? throw ProblemException.NotFound("event", id);
    }
}
