using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Sectors;

/// <summary>A sector's name may be corrected; its place in the tree may not (deals and filters follow the tree's paths).</summary>
public sealed record PatchSector(long Id, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<SectorResponse>, IChangesOne, IPatchReference
{
    string IAudited.AuditEntity => "sector";
}

public sealed class PatchSectorHandler(ReferenceStore rows, DbSession session, IValidator<CreateSector> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : PatchReferenceHandler<PatchSector, SectorResponse, CreateSector>(rows, validator, json, GetSectorHandler.Select, "sector", "sectors")
{
    protected override CreateSector FieldsOf(SectorResponse current) => new(current.Name, current.ParentId, current.IndustryCode);

    protected override async Task<(SectorResponse Changed, string Set, object Columns)> ApplyAsync(SectorResponse current, CreateSector fields, CancellationToken cancellationToken)
    {
        if (fields.ParentId != current.ParentId)
        {
            throw ProblemException.Invalid("parentId", ProblemTexts.SectorPlaceTreeCannotChangeCreate);
        }

        var name = fields.Name!.Trim();
        if (await session.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM sectors WHERE name = @name AND id <> @Id AND ((@ParentId IS NULL AND parent_id IS NULL) OR parent_id = @ParentId)",
                new { name, current.Id, current.ParentId },
                cancellationToken) > 0)
        {
            throw ProblemException.Conflict(ProblemTexts.SectorNameAlreadyExistsPlaceTree.With(("name", name)));
        }

        var changed = current with { Name = name, IndustryCode = string.IsNullOrWhiteSpace(fields.IndustryCode) ? null : fields.IndustryCode.Trim(), Version = current.Version + 1 };
        return (changed, "name = @Name, industry_code = @IndustryCode", new { changed.Name, changed.IndustryCode });
    }
}
