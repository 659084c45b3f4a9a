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
            .WithMessage(ProblemTexts.CurrencyISO4217CodeCapitalsOther);
        RuleFor(x => x.Rate)
            .NotNull().WithMessage(ProblemTexts.RateRequiredYuanPerOneUnit)
            .Must(r => r is null || (r > 0 && r < FxRateStore.MaxRate && decimal.Round(r.Value, FxRateStore.Decimals) == r.Value))
            .WithMessage(ProblemTexts.RateGreater0BelowMaxHas.With(("max", FxRateStore.MaxRate), ("decimals", FxRateStore.Decimals)));
        RuleFor(x => x.EffectiveOn).NotNull().WithMessage(ProblemTexts.FieldRequiredYYYYMMDD.With(("field", "effectiveOn"))).BusinessDate();
    }
}

public sealed class SetFxRateHandler(FxRateStore rates) : IRequestHandler<SetFxRate, FxRateResponse>
{
    public Task<FxRateResponse> Handle(SetFxRate request, CancellationToken cancellationToken) =>
        rates.SetAsync(request.Currency, request.EffectiveOn!.Value, request.Rate!.Value, cancellationToken);
}
