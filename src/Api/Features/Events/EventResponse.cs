using DealPipeline.Api.Features.Common;

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
