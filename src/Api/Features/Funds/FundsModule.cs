using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Funds;

public sealed class FundsModule : IModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<FundsStore>();

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/deals/{id:long}/funds").WithTags("Deals");
        group.MapPost("/", async (long id, FundsBody body, IMediator mediator, CancellationToken ct) =>
            {
                var funds = await mediator.Send(new AddFundsInPlace(id, body.On, body.Amount, body.Note), ct);
                return TypedResults.Created($"/api/v1/deals/{id}/funds", funds);
            })
            .Describe("AddFundsInPlace", Policies.WorkDeals, "Records funds in place (到位资金): an amount actually invested in a signed or landed deal on a date, in the deal's currency.")
            .WithDescription(
                "Offices are judged on the money that arrives, not only on what was signed: each record is one dated amount (more than 0, " +
                "two decimals, in the deal's currency). on cannot be in the future nor before the deal's signing " +
                "(on.beforeSigning, 400); a deal below signed is a 409 (funds.notSigned). It does not change the deal's version. The " +
                "performance report sums funds in place for its period and to its end (fundsInPlace), and the deals export gives each deal's total.")
            .WithProblems(400, 404, 409);
        group.MapQuery<ListFundsInPlace, Page<FundsResponse>>("/")
            .Describe("ListFundsInPlace", Policies.Read, "The deal's funds in place, newest first (by date, then by recording order), in the deal's currency.")
            .WithProblems(400, 404);
    }
}
