using Dapper;
using DealPipeline.Api.Features.FxRates;

namespace DealPipeline.Api.Features.Deadlines;

/// <summary>A deal with its class of lead and its deadlines today.</summary>
public sealed record DealDeadlineState(DeadlineSource.DealRow Deal, DeadlineRule? Rule, IReadOnlyList<Deadline> Deadlines);

/// <summary>
/// The deadlines of deals today: a deal's facts (opening, first activity, first assessment, last
/// activity) in one query, its class of lead by its intended investment in CNY at today's rates,
/// and the office's calendar; and, for the overdue report, the same rules asked of the database
/// over every deal (<see cref="LateDeadlines"/>), so that both say the same of the same deal.
/// </summary>
public sealed class DeadlineSource(DeadlineRuleStore rules, CalendarStore calendars, DbSession session, FxRateStore fxRates, IClock clock)
{
    /// <summary>The deals of alias d that match <paramref name="where"/> (one deal, by its id), with their deadlines.</summary>
    public async Task<IReadOnlyList<DealDeadlineState>> ForAsync(string where, DynamicParameters args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        args.Add("stageKind", (int)HistoryKind.Stage);
        args.Add("contact", (int)Stage.Contact);
        var sql = $"""
              SELECT d.id, d.owner_id, d.team_id, d.opened_on, d.stage, d.status, d.intended_minor, d.currency, d.last_activity_on,
                     (SELECT MIN(a.on_date) FROM activities a WHERE a.deal_id = d.id) AS first_activity_on,
                     (SELECT MIN(h.on_date) FROM deal_history h WHERE h.deal_id = d.id AND NOT (h.kind = @stageKind AND h.from_value IS NULL AND h.to_value = @contact)) AS assessed_on
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

    /// <summary>The late deadlines of the active deals of alias d matching <paramref name="where"/>, under today's rules, calendar and rates: asked of this session.</summary>
    public async Task<LateDeadlines> LateAsync(string where, DynamicParameters args, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var ruleSet = await rules.AllAsync(cancellationToken);
        var calendar = await calendars.WorkCalendarAsync(DateOnly.MinValue, DateOnly.MaxValue, cancellationToken);
        var rates = await fxRates.InForceAsync(today, cancellationToken);
        return LateDeadlines.Of(session.Dialect, where, args, ruleSet, calendar, rates, today);
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
