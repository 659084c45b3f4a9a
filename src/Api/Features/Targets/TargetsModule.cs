using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Targets;

/// <summary>The year's targets (目标) of the office, a park or a team, that the performance report measures completion against.</summary>
public sealed class TargetsModule : IModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<TargetStore>();

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/targets").WithTags("Reports");
        group.MapPut("/{year:int}", async (int year, TargetBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetTargets(year, body.ParkId, body.TeamId, body.SignedCount, body.LandedCount, body.SignedInvestment, body.LandedInvestment), ct)))
            .Describe("SetTargets", Policies.Manage, "Sets the year's targets (signed and landed counts, signed and landed intended investment in CNY) for the office, a park (parkId) or a team (teamId); setting them again replaces them.")
            .WithProblems(400);
        group.MapGet("/{year:int}", async (int year, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListTargets(year), ct)))
            .Describe("ListTargets", Policies.Read, "The year's targets.")
            .WithDescription("Every target set for the year: the office's (parkId and teamId null), each park's and each team's, in one page; an empty list when none is set.")
            .WithProblems(400);
    }
}
