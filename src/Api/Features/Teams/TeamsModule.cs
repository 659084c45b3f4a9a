using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Teams;

public sealed class TeamsModule : IModule
{
    public void MapEndpoints(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/teams").WithTags("Teams");
        group.MapCreate<CreateTeam, TeamResponse>()
            .WithName("CreateTeam").Allow(Policies.Admin).WithSummary("Adds a task force (工作专班) of officers.")
            .WithProblems(400, 409);
        group.MapQuery<ListTeams, Page<TeamResponse>>("/")
            .WithName("ListTeams").Allow(Policies.Read).WithSummary("Lists teams in id order.")
            .WithProblems(400);
        group.MapReadAndCorrect<TeamResponse, CreateTeam>("team", Policies.Admin, id => new GetTeam(id), (id, patch, ifMatch) => new PatchTeam(id, patch, ifMatch));
    }
}
