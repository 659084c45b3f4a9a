using System.Text.Json;
using DealPipeline.Api.Application;
using DealPipeline.Api.Application.Behaviors;
using DealPipeline.Api.Features.Common;
using DealPipeline.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace DealPipeline.Api.Features.Teams;

public sealed record GetTeam(long Id) : IQuery<TeamResponse>;

public sealed class GetTeamHandler(DbSession session) : IRequestHandler<GetTeam, TeamResponse>
{
    public const string Select = "SELECT id, name, version FROM teams";

    public Task<TeamResponse> Handle(GetTeam request, CancellationToken cancellationToken) =>
        ReferenceData.GetAsync<TeamResponse>(session, Select, request.Id, "team", cancellationToken);
}

public sealed record PatchTeam(long Id, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<TeamResponse>, IAudited
{
    string IAudited.AuditEntity => "team";

    string? IAudited.AuditId => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class PatchTeamHandler(DbSession session, IValidator<CreateTeam> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IRequestHandler<PatchTeam, TeamResponse>
{
    public async Task<TeamResponse> Handle(PatchTeam request, CancellationToken cancellationToken)
    {
        var current = await ReferenceData.GetAsync<TeamResponse>(session, GetTeamHandler.Select, request.Id, "team", cancellationToken);
        var fields = await ReferenceData.MergeAsync(
            new CreateTeam(current.Name), current.Version, request.Patch, request.ExpectedVersion, validator, json.Value.SerializerOptions, cancellationToken);
        var changed = current with { Name = fields.Name!.Trim(), Version = current.Version + 1 };
        await ReferenceData.UpdateAsync(session, "teams", "name = @Name", current, new { changed.Name }, cancellationToken);
        return changed;
    }
}
