using DealPipeline.Api.Features.Deals;

namespace DealPipeline.Api.Features.Activities;

public sealed record ActivityBody(ActivityType? Type, DateOnly? On, string? Summary, string? NextStep, DateOnly? NextStepDue) : IRequestBody
{
    public static IReadOnlyList<string> Required => ["type", "on", "summary"];

    public static object Example => new ActivityBody(ActivityType.SiteVisit, new DateOnly(2025, 11, 3), "陪同企业考察标准厂房，确认用地需求约 60 亩", "报送项目评审材料", new DateOnly(2025, 11, 17));
}

public sealed record AddDealActivity(long DealId, ActivityType? Type, DateOnly? On, string? Summary, string? NextStep, DateOnly? NextStepDue)
    : ICommand<ActivityResponse>, IAudited
{
    string IAudited.AuditEntity => "activity";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
}

public sealed class AddDealActivityValidator : AbstractValidator<AddDealActivity>
{
    public const int MaxSummaryLength = 2000;

    public AddDealActivityValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.Type).NotNull().WithMessage(ProblemTexts.TypeRequiredCallMeetingVisitSiteVisit);
        RuleFor(x => x.On).NotNull().WithMessage(ProblemTexts.FieldRequiredYYYYMMDD.With(("field", "on"))).BusinessDate().NotInFuture(() => clock.Today);
        RuleFor(x => x.Summary).RequiredName(MaxSummaryLength);
        RuleFor(x => x.NextStep).MaximumLength(Validation.MaxTextLength);
        RuleFor(x => x.NextStepDue).Must((a, due) => due is null || a.On is null || due >= a.On).WithMessage(ProblemTexts.FieldAfterOther.With(("field", "nextStepDue"), ("other", "on")));
    }
}

public sealed class AddDealActivityHandler(DealReader reader, ActivityStore activities, DealRepository deals, ICurrentUser caller)
    : IRequestHandler<AddDealActivity, ActivityResponse>
{
    public async Task<ActivityResponse> Handle(AddDealActivity request, CancellationToken cancellationToken)
    {
        await reader.LoadAsync(request.DealId, null, cancellationToken);
        var on = request.On!.Value;
        var activity = await activities.AddAsync(request, caller.UserId, cancellationToken);
        await deals.TouchAsync(request.DealId, on, cancellationToken);
        return activity;
    }
}
