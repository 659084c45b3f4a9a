using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Teams;

public sealed record GetTeam(long Id) : IQuery<TeamResponse>, IGetReference;

public sealed class GetTeamHandler(ReferenceStore rows) : GetReferenceHandler<GetTeam, TeamResponse>(rows, Select, "team")
{
    public const string Select = "SELECT id, name, version FROM teams";
}
