using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Http;

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
}

public sealed class AddFundsInPlaceValidator : AbstractValidator<AddFundsInPlace>
{
    public AddFundsInPlaceValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.On).NotNull().WithMessage("'on' is required (YYYY-MM-DD).").BusinessDate().NotInFuture(() => clock.Today);
        RuleFor(x => x.Amount).NotNull().WithMessage("'amount' is required: yuan (or units of the deal's currency) actually invested.")
            .Must(a => a is null or > 0).WithMessage("'amount' is more than 0.")
            .Amount();
        RuleFor(x => x.Note).MaximumLength(Validation.MaxTextLength);
    }
}

public sealed class AddFundsInPlaceHandler(FundsStore funds, DealReader reader, DbSession session, ICurrentUser caller, IClock clock)
    : IRequestHandler<AddFundsInPlace, FundsResponse>
{
    public async Task<FundsResponse> Handle(AddFundsInPlace request, CancellationToken cancellationToken)
    {
        var deal = await reader.LoadAsync(request.DealId, null, cancellationToken);
        deal.CheckFundsInPlace(request.On!.Value);
        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId(
                "funds_in_place",
                "deal_id, on_date, amount_minor, note, by_user_id, created_at",
                "@DealId, @on, @amount, @note, @by, @now"),
            new
            {
                request.DealId,
                on = request.On.Value,
                amount = Money.ToMinor(request.Amount!.Value),
                note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
                by = caller.UserId,
                now = clock.UtcNow,
            },
            cancellationToken);
        return await funds.GetAsync(id, cancellationToken);
    }
}
