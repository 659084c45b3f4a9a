namespace DealPipeline.Api.Features.Deals;

public sealed record StatusBody(DealStatus? Status, LostReason? Reason, string? Note, DateOnly? On) : IRequestBody
{
    public static IReadOnlyList<string> Required => ["status"];

    public static object Example => new StatusBody(DealStatus.OnHold, null, "企业总部调整投资计划，明年一季度再议", new DateOnly(2025, 11, 3));
}

/// <summary>Puts a deal on hold, marks it lost (with a reason) or reactivates it; <c>on</c> defaults to today.</summary>
public sealed record ChangeDealStatus(long Id, DealStatus? Status, LostReason? Reason, string? Note, DateOnly? On, IfMatch? ExpectedVersion)
    : ICommand<DealResponse>, IChangesDeal, IExplainedChange
{
    string IAudited.ChangeKind => "statusChanged";

    DateOnly? IExplainedChange.Dated => On;

    string? IExplainedChange.Why => Note;
}

public sealed class ChangeDealStatusValidator : AbstractValidator<ChangeDealStatus>
{
    public ChangeDealStatusValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.Status).NotNull().WithMessage(ProblemTexts.StatusRequiredActiveOnHoldLost);
        RuleFor(x => x.Reason).NotNull().When(x => x.Status == DealStatus.Lost)
            .WithMessage(ProblemTexts.ReasonRequiredLostDealChoseOtherLocationFunding);
        RuleFor(x => x.Reason).Null().When(x => x.Status is DealStatus.Active or DealStatus.OnHold)
            .WithMessage(ProblemTexts.ReasonCategoryLostDealUseNote);
        RuleFor(x => x.Note).MaximumLength(Deal.MaxReasonLength);
        RuleFor(x => x.On).BusinessDate().NotInFuture(() => clock.Today);
    }
}

public sealed class ChangeDealStatusHandler(DealReader reader, ICurrentUser caller, IClock clock)
    : IRequestHandler<ChangeDealStatus, DealResponse>
{
    public async Task<DealResponse> Handle(ChangeDealStatus request, CancellationToken cancellationToken)
    {
        var deal = await reader.LoadAsync(request.Id, request.ExpectedVersion, cancellationToken);
        var loaded = deal.Version;
        var on = request.On ?? clock.Today;
        switch (request.Status!.Value)
        {
            case DealStatus.OnHold:
                deal.PutOnHold(on, request.Note, caller.UserId, clock.UtcNow);
                break;
            case DealStatus.Lost:
                deal.MarkLost(request.Reason!.Value, on, request.Note, caller.UserId, clock.UtcNow);
                break;
            default:
                deal.Reactivate(on, request.Note, caller.UserId, clock.UtcNow);
                break;
        }

        return await reader.SaveAsync(deal, loaded, cancellationToken);
    }
}
