using DealPipeline.Api.Application;
using DealPipeline.Api.Features.Deadlines;
using DealPipeline.Api.Features.Deals;
using DealPipeline.Domain;
using DealPipeline.Infrastructure;
using MediatR;

namespace DealPipeline.Api.Features.Reports;

/// <summary>One late deadline of one deal.</summary>
public sealed record OverdueItem(long DealId, string DealName, long OwnerId, string OwnerName, long? TeamId, string? TeamName, long RuleId, string RuleName, DeadlineKind Kind, string KindLabel, DateOnly Due, int DaysLate);

/// <summary>How many deadlines are late, and on how many deals, for one owner or team.</summary>
public sealed record OverdueGroup(long? Id, string Label, long Overdue, long Deals);

public sealed record OverdueReport(DateOnly AsOf, long Overdue, long Deals, IReadOnlyList<OverdueGroup> ByOwner, IReadOnlyList<OverdueGroup> ByTeam, IReadOnlyList<OverdueItem> Items);

public sealed record GetOverdueReport : IQuery<OverdueReport>, IFilteredReport
{
    public ReportFilter Filter { get; init; } = ReportFilter.None;

    public bool English { get; init; }
}

/// <summary>
/// Every late deadline of the active deals the caller may see, under the report filters: longest late
/// first, then counted per owner and per team (most late first). The same deadlines as each deal's own
/// (GET /deals/{id}/deadlines), from the same source.
/// </summary>
public sealed class GetOverdueReportHandler(DbSession session, DealAccess access, DeadlineSource source, IClock clock) : IRequestHandler<GetOverdueReport, OverdueReport>
{
    public async Task<OverdueReport> Handle(GetOverdueReport request, CancellationToken cancellationToken)
    {
        var (where, args) = await DealFilterSql.BuildAsync(session, request.Filter, includeDeleted: false, access, cancellationToken);
        args.Add("active", (int)DealStatus.Active);
        var states = await source.ForAsync($"{where} AND d.status = @active", args, cancellationToken);
        var late = states.SelectMany(s => s.Deadlines.Where(d => d.Overdue).Select(d => (s.Deal, Rule: s.Rule!, Deadline: d))).ToList();
        var owners = await NamesAsync("users", late.Select(l => l.Deal.OwnerId), cancellationToken);
        var teams = await NamesAsync("teams", late.Select(l => l.Deal.TeamId).OfType<long>(), cancellationToken);
        var items = late
            .OrderByDescending(l => l.Deadline.DaysLate).ThenBy(l => l.Deadline.Due).ThenBy(l => l.Deal.Id).ThenBy(l => l.Deadline.Kind)
            .Select(l => new OverdueItem(
                l.Deal.Id,
                l.Deal.Name,
                l.Deal.OwnerId,
                owners.GetValueOrDefault(l.Deal.OwnerId, ""),
                l.Deal.TeamId,
                l.Deal.TeamId is { } team ? teams.GetValueOrDefault(team) : null,
                l.Rule.Id,
                l.Rule.Name,
                l.Deadline.Kind,
                Labels.Of(l.Deadline.Kind, request.English),
                l.Deadline.Due,
                l.Deadline.DaysLate))
            .ToList();
        List<OverdueGroup> Group(Func<OverdueItem, long?> key, Func<long?, string> label) => [.. items
            .GroupBy(key)
            .Select(g => new OverdueGroup(g.Key, label(g.Key), g.LongCount(), g.Select(i => i.DealId).Distinct().LongCount()))
            .OrderByDescending(g => g.Overdue).ThenBy(g => g.Id ?? long.MaxValue)];
        return new OverdueReport(
            clock.Today,
            items.Count,
            items.Select(i => i.DealId).Distinct().LongCount(),
            Group(i => i.OwnerId, id => owners.GetValueOrDefault(id!.Value, "")),
            Group(i => i.TeamId, id => id is { } team ? teams.GetValueOrDefault(team, "") : Labels.None(request.English)),
            items);
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
