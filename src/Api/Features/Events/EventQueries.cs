using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http;

namespace DealPipeline.Api.Features.Events;

/// <summary>A promotion event: a promotion meeting (推介会), forum, outbound trip (招商考察), exhibition or webinar.</summary>
public sealed record EventResponse : IHasId, IVersioned
{
    public long Id { get; init; }

    public string Name { get; init; } = "";

    public EventType Type { get; init; }

    public DateOnly StartsOn { get; init; }

    public DateOnly EndsOn { get; init; }

    public string City { get; init; } = "";

    public long? ParkId { get; init; }

    public int? VisitorsReceived { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public int Version { get; init; }
}

/// <summary>An event's fields as created and as a merge patch changes them.</summary>
public record EventFields : IRequestBody
{
    public static IReadOnlyList<string> Required => ["name", "type", "startsOn", "endsOn", "city"];

    public static object Example => new EventFields
    {
        Name = "2026 生物医药产业链招商推介会", Type = EventType.Promotion, StartsOn = new DateOnly(2025, 3, 18), EndsOn = new DateOnly(2025, 3, 19), City = "上海", ParkId = 3, VisitorsReceived = 180,
    };

    public string? Name { get; init; }

    public EventType? Type { get; init; }

    public DateOnly? StartsOn { get; init; }

    public DateOnly? EndsOn { get; init; }

    public string? City { get; init; }

    public long? ParkId { get; init; }

    /// <summary>Visitors received (接待人数), often known only after the event.</summary>
    public int? VisitorsReceived { get; init; }
}

public sealed class EventFieldsValidator : AbstractValidator<EventFields>
{
    public const int MaxVisitors = 10_000_000;

    public EventFieldsValidator()
    {
        RuleFor(x => x.Name).RequiredName();
        RuleFor(x => x.Type).NotNull().WithMessage("'type' is required: promotion, forum, outboundTrip, exhibition, webinar or other.");
        RuleFor(x => x.StartsOn).NotNull().WithMessage("'startsOn' is required (YYYY-MM-DD).").BusinessDate();
        RuleFor(x => x.EndsOn).NotNull().WithMessage("'endsOn' is required (YYYY-MM-DD).")
            .Must((e, end) => e.StartsOn is null || end is null || end >= e.StartsOn).WithMessage("'endsOn' is on or after 'startsOn'.");
        RuleFor(x => x.City).RequiredName(Validation.MaxCityLength);
        RuleFor(x => x.ParkId).Id();
        RuleFor(x => x.VisitorsReceived).InclusiveBetween(0, MaxVisitors);
    }
}

public static class EventQueries
{
    public const string Columns = "id, name, type, starts_on, ends_on, city, park_id, visitors_received, created_at, updated_at, version";

    public static async Task<EventResponse> GetAsync(DbSession session, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.QuerySingleOrDefaultAsync<EventResponse>($"SELECT {Columns} FROM events WHERE id = @id", new { id }, cancellationToken)
            ?? throw ProblemException.NotFound("event", id);
    }
}
