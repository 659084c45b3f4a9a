using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Events;

public sealed class EventStore(DbSession session, IClock clock)
{
    /// <summary>Adds an event with checked fields; answers its id.</summary>
    public Task<long> AddAsync(EventFields request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.UtcNow;
        return session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId(
                "events",
                "name, type, starts_on, ends_on, city, park_id, visitors_received, created_at, updated_at, version",
                "@Name, @Type, @StartsOn, @EndsOn, @City, @ParkId, @VisitorsReceived, @now, @now, 1"),
            new { Name = request.Name!.Trim(), Type = (int)request.Type!.Value, request.StartsOn, request.EndsOn, City = request.City!.Trim(), request.ParkId, request.VisitorsReceived, now },
            cancellationToken);
    }

    /// <summary>Writes an event's checked fields if nobody changed it meanwhile (412 otherwise).</summary>
    public async Task UpdateAsync(EventResponse current, EventFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(fields);
        var updated = await session.ExecuteAsync(
            "UPDATE events SET name = @Name, type = @Type, starts_on = @StartsOn, ends_on = @EndsOn, city = @City, park_id = @ParkId, " +
            "visitors_received = @VisitorsReceived, updated_at = @now, version = version + 1 WHERE id = @Id AND version = @Version",
            new { Name = fields.Name!.Trim(), Type = (int)fields.Type!.Value, fields.StartsOn, fields.EndsOn, City = fields.City!.Trim(), fields.ParkId, fields.VisitorsReceived, now = clock.UtcNow, current.Id, current.Version },
            cancellationToken);
        if (updated == 0)
        {
            throw ProblemException.PreconditionFailed(current.Version + 1);
        }
    }

    public const string Columns = "id, name, type, starts_on, ends_on, city, park_id, visitors_received, created_at, updated_at, version";

    public async Task<EventResponse> GetAsync(long id, CancellationToken cancellationToken)
    {
        return await session.QuerySingleOrDefaultAsync<EventResponse>($"SELECT {Columns} FROM events WHERE id = @id", new { id }, cancellationToken)
            ?? throw ProblemException.NotFound("event", id);
    }
}
