using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Reports;

/// <summary>
/// A group a ranking board (赛马榜) ranks within, as Chongqing ranks its districts within their groups: named, of one kind of unit
/// (parks, teams or officers), with its members; a unit is in at most one group of its kind.
/// </summary>
public sealed record BoardGroupResponse : IHasId, IVersioned
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; } = 1;

    public long Id { get; init; }

    public string Name { get; init; } = "";

    public RankingUnit Unit { get; init; }

    public IReadOnlyList<long> MemberIds { get; init; } = [];
}

/// <summary>Adds a group: a name, the kind of unit (park, team or owner) and its members.</summary>
public sealed record CreateBoardGroup(string? Name, string? Unit, IReadOnlyList<long>? MemberIds) : ICommand<BoardGroupResponse>, IAudited, IRequestBody
{
    public const int MaxMembers = 500;

    public static IReadOnlyList<string> Required => ["name", "unit", "memberIds"];

    public static object Example => new CreateBoardGroup("国家级开发区", "park", [1, 2]);

    string IAudited.AuditEntity => "boardGroup";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;

    public RankingUnit Kind => Names.TryParse<RankingUnit>(Unit, out var unit) ? unit : 0;
}

public sealed class CreateBoardGroupValidator : AbstractValidator<CreateBoardGroup>
{
    public CreateBoardGroupValidator()
    {
        RuleFor(x => x.Name).RequiredName();
        RuleFor(x => x.Unit).Must(u => Names.TryParse<RankingUnit>(u, out _)).WithMessage(ProblemTexts.FieldOneValues.With(("field", "unit"), ("values", "park, team, owner")));
        RuleFor(x => x.MemberIds).NotEmpty().WithMessage(ProblemTexts.BoardGroupMembers.With(("max", CreateBoardGroup.MaxMembers)))
            .Must(m => m is null || (m.Count <= CreateBoardGroup.MaxMembers && m.Distinct().Count() == m.Count)).WithMessage(ProblemTexts.BoardGroupMembers.With(("max", CreateBoardGroup.MaxMembers)));
    }
}

public sealed class CreateBoardGroupHandler(BoardGroupStore groups) : IRequestHandler<CreateBoardGroup, BoardGroupResponse>
{
    public async Task<BoardGroupResponse> Handle(CreateBoardGroup request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await groups.CheckAsync(request, null, cancellationToken);
        return await groups.GetAsync(await groups.AddAsync(request, cancellationToken), cancellationToken);
    }
}

public sealed record PatchBoardGroup(long Id, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<BoardGroupResponse>, IChangesOne
{
    string IAudited.AuditEntity => "boardGroup";
}

public sealed class PatchBoardGroupHandler(BoardGroupStore groups, IValidator<CreateBoardGroup> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IRequestHandler<PatchBoardGroup, BoardGroupResponse>
{
    public async Task<BoardGroupResponse> Handle(PatchBoardGroup request, CancellationToken cancellationToken)
    {
        var current = await groups.GetAsync(request.Id, cancellationToken);
        var merged = await ReferenceData.MergeAsync(
            new CreateBoardGroup(current.Name, Names.Of(current.Unit), current.MemberIds), current.Version, request.Patch, request.ExpectedVersion, validator, json.Value.SerializerOptions, cancellationToken);
        if (merged.Kind != current.Unit)
        {
            throw ProblemException.Invalid("unit", ProblemTexts.BoardGroupUnitFixed.With());
        }

        await groups.CheckAsync(merged, current.Id, cancellationToken);
        await groups.UpdateAsync(current, merged, cancellationToken);
        return await groups.GetAsync(current.Id, cancellationToken);
    }
}

public sealed record GetBoardGroup(long Id) : IQuery<BoardGroupResponse>;

public sealed record ListBoardGroups(int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<BoardGroupResponse>>, IPagedRequest;

public sealed class BoardGroupQueries(BoardGroupStore groups, IdPages pages) : IRequestHandler<GetBoardGroup, BoardGroupResponse>, IRequestHandler<ListBoardGroups, Page<BoardGroupResponse>>
{
    public Task<BoardGroupResponse> Handle(GetBoardGroup request, CancellationToken cancellationToken) => groups.GetAsync(request.Id, cancellationToken);

    public async Task<Page<BoardGroupResponse>> Handle(ListBoardGroups request, CancellationToken cancellationToken)
    {
        var page = await pages.PageAsync<BoardGroupStore.Row>(request, BoardGroupStore.SelectAll, new { }, cancellationToken);
        var members = await groups.MembersAsync([.. page.Items.Select(r => r.Id)], cancellationToken);
        return page.Select(r => r.ToResponse(members[r.Id]));
    }
}
