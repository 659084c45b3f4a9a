using System.Text.Json;
using DealPipeline.Api.Application;
using DealPipeline.Api.Application.Behaviors;
using DealPipeline.Api.Features.Common;
using DealPipeline.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace DealPipeline.Api.Features.Sectors;

public sealed record GetSector(long Id) : IQuery<SectorResponse>;

public sealed class GetSectorHandler(DbSession session) : IRequestHandler<GetSector, SectorResponse>
{
    public const string Select = "SELECT id, name, parent_id, version FROM sectors";

    public Task<SectorResponse> Handle(GetSector request, CancellationToken cancellationToken) =>
        ReferenceData.GetAsync<SectorResponse>(session, Select, request.Id, "sector", cancellationToken);
}

/// <summary>A sector's name may be corrected; its place in the tree may not (deals and filters follow the tree's paths).</summary>
public sealed record PatchSector(long Id, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<SectorResponse>, IAudited
{
    string IAudited.AuditEntity => "sector";

    string? IAudited.AuditId => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class PatchSectorHandler(DbSession session, IValidator<CreateSector> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IRequestHandler<PatchSector, SectorResponse>
{
    public async Task<SectorResponse> Handle(PatchSector request, CancellationToken cancellationToken)
    {
        var current = await ReferenceData.GetAsync<SectorResponse>(session, GetSectorHandler.Select, request.Id, "sector", cancellationToken);
        var fields = await ReferenceData.MergeAsync(
            new CreateSector(current.Name, current.ParentId), current.Version, request.Patch, request.ExpectedVersion, validator, json.Value.SerializerOptions, cancellationToken);
        if (fields.ParentId != current.ParentId)
        {
            throw ProblemException.Invalid("parentId", "A sector's place in the tree cannot change: create the sector under its new parent instead.");
        }

        var name = fields.Name!.Trim();
        if (await session.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM sectors WHERE name = @name AND id <> @Id AND ((@ParentId IS NULL AND parent_id IS NULL) OR parent_id = @ParentId)",
                new { name, current.Id, current.ParentId },
                cancellationToken) > 0)
        {
            throw ProblemException.Conflict($"The sector '{name}' already exists at that place in the tree.");
        }

        var changed = current with { Name = name, Version = current.Version + 1 };
        await ReferenceData.UpdateAsync(session, "sectors", "name = @Name", current, new { changed.Name }, cancellationToken);
        return changed;
    }
}
