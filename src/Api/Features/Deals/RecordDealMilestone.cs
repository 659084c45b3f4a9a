namespace DealPipeline.Api.Features.Deals;

public sealed record MilestoneBody(MilestoneKind? Kind, DateOnly? On) : IRequestBody
{
    public static IReadOnlyList<string> Required => ["kind", "on"];

    public static object Example => new MilestoneBody(MilestoneKind.ConstructionStarted, new DateOnly(2025, 11, 3));
}

/// <summary>Dates construction start or production start of a landed deal.</summary>
public sealed record RecordDealMilestone(long Id, MilestoneKind? Kind, DateOnly? On, IfMatch? ExpectedVersion) : ICommand<DealResponse>, IChangesDeal
{
    string IAudited.ChangeKind => "milestoneRecorded";
}

public sealed class RecordDealMilestoneValidator : AbstractValidator<RecordDealMilestone>
{
    public RecordDealMilestoneValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.Kind).NotNull().WithMessage(ProblemTexts.KindRequiredConstructionStartedProductionStarted);
        RuleFor(x => x.On).NotNull().WithMessage(ProblemTexts.FieldRequiredYYYYMMDD.With(("field", "on"))).BusinessDate().NotInFuture(() => clock.Today);
    }
}

public sealed class RecordDealMilestoneHandler(DealReader reader, IClock clock)
    : IRequestHandler<RecordDealMilestone, DealResponse>
{
    public async Task<DealResponse> Handle(RecordDealMilestone request, CancellationToken cancellationToken)
    {
        var deal = await reader.LoadAsync(request.Id, request.ExpectedVersion, cancellationToken);
        var loaded = deal.Version;
        deal.RecordMilestone(request.Kind!.Value, request.On!.Value, clock.UtcNow);
        return await reader.SaveAsync(deal, loaded, cancellationToken);
    }
}
