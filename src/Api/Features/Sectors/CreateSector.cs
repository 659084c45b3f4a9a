namespace DealPipeline.Api.Features.Sectors;

public sealed record CreateSector(string? Name, long? ParentId, string? IndustryCode = null) : ICommand<SectorResponse>, IAudited, Http.IRequestBody
{
    public static IReadOnlyList<string> Required => ["name"];

    public static object Example => new CreateSector("生物药品制造", 1, "C2761");

    string IAudited.AuditEntity => "sector";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
}

public sealed class CreateSectorValidator : AbstractValidator<CreateSector>
{
    public CreateSectorValidator()
    {
        RuleFor(x => x.Name).RequiredName();
        RuleFor(x => x.ParentId).Id();
        RuleFor(x => x.IndustryCode).Matches("^[A-T]([0-9]{2,4})?$")
            .WithMessage(ProblemTexts.IndustryCodeGBT4754CodeSection);
    }
}

public sealed class CreateSectorHandler(SectorStore sectors, DbSession session, IClock clock) : IRequestHandler<CreateSector, SectorResponse>
{
    public const int MaxDepth = 8;

    public async Task<SectorResponse> Handle(CreateSector request, CancellationToken cancellationToken)
    {
        var name = request.Name!.Trim();
        var parentPath = "/";
        if (request.ParentId is { } parentId)
        {
            parentPath = await session.QuerySingleOrDefaultAsync<string>("SELECT path FROM sectors WHERE id = @parentId", new { parentId }, cancellationToken)
                ?? throw ProblemException.Invalid("parentId", ProblemTexts.NoSuch.With(("what", "sector"), ("id", parentId)));
            if (parentPath.Count(c => c == '/') > MaxDepth)
            {
                throw ProblemException.Invalid("parentId", ProblemTexts.SectorTreeMostNLevelsDeep.With(("n", MaxDepth)));
            }
        }

        var siblings = await session.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM sectors WHERE name = @name AND ((@parentId IS NULL AND parent_id IS NULL) OR parent_id = @parentId)",
            new { name, parentId = request.ParentId },
            cancellationToken);
        if (siblings > 0)
        {
            throw ProblemException.Conflict(ProblemTexts.SectorNameAlreadyExistsPlaceTree.With(("name", name)));
        }

        var industryCode = string.IsNullOrWhiteSpace(request.IndustryCode) ? null : request.IndustryCode.Trim();
        var id = await sectors.InsertAsync(name, request.ParentId, parentPath, clock.UtcNow, cancellationToken, industryCode);
        return new SectorResponse { Id = id, Name = name, ParentId = request.ParentId, IndustryCode = industryCode };
    }
}
