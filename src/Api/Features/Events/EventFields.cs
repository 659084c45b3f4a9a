using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Events;

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
        RuleFor(x => x.Type).NotNull().WithMessage(ProblemTexts.TypeRequiredPromotionForumOutboundTripExhibition);
        RuleFor(x => x.StartsOn).NotNull().WithMessage(ProblemTexts.FieldRequiredYYYYMMDD.With(("field", "startsOn"))).BusinessDate();
        RuleFor(x => x.EndsOn).NotNull().WithMessage(ProblemTexts.FieldRequiredYYYYMMDD.With(("field", "endsOn")))
            .Must((e, end) => e.StartsOn is null || end is null || end >= e.StartsOn).WithMessage(ProblemTexts.FieldAfterOther.With(("field", "endsOn"), ("other", "startsOn")));
        RuleFor(x => x.City).RequiredName(Validation.MaxCityLength);
        RuleFor(x => x.ParkId).Id();
        RuleFor(x => x.VisitorsReceived).InclusiveBetween(0, MaxVisitors);
    }
}
