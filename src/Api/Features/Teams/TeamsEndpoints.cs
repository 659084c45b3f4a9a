using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;
using DealPipeline.Api.Http;

namespace DealPipeline.Api.Features.Teams;

public static class TeamEndpoints
{
    public static void MapTeams(this RouteGroupBuilder api)
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
