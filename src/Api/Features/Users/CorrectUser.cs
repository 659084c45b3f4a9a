using System.Text.Json;
using DealPipeline.Api.Application;
using DealPipeline.Api.Application.Behaviors;
using DealPipeline.Api.Features.Common;
using DealPipeline.Domain;
using DealPipeline.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace DealPipeline.Api.Features.Users;

public sealed record GetUser(long Id) : IQuery<UserResponse>;

public sealed class GetUserHandler(DbSession session) : IRequestHandler<GetUser, UserResponse>
{
    public const string Select = "SELECT id, name, role, team_id, version FROM users";

    public Task<UserResponse> Handle(GetUser request, CancellationToken cancellationToken) =>
        ReferenceData.GetAsync<UserResponse>(session, Select, request.Id, "user", cancellationToken);
}

/// <summary>An admin corrects a user's name, role or team; the user's keys act with the new role and team from then on.</summary>
public sealed record PatchUser(long Id, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<UserResponse>, IAudited
{
    string IAudited.AuditEntity => "user";

    string? IAudited.AuditId => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class PatchUserHandler(DbSession session, IValidator<CreateUser> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IRequestHandler<PatchUser, UserResponse>
{
    public async Task<UserResponse> Handle(PatchUser request, CancellationToken cancellationToken)
    {
        var current = await ReferenceData.GetAsync<UserResponse>(session, GetUserHandler.Select, request.Id, "user", cancellationToken);
        var fields = await ReferenceData.MergeAsync(
            new CreateUser(current.Name, current.Role, current.TeamId), current.Version, request.Patch, request.ExpectedVersion, validator, json.Value.SerializerOptions, cancellationToken);
        await References.RequireAsync(session, "teams", fields.TeamId, "teamId", "team", cancellationToken);
        var changed = current with { Name = fields.Name!.Trim(), Role = fields.Role!.Value, TeamId = fields.TeamId, Version = current.Version + 1 };
        await ReferenceData.UpdateAsync(
            session, "users", "name = @Name, role = @role, team_id = @TeamId", current, new { changed.Name, role = Names.Of(changed.Role), changed.TeamId }, cancellationToken);
        return changed;
    }
}
