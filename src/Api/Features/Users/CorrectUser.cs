using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Users;

public sealed record GetUser(long Id) : IQuery<UserResponse>, IGetReference;

public sealed class GetUserHandler(DbSession session) : GetReferenceHandler<GetUser, UserResponse>(session, Select, "user")
{
    public const string Select = "SELECT id, name, role, team_id, version FROM users";
}

/// <summary>An admin corrects a user's name, role or team; the user's keys act with the new role and team from then on.</summary>
public sealed record PatchUser(long Id, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<UserResponse>, IAudited, IPatchReference
{
    string IAudited.AuditEntity => "user";

    string? IAudited.AuditId => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class PatchUserHandler(DbSession session, IValidator<CreateUser> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : PatchReferenceHandler<PatchUser, UserResponse, CreateUser>(session, validator, json, GetUserHandler.Select, "user", "users")
{
    protected override CreateUser FieldsOf(UserResponse current) => new(current.Name, current.Role, current.TeamId);

    protected override async Task<(UserResponse Changed, string Set, object Columns)> ApplyAsync(UserResponse current, CreateUser fields, CancellationToken cancellationToken)
    {
        await References.RequireAsync(Session, "teams", fields.TeamId, "teamId", "team", cancellationToken);
        var changed = current with { Name = fields.Name!.Trim(), Role = fields.Role!.Value, TeamId = fields.TeamId, Version = current.Version + 1 };
        return (changed, "name = @Name, role = @role, team_id = @TeamId", new { changed.Name, role = Names.Of(changed.Role), changed.TeamId });
    }
}
