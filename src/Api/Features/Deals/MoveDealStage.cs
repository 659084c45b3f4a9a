namespace DealPipeline.Api.Features.Deals;

public sealed record TransitionBody(Stage? To, DateOnly? On, string? Reason, decimal? ContractedInvestment) : IRequestBody
{
    public static IReadOnlyList<string> Required => ["to"];

    public static object Example => new TransitionBody(Domain.Stage.Negotiation, new DateOnly(2025, 11, 3), null, null);
}

/// <summary>Moves a deal's stage (see <see cref="Deal.MoveTo"/>); <c>on</c> defaults to today.</summary>
public sealed record MoveDealStage(long Id, Stage? To, DateOnly? On, string? Reason, decimal? ContractedInvestment, IfMatch? ExpectedVersion)
    : ICommand<DealResponse>, IChangesDeal, IExplainedChange
{
    string IAudited.ChangeKind => "stageChanged";

    DateOnly? IExplainedChange.Dated => On;

    string? IExplainedChange.Why => Reason;
}

public sealed class MoveDealStageValidator : AbstractValidator<MoveDealStage>
{
    public MoveDealStageValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.To).NotNull().WithMessage(ProblemTexts.RequiredContactNegotiationLettersSignedLanded);
        RuleFor(x => x.On).BusinessDate().NotInFuture(() => clock.Today);
        RuleFor(x => x.Reason).MaximumLength(Deal.MaxReasonLength);
        RuleFor(x => x.ContractedInvestment).Amount();
    }
}

public sealed class MoveDealStageHandler(DealReader reader, ICurrentUser caller, IClock clock, IEnumerable<IStageRollback> rollbacks)
    : IRequestHandler<MoveDealStage, DealResponse>
{
    public async Task<DealResponse> Handle(MoveDealStage request, CancellationToken cancellationToken)
    {
        var deal = await reader.LoadAsync(request.Id, request.ExpectedVersion, cancellationToken);
        var loaded = deal.Version;
        var from = deal.Stage;
        deal.MoveTo(
            request.To!.Value,
            request.On ?? clock.Today,
            request.Reason,
            request.ContractedInvestment is { } c ? Money.ToMinor(c) : null,
            caller.UserId,
            clock.UtcNow);
        var saved = await reader.SaveAsync(deal, loaded, cancellationToken);
        var belowSigned = from >= Stage.Signed && deal.Stage < Stage.Signed;
        if (!belowSigned && !(from == Stage.Landed && deal.Stage < Stage.Landed))
        {
            return saved;
        }

        // Back below landing or signing: the milestones of the life after it go, as its 开工 and 投产 did.
        var undone = new List<OtherChange>();
        foreach (var rollback in rollbacks)
        {
            undone.AddRange(await rollback.RollBackAsync(deal.Id, belowSigned, cancellationToken));
        }

        return undone.Count == 0 ? saved : saved with { AlsoChanged = undone };
    }
}
