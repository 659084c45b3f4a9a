using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.FxRates;

public sealed class FxRatesModule : IModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<FxRateStore>();

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/fx-rates").WithTags("FX rates");
        group.MapPut("/{currency}", async (string currency, FxRateBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetFxRate(currency, body.Rate, body.EffectiveOn), ct)))
            .Describe("SetFxRate", Policies.Admin, "Sets the rate (yuan per unit, up to 8 decimals) of a currency from effectiveOn; setting the same day again replaces it.")
            .WithProblems(400);
        group.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListFxRates(), ct)))
            .Describe("ListFxRates", Policies.Read, "Lists every rate ever set, by currency, newest first. A report uses, for each currency, the latest rate effective on or before its date.");
    }
}
