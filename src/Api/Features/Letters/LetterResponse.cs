using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Letters;

/// <summary>One of the three letters (三书), linked to a deal, an event, both or neither.</summary>
public sealed record LetterResponse : IHasId, IVersioned, IDealScoped
{
    long? IDealScoped.DealOf => DealId;

    public long Id { get; init; }

    public LetterType Type { get; init; }

    public DateOnly SignedOn { get; init; }

    public string Counterparty { get; init; } = "";

    public long? DealId { get; init; }

    public long? EventId { get; init; }

    public long? ByUserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public int Version { get; init; }
}
