using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deadlines;
using DealPipeline.Api.Features.Deals;

namespace DealPipeline.Api.Features.Reports;

/// <summary>One late deadline of one deal.</summary>
public sealed record OverdueItem(long DealId, string DealName, long OwnerId, string OwnerName, long? TeamId, string? TeamName, long RuleId, string RuleName, DeadlineKind Kind, string KindLabel, DateOnly Due, int DaysLate);

/// <summary>How many deadlines are late, and on how many deals, for one owner or team.</summary>
public sealed record OverdueGroup(long? Id, string Label, long Overdue, long Deals);

/// <summary>The figures count every late deadline; the items are paged (limit, cursor), longest late first.</summary>
public sealed record OverdueReport(DateOnly AsOf, long Overdue, long Deals, IReadOnlyList<OverdueGroup> ByOwner, IReadOnlyList<OverdueGroup> ByTeam, Http.Page<OverdueItem> Items);

public sealed record GetOverdueReport : ReportFilterQuery, IQuery<OverdueReport>, IFilteredReport, Common.IPagedRequest
{
    public const string Sort = "overdue";

    public int? Limit { get; init; }

    public string? Cursor { get; init; }

    int Common.IPagedRequest.Limit => Limit ?? Http.Cursor.DefaultLimit;
}

/// <summary>
/// Every late deadline of the active deals the caller may see, under the report filters: longest late
/// first, then counted per owner and per team (most late first). The same deadlines as each deal's own
/// (GET /deals/{id}/deadlines), from the same source.
/// </summary>
public sealed class GetOverdueReportHandler(DbSession session, DealFilter dealFilter, DeadlineSource source, IClock clock, Http.Cursors cursors, Common.CallerLanguage language) : IRequestHandler<GetOverdueReport, OverdueReport>
{
    public async Task<OverdueReport> Handle(GetOverdueReport request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? Http.Cursor.DefaultLimit;
        var after = cursors.Read(request.Cursor, GetOverdueReport.Sort) is { } cursor ? Position.Of(cursor) : null;
        var (where, args) = await dealFilter.WhereAsync(request.Filter, false, cancellationToken);

        // The figures and the page are asked of the database (LateDeadlines): the same deadlines as each deal's own.
        var late = await source.LateAsync(where.ToString(), args, cancellationToken);
        var counts = await late.CountAsync(session, cancellationToken);
        var slice = await late.FirstAsync(session, limit + 1, after is null ? null : DateOnly.FromDayNumber(after.DueDay), l => after is null || after.IsBefore(l), cancellationToken);
        var owners = await NamesAsync("users", counts.Select(c => c.OwnerId), cancellationToken);
        var teams = await NamesAsync("teams", counts.Select(c => c.TeamId).OfType<long>(), cancellationToken);
        var dealNames = await NamesAsync("deals", slice.Select(l => l.DealId), cancellationToken);
        List<OverdueGroup> Group(Func<LateCount, long?> key, Func<long?, string> label) => [.. counts
            .GroupBy(key)
            .Select(g => new OverdueGroup(g.Key, label(g.Key), g.Sum(c => c.Overdue), g.Sum(c => c.Deals)))
            .OrderByDescending(g => g.Overdue).ThenBy(g => g.Id ?? long.MaxValue)];

        var page = cursors.Page(
            [.. slice.Select(l => new OverdueItem(
                l.DealId,
                dealNames.GetValueOrDefault(l.DealId, ""),
                l.OwnerId,
                owners.GetValueOrDefault(l.OwnerId, ""),
                l.TeamId,
                l.TeamId is { } team ? teams.GetValueOrDefault(team) : null,
                l.Rule.Id,
                l.Rule.Name,
                l.Kind,
                Labels.Of(l.Kind, language.English),
                l.Due,
                l.DaysLate))],
            limit,
            i => new Http.Cursor(GetOverdueReport.Sort, string.Create(CultureInfo.InvariantCulture, $"{i.DaysLate}|{i.Due.DayNumber}|{(int)i.Kind}"), i.DealId));
        return new OverdueReport(
            clock.Today,
            counts.Sum(c => c.Overdue),
            counts.Sum(c => c.Deals),
            Group(c => c.OwnerId, id => owners.GetValueOrDefault(id!.Value, "")),
            Group(c => c.TeamId, id => id is { } team ? teams.GetValueOrDefault(team, "") : Labels.None(language.English)),
            page);
    }

    /// <summary>The last item of a page, from its cursor: items sort longest late first, then by due day, deal and kind.</summary>
    private sealed record Position(int DaysLate, int DueDay, long DealId, int Kind)
    {
        public static Position Of(Http.Cursor cursor)
        {
            var parts = cursor.Value?.Split('|');
            if (parts is not [var late, var due, var kind]
                || !int.TryParse(late, NumberStyles.Integer, CultureInfo.InvariantCulture, out var daysLate)
                || !int.TryParse(due, NumberStyles.Integer, CultureInfo.InvariantCulture, out var dueDay)
                || dueDay < DateOnly.MinValue.DayNumber || dueDay > DateOnly.MaxValue.DayNumber
                || !int.TryParse(kind, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kindValue))
            {
                throw ProblemException.Invalid("cursor", ProblemTexts.CursorNotOneAPIReturned);
            }

            return new Position(daysLate, dueDay, cursor.Id, kindValue);
        }

        /// <summary>Whether <paramref name="item"/> sorts after this position.</summary>
        public bool IsBefore(LateDeadline item)
        {
            var byLate = DaysLate.CompareTo(item.DaysLate);
            var byDue = item.Due.DayNumber.CompareTo(DueDay);
            var byDeal = item.DealId.CompareTo(DealId);
            return (byLate != 0 ? byLate : byDue != 0 ? byDue : byDeal != 0 ? byDeal : ((int)item.Kind).CompareTo(Kind)) > 0;
        }
    }

    private async Task<Dictionary<long, string>> NamesAsync(string table, IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToArray();
        var names = new Dictionary<long, string>();
        foreach (var chunk in distinct.Chunk(500))
        {
            foreach (var row in await session.QueryAsync<NameRow>($"SELECT id, name FROM {table} WHERE {session.Dialect.InList("id", "chunk")}", new { chunk }, cancellationToken))
            {
                names[row.Id] = row.Name;
            }
        }

        return names;
    }

    private sealed record NameRow
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";
    }
}
