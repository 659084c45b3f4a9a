using System.Globalization;
using DealPipeline.Api.Application;
using DealPipeline.Api.Application.Behaviors;
using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;
using DealPipeline.Api.Http;
using DealPipeline.Infrastructure;
using FluentValidation;
using MediatR;

namespace DealPipeline.Api.Features.Sectors;

public sealed record SectorResponse : IHasId, IVersioned
{
    /// <summary>The row's version: answered as the ETag, not in the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; } = 1;

    public long Id { get; init; }

    public string Name { get; init; } = "";

    public long? ParentId { get; init; }

    /// <summary>The national industry code (GB/T 4754-2017) the sector matches, e.g. C276.</summary>
    public string? IndustryCode { get; init; }
}

public static class SectorEndpoints
{
    public static void MapSectors(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sectors").WithTags("Sectors");
        group.MapPost("/", async (CreateSector command, IMediator mediator, CancellationToken ct) =>
            {
                var sector = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/v1/sectors/{sector.Id}", sector);
            })
            .WithName("CreateSector").Allow(Policies.Admin)
            .WithSummary("Adds a sector (产业链/赛道), under a parent sector or at the top of the tree.")
            .WithProblems(400, 409);
        group.MapGet("/", async ([AsParameters] ListSectors query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListSectors").Allow(Policies.Read)
            .WithSummary("Lists the sector tree flat, in id order (a parent always before its children), each with its parentId.")
            .WithProblems(400);
        group.MapReadAndCorrect<SectorResponse, CreateSector>("sector", Policies.Admin, id => new GetSector(id), (id, patch, ifMatch) => new PatchSector(id, patch, ifMatch));
    }
}

public sealed record CreateSector(string? Name, long? ParentId, string? IndustryCode = null) : ICommand<SectorResponse>, IAudited, Http.IRequestBody
{
    public static IReadOnlyList<string> Required => ["name"];

    public static object Example => new CreateSector("生物药品制造", 1, "C2761");

    string IAudited.AuditEntity => "sector";

    string? IAudited.AuditId => null;
}

public sealed class CreateSectorValidator : AbstractValidator<CreateSector>
{
    public CreateSectorValidator()
    {
        RuleFor(x => x.Name).RequiredName();
        RuleFor(x => x.ParentId).Id();
        RuleFor(x => x.IndustryCode).Matches("^[A-T]([0-9]{2,4})?$")
            .WithMessage("'industryCode' is a GB/T 4754 code: a section letter A to T, then two to four digits, e.g. C276.");
    }
}

public sealed class CreateSectorHandler(DbSession session, IClock clock) : IRequestHandler<CreateSector, SectorResponse>
{
    public const int MaxDepth = 8;

    public async Task<SectorResponse> Handle(CreateSector request, CancellationToken cancellationToken)
    {
        var name = request.Name!.Trim();
        var parentPath = "/";
        if (request.ParentId is { } parentId)
        {
            parentPath = await session.QuerySingleOrDefaultAsync<string>("SELECT path FROM sectors WHERE id = @parentId", new { parentId }, cancellationToken)
                ?? throw ProblemException.Invalid("parentId", $"There is no sector {parentId}.");
            if (parentPath.Count(c => c == '/') > MaxDepth)
            {
                throw ProblemException.Invalid("parentId", $"The sector tree is at most {MaxDepth} levels deep.");
            }
        }

        var siblings = await session.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM sectors WHERE name = @name AND ((@parentId IS NULL AND parent_id IS NULL) OR parent_id = @parentId)",
            new { name, parentId = request.ParentId },
            cancellationToken);
        if (siblings > 0)
        {
            throw ProblemException.Conflict($"The sector '{name}' already exists at that place in the tree.");
        }

        var industryCode = string.IsNullOrWhiteSpace(request.IndustryCode) ? null : request.IndustryCode.Trim();
        var id = await SectorTree.InsertAsync(session, name, request.ParentId, parentPath, clock.UtcNow, cancellationToken, industryCode);
        return new SectorResponse { Id = id, Name = name, ParentId = request.ParentId, IndustryCode = industryCode };
    }
}

public sealed record ListSectors(int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<SectorResponse>>, IPagedRequest;

public sealed class ListSectorsHandler(DbSession session, Cursors cursors) : IRequestHandler<ListSectors, Page<SectorResponse>>
{
    public Task<Page<SectorResponse>> Handle(ListSectors request, CancellationToken cancellationToken) =>
        ListById.PageAsync<SectorResponse>(session, cursors, request, "SELECT id, name, parent_id, industry_code FROM sectors WHERE 1 = 1", new { }, cancellationToken);
}

/// <summary>Turns a sector id into the LIKE pattern of its subtree's paths.</summary>
public static class SectorTree
{
    /// <summary>Inserts a sector under the parent whose path is given ('/' for the top) and sets its own path.</summary>
    public static async Task<long> InsertAsync(DbSession session, string name, long? parentId, string parentPath, DateTimeOffset at, CancellationToken cancellationToken, string? industryCode = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId("sectors", "name, parent_id, path, industry_code, created_at", "@name, @parentId, @parentPath, @industryCode, @at"),
            new { name, parentId, parentPath, industryCode, at },
            cancellationToken);
        var path = parentPath + id.ToString(CultureInfo.InvariantCulture) + "/";
        await session.ExecuteAsync("UPDATE sectors SET path = @path WHERE id = @id", new { path, id }, cancellationToken);
        return id;
    }

    public static async Task<string> SubtreePatternAsync(DbSession session, long sectorId, string field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var path = await session.QuerySingleOrDefaultAsync<string>("SELECT path FROM sectors WHERE id = @sectorId", new { sectorId }, cancellationToken)
            ?? throw ProblemException.Invalid(field, $"There is no sector {sectorId}.");
        return path + "%";
    }
}
