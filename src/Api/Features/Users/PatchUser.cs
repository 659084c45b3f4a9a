using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Users;

/// <summary>An admin corrects a user's name, role or team; the user's keys act with the new role and team from then on.</summary>
public sealed record PatchUser(long Id, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<UserResponse>, IChangesOne, IPatchReference
{
    string IAudited.AuditEntity => "user";
}

public sealed class PatchUserHandler(ReferenceStore rows, DbSession session, IValidator<CreateUser> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : PatchReferenceHandler<PatchUser, UserResponse, CreateUser>(rows, validator, json, GetUserHandler.Select, "user", "users")
{
    protected override CreateUser FieldsOf(UserResponse current) => new(current.Name, current.Role, current.TeamId);

    protected override async Task<(UserResponse Changed, string Set, object Columns)> ApplyAsync(UserResponse current, CreateUser fields, CancellationToken cancellationToken)
    {
        await References.RequireAsync(session, "teams", fields.TeamId, "teamId", "team", cancellationToken);
        var changed = current with { Name = fields.Name!.Trim(), Role = fields.Role!.Value, TeamId = fields.TeamId, Version = current.Version + 1 };
        return (changed, "name = @Name, role = @role, team_id = @TeamId", new { changed.Name, role = Names.Of(changed.Role), changed.TeamId });
    }
}
