using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Teams;

public sealed class TeamsModule() : ReferenceDataModule<CreateTeam, ListTeams, TeamResponse>(
    "/teams", "team", Policies.Admin, ("Adds a task force (工作专班) of officers.", "Lists teams in id order."))
{
    protected override IRequest<TeamResponse> Read(long id) => new GetTeam(id);

    protected override IRequest<TeamResponse> Correct(long id, JsonElement patch, IfMatch? ifMatch) => new PatchTeam(id, patch, ifMatch);
}
