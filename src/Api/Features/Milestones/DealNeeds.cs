using DealPipeline.Api.Features.Deals;

namespace DealPipeline.Api.Features.Milestones;

/// <summary>What a project needs of the park (要素保障) and what was approved: quantities in the kind's unit, exact to three decimals.</summary>
public sealed record NeedResponse : IHasId, IVersioned, IDealScoped
{
    long? IDealScoped.DealOf => DealId;

    public long Id { get; init; }

    public long DealId { get; init; }

    public NeedKind Kind { get; init; }

    /// <summary>The kind's unit: 亩, 吨标准煤/年, 吨/年, 吨/日 or 千伏安.</summary>
    public string Unit => Needs.UnitOf(Kind);

    public decimal Quantity { get; init; }

    public DateOnly RequestedOn { get; init; }

    public string? Note { get; init; }

    public NeedState State { get; init; }

    /// <summary>What was approved: the quantity asked for, or less (partlyApproved); 0 when refused; null until decided.</summary>
    public decimal? ApprovedQuantity { get; init; }

    public DateOnly? DecidedOn { get; init; }

    public long? DecidedBy { get; init; }

    public string? DecisionNote { get; init; }

    public long? ByUserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public int Version { get; init; }
}

public sealed record NeedBody(string? Kind, decimal? Quantity, DateOnly? RequestedOn, string? Note) : IRequestBody
{
    public static IReadOnlyList<string> Required => ["kind", "quantity"];

    public static object Example => new NeedBody("land", 120.5m, new DateOnly(2025, 11, 3), "一期用地");
}

/// <summary>Records what a deal needs of the park (要素保障): land, energy, environmental capacity, water or power.</summary>
public sealed record AddDealNeed(long DealId, string? Kind, decimal? Quantity, DateOnly? RequestedOn, string? Note) : ICommand<NeedResponse>, IAudited
{
    string IAudited.AuditEntity => "dealNeed";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
}

public sealed class AddDealNeedValidator : AbstractValidator<AddDealNeed>
{
    public AddDealNeedValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.Kind).Must(k => Names.TryParse<NeedKind>(k, out _)).WithMessage(RuleTexts.NeedKindUnknown.With());
        RuleFor(x => x.Quantity).NotNull().WithMessage(RuleTexts.NeedQuantityRange.With(("max", Needs.MaxQuantity), ("decimals", Needs.Decimals)));
        RuleFor(x => x.RequestedOn).BusinessDate().NotInFuture(() => clock.Today);
        RuleFor(x => x.Note).MaximumLength(Validation.MaxTextLength);
    }
}

public sealed class AddDealNeedHandler(DealReader reader, DealNeedStore needs, ICurrentUser caller, IClock clock) : IRequestHandler<AddDealNeed, NeedResponse>
{
    public async Task<NeedResponse> Handle(AddDealNeed request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await reader.LoadAsync(request.DealId, null, cancellationToken); // 404, or 403 for a deal the caller may not change
        var kind = QueryValues.Enum(request.Kind, default(NeedKind), "kind"); // checked by the validator
        var quantity = Needs.ToThousandths(request.Quantity!.Value, "quantity");
        return await needs.GetAsync(await needs.AddAsync(request.DealId, kind, quantity, request.RequestedOn ?? clock.Today, request.Note, caller.UserId, cancellationToken), cancellationToken);
    }
}

public sealed record DecisionBody(string? Decision, decimal? ApprovedQuantity, DateOnly? On, string? Note) : IRequestBody
{
    public static IReadOnlyList<string> Required => ["decision"];

    public static object Example => new DecisionBody("approved", 100m, new DateOnly(2025, 12, 1), "一期先供100亩");
}

/// <summary>Approves (in full or in part) or refuses a deal's need: once, by a manager or an admin.</summary>
public sealed record DecideDealNeed(long DealId, long Id, string? Decision, decimal? ApprovedQuantity, DateOnly? On, string? Note, IfMatch? ExpectedVersion) : ICommand<NeedResponse>, IChangesOne
{
    string IAudited.AuditEntity => "dealNeed";

    string IAudited.ChangeKind => "needDecided";
}

public sealed class DecideDealNeedValidator : AbstractValidator<DecideDealNeed>
{
    public DecideDealNeedValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.Decision).Must(d => d is "approved" or "refused").WithMessage(RuleTexts.NeedDecisionUnknown.With());
        RuleFor(x => x.On).BusinessDate().NotInFuture(() => clock.Today);
        RuleFor(x => x.Note).MaximumLength(Validation.MaxTextLength);
    }
}

public sealed class DecideDealNeedHandler(DealReader reader, DealNeedStore needs, ICurrentUser caller, IClock clock) : IRequestHandler<DecideDealNeed, NeedResponse>
{
    public async Task<NeedResponse> Handle(DecideDealNeed request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await reader.GetAsync(request.DealId, cancellationToken); // 404 for a deal the caller may not see
        var need = await needs.GetAsync(request.Id, cancellationToken);
        if (need.DealId != request.DealId)
        {
            throw ProblemException.NotFound("need", request.Id);
        }

        if (request.ExpectedVersion?.Allows(need.Version) == false)
        {
            throw ProblemException.PreconditionFailed(need.Version);
        }

        var on = request.On ?? clock.Today;
        var (state, approved) = Needs.Decide(need.State, Needs.ToThousandths(need.Quantity, "quantity"), request.Decision == "approved", request.ApprovedQuantity);
        if (on < need.RequestedOn)
        {
            throw ProblemException.Invalid("on", RuleTexts.NeedDecidedBeforeRequest.With(("date", $"{need.RequestedOn:yyyy-MM-dd}")));
        }

        await needs.DecideAsync(need, state, approved, on, request.Note, caller.UserId, cancellationToken);
        return await needs.GetAsync(need.Id, cancellationToken);
    }
}

public sealed record ListDealNeeds(long Id) : IQuery<IReadOnlyList<NeedResponse>>;

public sealed class ListDealNeedsHandler(DealReader reader, DealNeedStore needs) : IRequestHandler<ListDealNeeds, IReadOnlyList<NeedResponse>>
{
    public async Task<IReadOnlyList<NeedResponse>> Handle(ListDealNeeds request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await reader.GetAsync(request.Id, cancellationToken);
        return await needs.OfDealAsync(request.Id, cancellationToken);
    }
}
