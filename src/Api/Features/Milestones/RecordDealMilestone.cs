using DealPipeline.Api.Features.Deals;

namespace DealPipeline.Api.Features.Milestones;

public sealed record MilestoneBody(string? Kind, DateOnly? On) : IRequestBody
{
    public static IReadOnlyList<string> Required => ["kind", "on"];

    public static object Example => new MilestoneBody(MilestoneStep.ConstructionStarted, new DateOnly(2025, 11, 3));
}

/// <summary>Dates a milestone after signing: 开工 or 投产 of a landed deal (dates of the deal itself), or any other step of the office's list.</summary>
public sealed record RecordDealMilestone(long Id, string? Kind, DateOnly? On, IfMatch? ExpectedVersion) : ICommand<DealResponse>, IChangesDeal
{
    string IAudited.ChangeKind => "milestoneRecorded";
}

public sealed class RecordDealMilestoneValidator : AbstractValidator<RecordDealMilestone>
{
    public RecordDealMilestoneValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.Kind).Must(k => !string.IsNullOrWhiteSpace(k)).WithMessage(ProblemTexts.KindRequiredMilestoneStep);
        RuleFor(x => x.On).NotNull().WithMessage(ProblemTexts.FieldRequiredYYYYMMDD.With(("field", "on"))).BusinessDate().NotInFuture(() => clock.Today);
    }
}

/// <summary>
/// Checks the milestone against the office's steps and the deal's milestones so far (<see cref="MilestoneRules"/>), then dates it:
/// 开工 and 投产 on the deal (which adds that they follow its landing), any other step as a row of its own, audited and in the
/// change feed beside the deal, whose version moves on either way.
/// </summary>
public sealed class RecordDealMilestoneHandler(DealReader reader, MilestoneStepStore steps, DealMilestoneStore milestones, ICurrentUser caller, IClock clock)
    : IRequestHandler<RecordDealMilestone, DealResponse>
{
    public async Task<DealResponse> Handle(RecordDealMilestone request, CancellationToken cancellationToken)
    {
        var deal = await reader.LoadAsync(request.Id, request.ExpectedVersion, cancellationToken);
        var loaded = deal.Version;
        var kind = request.Kind!.Trim();
        var on = request.On!.Value;
        var step = MilestoneRules.Check(await steps.AllAsync(cancellationToken), await milestones.ReachedAsync(deal, cancellationToken), kind, on, deal.SignedOn);
        if (step.OnDeal)
        {
            deal.RecordMilestone(kind == MilestoneStep.ConstructionStarted ? MilestoneKind.ConstructionStarted : MilestoneKind.ProductionStarted, on, clock.UtcNow);
            return await reader.SaveAsync(deal, loaded, cancellationToken);
        }

        deal.RecordStep(clock.UtcNow);
        var saved = await reader.SaveAsync(deal, loaded, cancellationToken);
        var id = await milestones.AddAsync(deal.Id, step.Id, on, caller.UserId, cancellationToken);
        return saved with { AlsoChanged = [new OtherChange("dealMilestone", id, ChangeKinds.Created, null, deal.Id, null, await milestones.GetAsync(id, cancellationToken))] };
    }
}
