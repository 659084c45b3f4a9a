using Dapper;
using DealPipeline.Api.Features.FxRates;

namespace DealPipeline.Api.Features.Deadlines;

/// <summary>One late deadline of an active deal: its due day and the calendar days since.</summary>
public sealed record LateDeadline(long DealId, long OwnerId, long? TeamId, DeadlineRule Rule, DeadlineKind Kind, DateOnly Due, int DaysLate);

/// <summary>How many deadlines are late, and on how many deals, for the deals of one owner in one team.</summary>
public sealed record LateCount(long OwnerId, long? TeamId, long Overdue, long Deals);

/// <summary>
/// The late deadlines of the active deals matching a condition, asked of the database: the same deadlines as each deal's own
/// (<see cref="DeadlineSource"/>, <see cref="Domain.Deadlines.Of"/>), without reading every deal into the service (at
/// 100,000 deals that read alone took longer than the report may). Two facts make it a few comparisons a deal:
/// <list type="bullet">
/// <item>A deal's class of lead is by its intended investment in CNY at today's rates; per currency, an amount reaches a
/// class's threshold exactly when it is at least the least amount that does (<see cref="RateTable.LeastReaching"/>).</item>
/// <item>A deadline falls due a span after its start (the opening; for reports, the last activity when later), and a later
/// start is never due earlier; so it is late today exactly when its start is on or before the last start due before today
/// (<see cref="Domain.Deadlines.LastStartDueBefore"/>), and among the late ones of one class and kind, the due days come in
/// the order of the starts.</item>
/// </list>
/// An answer is met by any activity, which sets the deal's last activity; an assessment by any history entry but the opening
/// at contact, which every deal past contact has; an active deal has nothing met late that is still open.
/// </summary>
public sealed class LateDeadlines
{
    private const string ReportStart = "CASE WHEN d.last_activity_on IS NOT NULL AND d.last_activity_on > d.opened_on THEN d.last_activity_on ELSE d.opened_on END";

    private readonly SqlDialect _dialect;
    private readonly string _live;
    private readonly DynamicParameters _args;
    private readonly IReadOnlyList<Stream> _streams;
    private readonly string _count;
    private readonly string _knownCurrency;
    private readonly string _classOf;
    private readonly WorkCalendar _calendar;
    private readonly RateTable _rates;
    private readonly DateOnly _today;

    private LateDeadlines(SqlDialect dialect, string live, DynamicParameters args, IReadOnlyList<Stream> streams, string count, string knownCurrency, string classOf, WorkCalendar calendar, RateTable rates, DateOnly today) =>
        (_dialect, _live, _args, _streams, _count, _knownCurrency, _classOf, _calendar, _rates, _today) = (dialect, live, args, streams, count, knownCurrency, classOf, calendar, rates, today);

    /// <summary>
    /// The deadlines that run from one start (the opening: answer and assess; the last activity or opening: report), read in
    /// the order of that start: the condition keeping the deals with one of them late, and the kinds of each class.
    /// </summary>
    private sealed record Stream(string Start, string Condition, IReadOnlyList<DeadlineRule> Classes, IReadOnlyList<DeadlineKind> Kinds);

    /// <summary>The late deadlines of the deals of alias d matching <paramref name="where"/> and active, on <paramref name="today"/>.</summary>
    public static LateDeadlines Of(SqlDialect dialect, string where, DynamicParameters args, IReadOnlyList<DeadlineRule> rules, WorkCalendar calendar, RateTable rates, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(rates);
        args.Add("lateActive", (int)DealStatus.Active);
        args.Add("lateContact", (int)Stage.Contact);
        args.Add("lateLanded", (int)Stage.Landed);
        args.Add("lateStageKind", (int)HistoryKind.Stage);
        var currencies = rates.Currencies.ToList();
        for (var c = 0; c < currencies.Count; c++)
        {
            args.Add($"lateCurrency{c}", currencies[c]);
        }

        // A deal's class is the rule with the highest threshold it reaches (thresholds are unique; the first rule of one
        // wins, as in DeadlineRule.For): the highest first, so that one CASE classes a deal.
        var classes = rules.GroupBy(r => r.MinIntendedMinor).Select(g => g.First()).OrderByDescending(r => r.MinIntendedMinor).ToList();
        string Reaches(int i)
        {
            var terms = new List<string>();
            for (var c = 0; c < currencies.Count; c++)
            {
                if (rates.LeastReaching(currencies[c], classes[i].MinIntendedMinor) is { } least)
                {
                    args.Add($"lateMin{i}_{c}", least);
                    terms.Add($"(d.currency = @lateCurrency{c} AND d.intended_minor >= @lateMin{i}_{c})");
                }
            }

            return terms.Count == 0 ? "1 = 0" : string.Join(" OR ", terms);
        }

        var reaches = classes.Select((_, i) => Reaches(i)).ToList();

        // Late when the start is on or before the last start due before today.
        string? Late(int i, DeadlineKind kind)
        {
            if (SpanOf(classes[i], kind) is not { } span)
            {
                return null;
            }

            var last = $"lateLast{i}_{(int)kind}";
            args.Add(last, Domain.Deadlines.LastStartDueBefore(calendar, span, today));
            return kind switch
            {
                DeadlineKind.Answer => $"d.last_activity_on IS NULL AND d.opened_on <= @{last}",
                DeadlineKind.Assess => $"d.stage = @lateContact AND d.opened_on <= @{last} AND {Unassessed}",
                _ => $"d.stage <> @lateLanded AND {ReportStart} <= @{last}",
            };
        }

        // How many of the kinds are late on a deal: one CASE over the classes, then a sum of that class's conditions.
        string Count(IReadOnlyList<DeadlineKind> kinds, Dictionary<(int, DeadlineKind), string?> late)
        {
            // Every class keeps its WHEN, one without these kinds counting 0: else its deals would fall to the class below.
            var whens = classes.Select((_, i) => (i, Sum: string.Join(" + ", kinds.Select(k => late[(i, k)]).OfType<string>().Select(c => $"CASE WHEN {c} THEN 1 ELSE 0 END"))))
                .Select(x => $"WHEN {reaches[x.i]} THEN {(x.Sum.Length > 0 ? x.Sum : "0")}")
                .ToList();
            return whens.Count == 0 ? "0" : $"(CASE {string.Join(" ", whens)} ELSE 0 END)";
        }

        DeadlineKind[] all = [DeadlineKind.Answer, DeadlineKind.Assess, DeadlineKind.Report];
        var conditions = classes.SelectMany((_, i) => all.Select(k => (Key: (i, k), Sql: Late(i, k)))).ToDictionary(x => x.Key, x => x.Sql);
        DeadlineKind[] opening = [DeadlineKind.Answer, DeadlineKind.Assess];
        var streams = new List<Stream>
        {
            new("d.opened_on", $"{Count(opening, conditions)} > 0", classes, opening),
            new(ReportStart, $"{Count([DeadlineKind.Report], conditions)} > 0", classes, [DeadlineKind.Report]),
        };
        var known = $"d.currency IN ({string.Join(", ", currencies.Select((_, c) => $"@lateCurrency{c}"))})";
        // The index in the classes of a deal's class, -1 for none.
        var classOf = classes.Count == 0 ? "-1" : $"CASE {string.Join(" ", reaches.Select((r, i) => $"WHEN {r} THEN {i}"))} ELSE -1 END";

        // "+d.status" keeps SQLite reading the deals in row order rather than three quarters of them through the status index.
        return new LateDeadlines(dialect, $"{where} AND +d.status = @lateActive", args, streams, Count(all, conditions), known, classOf, calendar, rates, today);
    }

    /// <summary>No history entry but the opening at contact: a deal not yet assessed (one past contact always has one).</summary>
    private const string Unassessed =
        "NOT EXISTS (SELECT 1 FROM deal_history h WHERE h.deal_id = d.id AND NOT (h.kind = @lateStageKind AND h.from_value IS NULL AND h.to_value = @lateContact))";

    /// <summary>
    /// The late deadlines counted per owner and team, in one pass over the deals. A deal in a currency without a rate today
    /// cannot be classed: that is the conflict (fx.missing) a deal's own deadlines answer too.
    /// </summary>
    public async Task<IReadOnlyList<LateCount>> CountAsync(DbSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);

        // Unary plus on the owner and team: grouped by them, SQLite would otherwise read the deals through the owner index, a
        // random row a deal, instead of in row order (measured at 100,000 deals: 150 ms against 60).
        var rows = (await session.QueryAsync<CountRow>(
            $"""
            SELECT x.owner_id, x.team_id, SUM(x.late) AS overdue, SUM(CASE WHEN x.late > 0 THEN 1 ELSE 0 END) AS deals, MIN(x.unknown_currency) AS unknown_currency
            FROM (SELECT +d.owner_id AS owner_id, +d.team_id AS team_id, {_count} AS late, CASE WHEN {_knownCurrency} THEN NULL ELSE d.currency END AS unknown_currency
                  FROM deals d WHERE {_live}) x
            GROUP BY x.owner_id, x.team_id
            """,
            _args,
            cancellationToken)).ToList();
        if (rows.FirstOrDefault(r => r.UnknownCurrency is not null) is { UnknownCurrency: { } code })
        {
            // Throws the conflict, as converting that deal's amount would.
            _ = _rates.ToCny(code, 0);
        }

        return [.. rows.Where(r => r.Overdue > 0).Select(r => new LateCount(r.OwnerId, r.TeamId, r.Overdue, r.Deals))];
    }

    /// <summary>
    /// The first <paramref name="count"/> late deadlines that <paramref name="after"/> keeps, in the report's order (longest late
    /// first, then due day, deal, kind): <paramref name="after"/> keeps those after a cursor, which lies on or after
    /// <paramref name="fromDue"/>. Each start is read in its order, a page at a time, until no later start can fall due
    /// before what was found; the two are then merged.
    /// </summary>
    public async Task<IReadOnlyList<LateDeadline>> FirstAsync(DbSession session, int count, DateOnly? fromDue, Func<LateDeadline, bool> after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(after);
        var found = new List<LateDeadline>();
        foreach (var stream in _streams)
        {
            found.AddRange(await FirstOfAsync(session, stream, count, fromDue, after, cancellationToken));
        }

        return [.. Ordered(found).Take(count)];
    }

    private static IOrderedEnumerable<LateDeadline> Ordered(IEnumerable<LateDeadline> late) => late.OrderBy(l => l.Due).ThenBy(l => l.DealId).ThenBy(l => l.Kind);

    private async Task<List<LateDeadline>> FirstOfAsync(DbSession session, Stream stream, int count, DateOnly? fromDue, Func<LateDeadline, bool> after, CancellationToken cancellationToken)
    {
        var spans = stream.Classes.SelectMany(rule => stream.Kinds.Select(kind => (Rule: rule, Kind: kind, Span: SpanOf(rule, kind)))).Where(x => x.Span is not null).ToList();
        if (spans.Count == 0)
        {
            return [];
        }

        // The starts that may fall due on or after fromDue under one of the spans: from the earliest start any span needs.
        var from = fromDue is { } due ? spans.Min(x => Domain.Deadlines.LastStartDueBefore(_calendar, x.Span!, due)).AddDays(1) : DateOnly.MinValue;
        var args = new DynamicParameters(_args);
        var take = count + 16;
        args.Add("take", take);
        var sql = _dialect.Limit(
            $"SELECT d.id, d.owner_id, d.team_id, {stream.Start} AS start, {_classOf} AS class_index, " +
            $"CASE WHEN d.last_activity_on IS NULL THEN 1 ELSE 0 END AS unanswered, CASE WHEN d.stage = @lateContact AND {Unassessed} THEN 1 ELSE 0 END AS unassessed " +
            $"FROM deals d WHERE {_live} AND {stream.Condition} AND ({stream.Start} > @lateAfterStart OR ({stream.Start} = @lateAfterStart AND d.id > @lateAfterId))",
            $"{stream.Start}, d.id");
        var found = new List<LateDeadline>();

        // From the first deal starting on that day (deal ids are positive), then after the last deal read.
        var (lastStart, lastId) = (from, 0L);
        while (true)
        {
            args.Add("lateAfterStart", lastStart);
            args.Add("lateAfterId", lastId);
            var rows = (await session.QueryAsync<StartRow>(sql, args, cancellationToken)).ToList();
            foreach (var row in rows.Where(r => r.ClassIndex >= 0))
            {
                var rule = stream.Classes[(int)row.ClassIndex];
                foreach (var kind in stream.Kinds)
                {
                    var open = kind switch { DeadlineKind.Answer => row.Unanswered == 1, DeadlineKind.Assess => row.Unassessed == 1, _ => true };
                    if (SpanOf(rule, kind) is { } span && open && _calendar.Add(row.Start, span) is var dueOn && dueOn < _today)
                    {
                        var late = new LateDeadline(row.Id, row.OwnerId, row.TeamId, rule, kind, dueOn, _today.DayNumber - dueOn.DayNumber);
                        if (after(late))
                        {
                            found.Add(late);
                        }
                    }
                }
            }

            // Done when the deals ran out, or when no later start can fall due before the count-th found (a later start is never due sooner).
            if (rows.Count < take)
            {
                break;
            }

            (lastStart, lastId) = (rows[^1].Start, rows[^1].Id);
            if (found.Count >= count && spans.Min(x => _calendar.Add(lastStart, x.Span!)) > Ordered(found).ElementAt(count - 1).Due)
            {
                break;
            }
        }

        return found;
    }

    private static DeadlineSpan? SpanOf(DeadlineRule rule, DeadlineKind kind) =>
        kind switch { DeadlineKind.Answer => rule.Answer, DeadlineKind.Assess => rule.Assess, _ => rule.Report };

    private sealed record CountRow
    {
        public long OwnerId { get; init; }

        public long? TeamId { get; init; }

        public long Overdue { get; init; }

        public long Deals { get; init; }

        public string? UnknownCurrency { get; init; }
    }

    private sealed record StartRow
    {
        public long Id { get; init; }

        public long OwnerId { get; init; }

        public long? TeamId { get; init; }

        public DateOnly Start { get; init; }

        public long ClassIndex { get; init; }

        public long Unanswered { get; init; }

        public long Unassessed { get; init; }
    }
}
