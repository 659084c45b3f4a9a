using Dapper;
using DealPipeline.Api.Features.FxRates;

namespace DealPipeline.Api.Features.Deadlines;

/// <summary>A deal with its class of lead and its deadlines today.</summary>
public sealed record DealDeadlineState(DeadlineSource.DealRow Deal, DeadlineRule? Rule, IReadOnlyList<Deadline> Deadlines);

/// <summary>
/// The deadlines of deals today: each deal's facts (opening, first activity, first assessment, last
/// activity) in one query, its class of lead by its intended investment in CNY at today's rates,
/// and the office's calendar. Shared by a deal's deadlines and the overdue report, so that both say
/// the same of the same deal.
/// </summary>
public sealed class DeadlineSource(DeadlineRuleStore rules, CalendarStore calendars, DbSession session, FxRateStore fxRates, IClock clock)
{
    /// <summary>
    /// The deals of alias d that match <paramref name="where"/>, with their deadlines. <paramref name="many"/>:
    /// for a report over many deals, each deal's first activity and first assessment come from one grouped
    /// pass over each table (measured at 100,000 deals on SQLite: 0.27 s, against 0.57 s looking each up per
    /// deal); for one deal, from a lookup by its index.
    /// </summary>
    public async Task<IReadOnlyList<DealDeadlineState>> ForAsync(string where, DynamicParameters args, bool many, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        args.Add("stageKind", (int)HistoryKind.Stage);
        args.Add("contact", (int)Stage.Contact);
        const string Assessment = "NOT (h.kind = @stageKind AND h.from_value IS NULL AND h.to_value = @contact)";
        var sql = many
            ? $"""
              SELECT d.id, d.owner_id, d.team_id, d.opened_on, d.stage, d.status, d.intended_minor, d.currency, d.last_activity_on,
                     a.first_activity_on, h.assessed_on
              FROM deals d
              LEFT JOIN (SELECT a.deal_id, MIN(a.on_date) AS first_activity_on FROM activities a GROUP BY a.deal_id) a ON a.deal_id = d.id
              LEFT JOIN (SELECT h.deal_id, MIN(h.on_date) AS assessed_on FROM deal_history h WHERE {Assessment} GROUP BY h.deal_id) h ON h.deal_id = d.id
              WHERE {where}
              """
            : $"""
              SELECT d.id, d.owner_id, d.team_id, d.opened_on, d.stage, d.status, d.intended_minor, d.currency, d.last_activity_on,
                     (SELECT MIN(a.on_date) FROM activities a WHERE a.deal_id = d.id) AS first_activity_on,
                     (SELECT MIN(h.on_date) FROM deal_history h WHERE h.deal_id = d.id AND {Assessment}) AS assessed_on
              FROM deals d
              WHERE {where}
              """;
        var deals = (await session.QueryAsync<DealRow>(sql, args, cancellationToken)).ToList();
        if (deals.Count == 0)
        {
            return [];
        }

        var today = clock.Today;
        var ruleSet = await rules.AllAsync(cancellationToken);
        var calendar = await calendars.WorkCalendarAsync(DateOnly.MinValue, DateOnly.MaxValue, cancellationToken);
        var rates = await fxRates.InForceAsync(today, cancellationToken);
        return [.. deals.Select(d =>
        {
            var rule = DeadlineRule.For((long)rates.ToCny(d.Currency.Trim(), d.IntendedMinor), ruleSet);
            var facts = new DeadlineFacts(d.OpenedOn, (Stage)d.Stage, (DealStatus)d.Status, d.FirstActivityOn, d.LastActivityOn, d.AssessedOn);
            return new DealDeadlineState(d, rule, rule is null ? [] : Domain.Deadlines.Of(rule, facts, calendar, today));
        })];
    }

    public sealed record DealRow
    {
        public long Id { get; init; }

        public long OwnerId { get; init; }

        public long? TeamId { get; init; }

        public DateOnly OpenedOn { get; init; }

        public int Stage { get; init; }

        public int Status { get; init; }

        public long IntendedMinor { get; init; }

        public string Currency { get; init; } = "";

        public DateOnly? LastActivityOn { get; init; }

        public DateOnly? FirstActivityOn { get; init; }

        public DateOnly? AssessedOn { get; init; }
    }
}
