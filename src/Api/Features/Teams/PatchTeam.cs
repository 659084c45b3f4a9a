using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Teams;

public sealed record PatchTeam(long Id, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<TeamResponse>, IChangesOne, IPatchReference
{
    string IAudited.AuditEntity => "team";
}

public sealed class PatchTeamHandler(ReferenceStore rows, IValidator<CreateTeam> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : PatchReferenceHandler<PatchTeam, TeamResponse, CreateTeam>(rows, validator, json, GetTeamHandler.Select, "team", "teams")
{
    protected override CreateTeam FieldsOf(TeamResponse current) => new(current.Name);

    protected override Task<(TeamResponse Changed, string Set, object Columns)> ApplyAsync(TeamResponse current, CreateTeam fields, CancellationToken cancellationToken)
    {
        var changed = current with { Name = fields.Name!.Trim(), Version = current.Version + 1 };
        return Task.FromResult<(TeamResponse, string, object)>((changed, "name = @Name", new { changed.Name }));
    }
}
