using DealPipeline.Api.Http;

namespace DealPipeline.Api.Features.FxRates;

public sealed record FxRateBody(decimal? Rate, DateOnly? EffectiveOn) : IRequestBody
{
    public static IReadOnlyList<string> Required => ["rate", "effectiveOn"];

    public static object Example => new FxRateBody(7.1234m, new DateOnly(2025, 11, 3));
}

public sealed record SetFxRate(string Currency, decimal? Rate, DateOnly? EffectiveOn) : ICommand<FxRateResponse>, IAudited
{
    string IAudited.AuditEntity => "fxRate";

    string? IAudited.AuditId => Currency;
}

public sealed class SetFxRateValidator : AbstractValidator<SetFxRate>
{
    public SetFxRateValidator()
    {
        RuleFor(x => x.Currency)
            .Must(c => IsoCodes.IsCurrency(c) && c != FxRates.Cny)
            .WithMessage("The currency is an ISO 4217 code in capitals other than CNY, e.g. USD.");
        RuleFor(x => x.Rate)
            .NotNull().WithMessage("'rate' is required: yuan per one unit of the currency.")
            .Must(r => r is null || (r > 0 && r < FxRates.MaxRate && decimal.Round(r.Value, FxRates.Decimals) == r.Value))
            .WithMessage($"'rate' is greater than 0, below {FxRates.MaxRate} and has at most {FxRates.Decimals} decimals.");
        RuleFor(x => x.EffectiveOn).NotNull().WithMessage("'effectiveOn' is required (YYYY-MM-DD).").BusinessDate();
    }
}

public sealed class SetFxRateHandler(DbSession session, IClock clock) : IRequestHandler<SetFxRate, FxRateResponse>
{
    public async Task<FxRateResponse> Handle(SetFxRate request, CancellationToken cancellationToken)
    {
        var args = new { request.Currency, On = request.EffectiveOn!.Value, RateE8 = FxRates.ToE8(request.Rate!.Value), At = clock.UtcNow };

        // An upsert written once for both databases: the transaction makes it atomic.
        var updated = await session.ExecuteAsync(
            "UPDATE fx_rates SET rate_e8 = @RateE8, updated_at = @At WHERE currency = @Currency AND effective_on = @On", args, cancellationToken);
        if (updated == 0)
        {
            await session.ExecuteAsync(
                "INSERT INTO fx_rates (currency, effective_on, rate_e8, updated_at) VALUES (@Currency, @On, @RateE8, @At)", args, cancellationToken);
        }

        return new FxRateResponse(request.Currency, FxRates.FromE8(args.RateE8), args.On);
    }
}
