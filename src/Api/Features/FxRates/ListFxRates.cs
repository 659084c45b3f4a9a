using DealPipeline.Api.Http;

namespace DealPipeline.Api.Features.FxRates;

/// <summary>A rate: yuan per one unit of <see cref="Currency"/>, in force from <see cref="EffectiveOn"/> until the next one.</summary>
public sealed record FxRateResponse(string Currency, decimal Rate, DateOnly EffectiveOn);

public sealed record ListFxRates : IQuery<Page<FxRateResponse>>;

public sealed class ListFxRatesHandler(DbSession session) : IRequestHandler<ListFxRates, Page<FxRateResponse>>
{
    public async Task<Page<FxRateResponse>> Handle(ListFxRates request, CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync<FxRates.Row>(
            "SELECT currency, effective_on, rate_e8 FROM fx_rates ORDER BY currency, effective_on DESC", null, cancellationToken);
        return new Page<FxRateResponse>(rows.Select(r => new FxRateResponse(r.Currency, FxRates.FromE8(r.RateE8), r.EffectiveOn)).ToList(), null);
    }
}
