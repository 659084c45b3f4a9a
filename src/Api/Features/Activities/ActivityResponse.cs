using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Activities;

/// <summary>Something an officer did on a deal: a call, a meeting, a visit to the company, the company's site visit (实地考察), a reception.</summary>
public sealed record ActivityResponse : IHasId, IDealScoped
{
    long? IDealScoped.DealOf => DealId;

    public long Id { get; init; }

    public long DealId { get; init; }

    public ActivityType Type { get; init; }

    public DateOnly On { get; init; }

    public string Summary { get; init; } = "";

    public string? NextStep { get; init; }

    public DateOnly? NextStepDue { get; init; }

    public long? ByUserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
