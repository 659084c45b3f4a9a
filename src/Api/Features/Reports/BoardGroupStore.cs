using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Reports;

/// <summary>The board_groups and board_group_members tables: each unit (park, team, officer) in at most one group of its kind.</summary>
public sealed class BoardGroupStore(DbSession session, ReferenceStore rows)
{
    public const string SelectAll = "SELECT id, name, unit, version FROM board_groups WHERE 1 = 1";

    public async Task<BoardGroupResponse> GetAsync(long id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<Row>("SELECT id, name, unit, version FROM board_groups WHERE id = @id", new { id }, cancellationToken)
            ?? throw ProblemException.NotFound("board group", id);
        return row.ToResponse((await MembersAsync([id], cancellationToken))[id]);
    }

    public async Task<ILookup<long, long>> MembersAsync(IReadOnlyList<long> groupIds, CancellationToken cancellationToken) =>
        groupIds.Count == 0 ? Array.Empty<long>().ToLookup(x => x)
        : (await session.QueryAsync<Member>($"SELECT group_id, member_id FROM board_group_members WHERE {session.Dialect.InList("group_id", "ids")} ORDER BY member_id", new { ids = groupIds.ToArray() }, cancellationToken))
            .ToLookup(m => m.GroupId, m => m.MemberId);

    /// <summary>The group each unit of a kind is in: its id and name.</summary>
    public async Task<IReadOnlyDictionary<long, (long Id, string Name)>> GroupOfAsync(RankingUnit unit, CancellationToken cancellationToken) =>
        (await session.QueryAsync<Membership>(
            "SELECT m.member_id, g.id AS group_id, g.name AS group_name FROM board_group_members m JOIN board_groups g ON g.id = m.group_id WHERE g.unit = @unit",
            new { unit = Names.Of(unit) },
            cancellationToken)).ToDictionary(m => m.MemberId, m => (m.GroupId, m.GroupName));

    /// <summary>Its members exist as units of its kind (400) and are in no other group of that kind (409); its name is no other group's (409).</summary>
    public async Task CheckAsync(CreateBoardGroup group, long? id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var table = group.Kind switch { RankingUnit.Park => "parks", RankingUnit.Team => "teams", _ => "users" };
        var known = (await session.QueryAsync<long>(
            $"SELECT id FROM {table} WHERE {session.Dialect.InList("id", "ids")}{(group.Kind == RankingUnit.Owner ? " AND role IN ('officer', 'manager')" : "")}",
            new { ids = group.MemberIds!.ToArray() },
            cancellationToken)).ToHashSet();
        if (group.MemberIds!.FirstOrDefault(m => !known.Contains(m)) is var missing and not 0)
        {
            throw ProblemException.Invalid("memberIds", ProblemTexts.NoSuch.With(("what", Names.Of(group.Kind)), ("id", missing)));
        }

        var elsewhere = await session.QueryAsync<Membership>(
            "SELECT m.member_id, g.id AS group_id, g.name AS group_name FROM board_group_members m JOIN board_groups g ON g.id = m.group_id " +
            $"WHERE g.unit = @unit AND g.id <> @id AND {session.Dialect.InList("m.member_id", "ids")}",
            new { unit = Names.Of(group.Kind), id = id ?? 0, ids = group.MemberIds!.ToArray() },
            cancellationToken);
        if (elsewhere.FirstOrDefault() is { } taken)
        {
            throw ProblemException.Conflict(ProblemTexts.BoardGroupMemberTaken.With(("id", taken.MemberId), ("group", taken.GroupName)));
        }

        if (await rows.TakenAsync("board_groups", "name", group.Name!.Trim(), id, cancellationToken))
        {
            throw ProblemException.Conflict(ProblemTexts.BoardGroupNameTaken.With(("name", group.Name.Trim())));
        }
    }

    public async Task<long> AddAsync(CreateBoardGroup group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var id = await rows.InsertAsync("board_groups", "name, unit, version", "@name, @unit, 1", new { name = group.Name!.Trim(), unit = Names.Of(group.Kind) }, cancellationToken);
        await WriteMembersAsync(id, group, cancellationToken);
        return id;
    }

    public async Task UpdateAsync(BoardGroupResponse current, CreateBoardGroup group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        await rows.UpdateAsync("board_groups", "name = @name", current, new { name = group.Name!.Trim() }, cancellationToken);
        await session.ExecuteAsync("DELETE FROM board_group_members WHERE group_id = @id", new { id = current.Id }, cancellationToken);
        await WriteMembersAsync(current.Id, group, cancellationToken);
    }

    private async Task WriteMembersAsync(long id, CreateBoardGroup group, CancellationToken cancellationToken)
    {
        foreach (var member in group.MemberIds!)
        {
            await session.ExecuteAsync(
                "INSERT INTO board_group_members (group_id, unit, member_id) VALUES (@id, @unit, @member)", new { id, unit = Names.Of(group.Kind), member }, cancellationToken);
        }
    }

    public sealed record Row : IHasId
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";

        public string Unit { get; init; } = "";

        public int Version { get; init; }

        public BoardGroupResponse ToResponse(IEnumerable<long> members) => new()
        {
            Id = Id,
            Name = Name,
            Unit = Names.TryParse<RankingUnit>(Unit.Trim(), out var unit) ? unit : 0,
            MemberIds = [.. members],
            Version = Version,
        };
    }

    private sealed record Member
    {
        public long GroupId { get; init; }

        public long MemberId { get; init; }
    }

    private sealed record Membership
    {
        public long MemberId { get; init; }

        public long GroupId { get; init; }

        public string GroupName { get; init; } = "";
    }
}
