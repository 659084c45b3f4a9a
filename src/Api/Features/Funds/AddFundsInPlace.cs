using DealPipeline.Api.Features.Deals;

namespace DealPipeline.Api.Features.Funds;

public sealed record FundsBody(DateOnly? On, decimal? Amount, string? Note) : IRequestBody
{
    public static IReadOnlyList<string> Required => ["on", "amount"];

    public static object Example => new FundsBody(new DateOnly(2025, 11, 3), 80_000_000m, "首期注册资本金到位");
}

public sealed record AddFundsInPlace(long DealId, DateOnly? On, decimal? Amount, string? Note) : ICommand<FundsResponse>, IAudited
{
    string IAudited.AuditEntity => "fundsInPlace";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
}

public sealed class AddFundsInPlaceValidator : AbstractValidator<AddFundsInPlace>
{
    public AddFundsInPlaceValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.On).NotNull().WithMessage(ProblemTexts.FieldRequiredYYYYMMDD.With(("field", "on"))).BusinessDate().NotInFuture(() => clock.Today);
        RuleFor(x => x.Amount).NotNull().WithMessage(ProblemTexts.AmountRequiredYuanUnitsDealCurrency)
            .Must(a => a is null or > 0).WithMessage(ProblemTexts.AmountMore0)
            .Amount();
        RuleFor(x => x.Note).MaximumLength(Validation.MaxTextLength);
    }
}

public sealed class AddFundsInPlaceHandler(FundsStore funds, DealReader reader, ICurrentUser caller)
    : IRequestHandler<AddFundsInPlace, FundsResponse>
{
    public async Task<FundsResponse> Handle(AddFundsInPlace request, CancellationToken cancellationToken)
    {
        var deal = await reader.LoadAsync(request.DealId, null, cancellationToken);
        deal.CheckFundsInPlace(request.On!.Value);
        return await funds.GetAsync(await funds.AddAsync(request, caller.UserId, cancellationToken), cancellationToken);
    }
}
