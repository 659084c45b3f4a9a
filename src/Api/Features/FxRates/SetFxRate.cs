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

    string IAudited.ChangeKind => ChangeKinds.Updated;
}

public sealed class SetFxRateValidator : AbstractValidator<SetFxRate>
{
    public SetFxRateValidator()
    {
        RuleFor(x => x.Currency)
            .Must(c => IsoCodes.IsCurrency(c) && c != RateTable.Cny)
            .WithMessage("The currency is an ISO 4217 code in capitals other than CNY, e.g. USD.");
        RuleFor(x => x.Rate)
            .NotNull().WithMessage("'rate' is required: yuan per one unit of the currency.")
            .Must(r => r is null || (r > 0 && r < FxRateStore.MaxRate && decimal.Round(r.Value, FxRateStore.Decimals) == r.Value))
            .WithMessage($"'rate' is greater than 0, below {FxRateStore.MaxRate} and has at most {FxRateStore.Decimals} decimals.");
        RuleFor(x => x.EffectiveOn).NotNull().WithMessage("'effectiveOn' is required (YYYY-MM-DD).").BusinessDate();
    }
}

public sealed class SetFxRateHandler(FxRateStore rates) : IRequestHandler<SetFxRate, FxRateResponse>
{
    public Task<FxRateResponse> Handle(SetFxRate request, CancellationToken cancellationToken) =>
        rates.SetAsync(request.Currency, request.EffectiveOn!.Value, request.Rate!.Value, cancellationToken);
}
