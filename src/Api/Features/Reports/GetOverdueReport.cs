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
        var (where, args) = await dealFilter.WhereAsync(request.Filter, false, cancellationToken);
        args.Add("active", (int)DealStatus.Active);
        // "+d.status" (a unary plus, the same value on every database) keeps SQLite from reading three quarters of the
        // deals through the status index, one random row at a time: a scan in row order is twice as fast here.
        var states = await source.ForAsync($"{where} AND +d.status = @active", args, many: true, cancellationToken);
        var late = states
            .SelectMany(s => s.Deadlines.Where(d => d.Overdue).Select(d => (s.Deal, Rule: s.Rule!, Deadline: d)))
            .OrderByDescending(l => l.Deadline.DaysLate).ThenBy(l => l.Deadline.Due).ThenBy(l => l.Deal.Id).ThenBy(l => l.Deadline.Kind)
            .ToList();
        var owners = await NamesAsync("users", late.Select(l => l.Deal.OwnerId), cancellationToken);
        var teams = await NamesAsync("teams", late.Select(l => l.Deal.TeamId).OfType<long>(), cancellationToken);
        List<OverdueGroup> Group(Func<DeadlineSource.DealRow, long?> key, Func<long?, string> label) => [.. late
            .GroupBy(l => key(l.Deal))
            .Select(g => new OverdueGroup(g.Key, label(g.Key), g.LongCount(), g.Select(l => l.Deal.Id).Distinct().LongCount()))
            .OrderByDescending(g => g.Overdue).ThenBy(g => g.Id ?? long.MaxValue)];

        // The page after the cursor: items strictly after (daysLate descending, due, deal, kind) of the last one returned; names only for the page.
        var after = cursors.Read(request.Cursor, GetOverdueReport.Sort);
        var start = after is null ? 0 : late.FindIndex(l => Compare(l.Deadline, l.Deal.Id, after) > 0) is var found and >= 0 ? found : late.Count;
        var slice = late.Skip(start).Take(limit + 1).ToList();
        var dealNames = await NamesAsync("deals", slice.Select(l => l.Deal.Id), cancellationToken);
        var page = cursors.Page(
            [.. slice.Select(l => new OverdueItem(
                l.Deal.Id,
                dealNames.GetValueOrDefault(l.Deal.Id, ""),
                l.Deal.OwnerId,
                owners.GetValueOrDefault(l.Deal.OwnerId, ""),
                l.Deal.TeamId,
                l.Deal.TeamId is { } team ? teams.GetValueOrDefault(team) : null,
                l.Rule.Id,
                l.Rule.Name,
                l.Deadline.Kind,
                Labels.Of(l.Deadline.Kind, language.English),
                l.Deadline.Due,
                l.Deadline.DaysLate))],
            limit,
            i => new Http.Cursor(GetOverdueReport.Sort, string.Create(CultureInfo.InvariantCulture, $"{i.DaysLate}|{i.Due.DayNumber}|{(int)i.Kind}"), i.DealId));
        return new OverdueReport(
            clock.Today,
            late.Count,
            late.Select(l => l.Deal.Id).Distinct().LongCount(),
            Group(d => d.OwnerId, id => owners.GetValueOrDefault(id!.Value, "")),
            Group(d => d.TeamId, id => id is { } team ? teams.GetValueOrDefault(team, "") : Labels.None(language.English)),
            page);
    }

    /// <summary>Where an item sorts against a cursor's last item: positive when after it.</summary>
    private static int Compare(Deadline item, long dealId, Http.Cursor cursor)
    {
        var parts = cursor.Value?.Split('|');
        if (parts is not [var late, var due, var kind]
            || !int.TryParse(late, NumberStyles.Integer, CultureInfo.InvariantCulture, out var daysLate)
            || !int.TryParse(due, NumberStyles.Integer, CultureInfo.InvariantCulture, out var dueDay)
            || !int.TryParse(kind, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kindValue))
        {
            throw ProblemException.Invalid("cursor", ProblemTexts.CursorNotOneAPIReturned);
        }

        var byLate = daysLate.CompareTo(item.DaysLate);
        var byDue = item.Due.DayNumber.CompareTo(dueDay);
        var byDeal = dealId.CompareTo(cursor.Id);
        return byLate != 0 ? byLate : byDue != 0 ? byDue : byDeal != 0 ? byDeal : ((int)item.Kind).CompareTo(kindValue);
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
