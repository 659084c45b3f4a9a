namespace DealPipeline.Api.Features.Changes;

/// <summary>One committed write, as the change feed lists it.</summary>
public sealed record ChangeItem(long Sequence, string Entity, string? Id, string Kind, int? Version, long? By, DateTimeOffset At)
{
    /// <summary>The ledger import (POST /imports/{id}/commit) that made this write; absent for any other write.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public long? ImportId { get; init; }
}

/// <summary>A page of the feed: pass <see cref="LastSequence"/> as <c>after</c> next time.</summary>
public sealed record ChangePage(IReadOnlyList<ChangeItem> Items, long LastSequence, string? NextCursor)
{
    /// <summary>The next page's full URL when more may follow (also a Link header).</summary>
    public string? Next { get; init; }
}

public sealed record ListChanges : IQuery<ChangePage>
{
    /// <summary>The last sequence the reader has seen (0 for the beginning).</summary>
    public long? After { get; init; }

    public int? Limit { get; init; }

    /// <summary>The same as after, for clients that follow nextCursor.</summary>
    public string? Cursor { get; init; }
}

public sealed class ListChangesValidator : AbstractValidator<ListChanges>
{
    public ListChangesValidator()
    {
        RuleFor(x => x.After).GreaterThanOrEqualTo(0).WithMessage(ProblemTexts.AfterSequenceNumber0More);
        RuleFor(x => x.Limit).InclusiveBetween(1, Http.Cursor.MaxLimit).WithMessage(Paging.LimitMessage);
        RuleFor(x => x.Cursor)
            .Must(c => c is null || long.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .WithMessage(ProblemTexts.CursorNotOneAPIReturned);
        RuleFor(x => x).Must(x => x.After is null || x.Cursor is null).WithName("cursor").WithMessage(ProblemTexts.GiveAfterCursorNotBoth);
    }
}

public sealed class ListChangesHandler(DbSession session, DealAccess access, Cursors cursors) : IRequestHandler<ListChanges, ChangePage>
{
    public async Task<ChangePage> Handle(ListChanges request, CancellationToken cancellationToken)
    {
        var after = request.After ?? (request.Cursor is { } c ? long.Parse(c, CultureInfo.InvariantCulture) : 0);
        var limit = request.Limit ?? Http.Cursor.DefaultLimit;
        var dialect = session.Dialect;
        var args = new Dapper.DynamicParameters(new { after, take = limit });
        var sequence = dialect.ChangeSequence("c");
        var sql = dialect.Limit(
            $"""
            SELECT {sequence} AS sequence, c.entity, c.entity_id, c.kind, c.version, c.by_user_id, c.at, c.import_id
            FROM changes c LEFT JOIN deals d ON d.id = c.deal_id
            WHERE {sequence} > @after AND {dialect.CommittedChange("c")} AND (c.deal_id IS NULL OR {access.VisibleSql(args)})
            """,
            sequence);
        var rows = (await session.QueryAsync<Row>(sql, args, cancellationToken)).ToList();
        var items = rows.Select(r => new ChangeItem(r.Sequence, r.Entity, r.EntityId, r.Kind, r.Version, r.ByUserId, r.At) { ImportId = r.ImportId }).ToList();
        var last = items.Count > 0 ? items[^1].Sequence : after;
        if (items.Count < limit)
        {
            return new ChangePage(items, last, null);
        }

        var next = last.ToString(CultureInfo.InvariantCulture);
        return new ChangePage(items, last, next) { Next = cursors.NextLink("after", next, "cursor") };
    }

    private sealed record Row
    {
        public long Sequence { get; init; }

        public string Entity { get; init; } = "";

        public string? EntityId { get; init; }

        public string Kind { get; init; } = "";

        public int? Version { get; init; }

        public long? ByUserId { get; init; }

        public DateTimeOffset At { get; init; }

        public long? ImportId { get; init; }
    }
}
