using DealPipeline.Api.Application;
using DealPipeline.Api.Http;
using DealPipeline.Api.Application.Behaviors;
using DealPipeline.Domain;
using DealPipeline.Infrastructure;
using FluentValidation;
using MediatR;

namespace DealPipeline.Api.Features.Deals;

public sealed record TransitionBody(Stage? To, DateOnly? On, string? Reason, decimal? ContractedInvestment) : IRequestBody
{
    public static IReadOnlyList<string> Required => ["to"];

    public static object Example => new TransitionBody(Domain.Stage.Negotiation, new DateOnly(2025, 11, 3), null, null);
}

/// <summary>Moves a deal's stage (see <see cref="Deal.MoveTo"/>); <c>on</c> defaults to today.</summary>
public sealed record MoveDealStage(long Id, Stage? To, DateOnly? On, string? Reason, decimal? ContractedInvestment, IfMatch? ExpectedVersion)
    : ICommand<DealResponse>, IAudited, IChangesDeal, IExplainedChange, IChangeKind
{
    string IChangeKind.ChangeKind => "stageChanged";

    DateOnly? IExplainedChange.Dated => On;

    string? IExplainedChange.Why => Reason;

    string IAudited.AuditEntity => "deal";

    string? IAudited.AuditId => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class MoveDealStageValidator : AbstractValidator<MoveDealStage>
{
    public MoveDealStageValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.To).NotNull().WithMessage("'to' is required: contact, negotiation, letters, signed or landed.");
        RuleFor(x => x.On).BusinessDate().NotInFuture(() => clock.Today);
        RuleFor(x => x.Reason).MaximumLength(Deal.MaxReasonLength);
        RuleFor(x => x.ContractedInvestment).Amount();
    }
}

public sealed class MoveDealStageHandler(DbSession session, DealRepository deals, DealAccess access, ICurrentUser caller, IClock clock)
    : IRequestHandler<MoveDealStage, DealResponse>
{
    public async Task<DealResponse> Handle(MoveDealStage request, CancellationToken cancellationToken)
    {
        var deal = await DealQueries.LoadAsync(deals, access, request.Id, request.ExpectedVersion, cancellationToken);
        var loaded = deal.Version;
        deal.MoveTo(
            request.To!.Value,
            request.On ?? clock.Today,
            request.Reason,
            request.ContractedInvestment is { } c ? Money.ToMinor(c) : null,
            caller.UserId,
            clock.UtcNow);
        return await DealQueries.SaveAsync(session, access, deals, deal, loaded, cancellationToken);
    }
}

public sealed record StatusBody(DealStatus? Status, LostReason? Reason, string? Note, DateOnly? On) : IRequestBody
{
    public static IReadOnlyList<string> Required => ["status"];

    public static object Example => new StatusBody(DealStatus.OnHold, null, "企业总部调整投资计划，明年一季度再议", new DateOnly(2025, 11, 3));
}

/// <summary>Puts a deal on hold, marks it lost (with a reason) or reactivates it; <c>on</c> defaults to today.</summary>
public sealed record ChangeDealStatus(long Id, DealStatus? Status, LostReason? Reason, string? Note, DateOnly? On, IfMatch? ExpectedVersion)
    : ICommand<DealResponse>, IAudited, IChangesDeal, IExplainedChange, IChangeKind
{
    string IChangeKind.ChangeKind => "statusChanged";

    DateOnly? IExplainedChange.Dated => On;

    string? IExplainedChange.Why => Note;

    string IAudited.AuditEntity => "deal";

    string? IAudited.AuditId => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class ChangeDealStatusValidator : AbstractValidator<ChangeDealStatus>
{
    public ChangeDealStatusValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.Status).NotNull().WithMessage("'status' is required: active, onHold or lost.");
        RuleFor(x => x.Reason).NotNull().When(x => x.Status == DealStatus.Lost)
            .WithMessage("'reason' is required for a lost deal: choseOtherLocation, funding, policyMismatch, strategyChange or other.");
        RuleFor(x => x.Reason).Null().When(x => x.Status is DealStatus.Active or DealStatus.OnHold)
            .WithMessage("'reason' is the category of a lost deal; use 'note' to explain a hold or a reactivation.");
        RuleFor(x => x.Note).MaximumLength(Deal.MaxReasonLength);
        RuleFor(x => x.On).BusinessDate().NotInFuture(() => clock.Today);
    }
}

public sealed class ChangeDealStatusHandler(DbSession session, DealRepository deals, DealAccess access, ICurrentUser caller, IClock clock)
    : IRequestHandler<ChangeDealStatus, DealResponse>
{
    public async Task<DealResponse> Handle(ChangeDealStatus request, CancellationToken cancellationToken)
    {
        var deal = await DealQueries.LoadAsync(deals, access, request.Id, request.ExpectedVersion, cancellationToken);
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

        return await DealQueries.SaveAsync(session, access, deals, deal, loaded, cancellationToken);
    }
}

public sealed record MilestoneBody(MilestoneKind? Kind, DateOnly? On) : IRequestBody
{
    public static IReadOnlyList<string> Required => ["kind", "on"];

    public static object Example => new MilestoneBody(MilestoneKind.ConstructionStarted, new DateOnly(2025, 11, 3));
}

/// <summary>Dates construction start or production start of a landed deal.</summary>
public sealed record RecordDealMilestone(long Id, MilestoneKind? Kind, DateOnly? On, IfMatch? ExpectedVersion) : ICommand<DealResponse>, IAudited, IChangesDeal, IChangeKind
{
    string IChangeKind.ChangeKind => "milestoneRecorded";

    string IAudited.AuditEntity => "deal";

    string? IAudited.AuditId => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class RecordDealMilestoneValidator : AbstractValidator<RecordDealMilestone>
{
    public RecordDealMilestoneValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.Kind).NotNull().WithMessage("'kind' is required: constructionStarted or productionStarted.");
        RuleFor(x => x.On).NotNull().WithMessage("'on' is required (YYYY-MM-DD).").BusinessDate().NotInFuture(() => clock.Today);
    }
}

public sealed class RecordDealMilestoneHandler(DbSession session, DealRepository deals, DealAccess access, IClock clock)
    : IRequestHandler<RecordDealMilestone, DealResponse>
{
    public async Task<DealResponse> Handle(RecordDealMilestone request, CancellationToken cancellationToken)
    {
        var deal = await DealQueries.LoadAsync(deals, access, request.Id, request.ExpectedVersion, cancellationToken);
        var loaded = deal.Version;
        deal.RecordMilestone(request.Kind!.Value, request.On!.Value, clock.UtcNow);
        return await DealQueries.SaveAsync(session, access, deals, deal, loaded, cancellationToken);
    }
}

/// <summary>Soft-deletes a deal: it disappears from reads and reports, and incremental pulls see its tombstone.</summary>
public sealed record DeleteDeal(long Id, IfMatch? ExpectedVersion) : ICommand<Unit>, IAudited, IChangesDeal
{
    string IAudited.AuditEntity => "deal";

    string? IAudited.AuditId => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class DeleteDealHandler(DbSession session, DealRepository deals, DealAccess access, IClock clock) : IRequestHandler<DeleteDeal, Unit>
{
    public async Task<Unit> Handle(DeleteDeal request, CancellationToken cancellationToken)
    {
        var deal = await DealQueries.LoadAsync(deals, access, request.Id, request.ExpectedVersion, cancellationToken);
        var now = clock.UtcNow;
        var rows = await session.ExecuteAsync(
            "UPDATE deals SET deleted_at = @now, updated_at = @now, version = version + 1 WHERE id = @Id AND version = @Version AND deleted_at IS NULL",
            new { now, deal.Id, deal.Version },
            cancellationToken);
        if (rows == 0)
        {
            throw ProblemException.PreconditionFailed(deal.Version + 1);
        }

        return Unit.Value;
    }
}
