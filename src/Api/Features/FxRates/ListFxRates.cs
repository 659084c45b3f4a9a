namespace DealPipeline.Api.Features.FxRates;

/// <summary>A rate: yuan per one unit of <see cref="Currency"/>, in force from <see cref="EffectiveOn"/> until the next one.</summary>
public sealed record FxRateResponse(string Currency, decimal Rate, DateOnly EffectiveOn);

public sealed record ListFxRates : IQuery<Page<FxRateResponse>>;

public sealed class ListFxRatesHandler(FxRateStore rates) : IRequestHandler<ListFxRates, Page<FxRateResponse>>
{
    public async Task<Page<FxRateResponse>> Handle(ListFxRates request, CancellationToken cancellationToken) =>
        new(await rates.ListAsync(cancellationToken), null);
}
