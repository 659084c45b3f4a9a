using Dapper;
using DealPipeline.Domain;
using DealPipeline.Infrastructure;

namespace DealPipeline.Api.Features.Deadlines;

/// <summary>A deal with its class of lead and its deadlines today.</summary>
public sealed record DealDeadlineState(DeadlineSource.DealRow Deal, DeadlineRule? Rule, IReadOnlyList<Deadline> Deadlines);

/// <summary>
/// The deadlines of deals today: each deal's facts (opening, first activity, first assessment, last
/// activity) in one query, its class of lead by its intended investment in CNY at today's rates,
/// and the office's calendar. Shared by a deal's deadlines and the overdue report, so that both say
/// the same of the same deal.
/// </summary>
public sealed class DeadlineSource(DbSession session, IClock clock)
{
    /// <summary>The deals of alias d that match <paramref name="where"/>, with their deadlines.</summary>
    public async Task<IReadOnlyList<DealDeadlineState>> ForAsync(string where, DynamicParameters args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        args.Add("stageKind", (int)HistoryKind.Stage);
        args.Add("contact", (int)Stage.Contact);
        var deals = (await session.QueryAsync<DealRow>(
            $"""
            SELECT d.id, d.owner_id, d.team_id, d.opened_on, d.stage, d.status, d.intended_minor, d.currency, d.last_activity_on,
                   (SELECT MIN(a.on_date) FROM activities a WHERE a.deal_id = d.id) AS first_activity_on,
                   (SELECT MIN(h.on_date) FROM deal_history h
                    WHERE h.deal_id = d.id AND NOT (h.kind = @stageKind AND h.from_value IS NULL AND h.to_value = @contact)) AS assessed_on
            FROM deals d
            WHERE {where}
            """,
            args,
            cancellationToken)).ToList();
        if (deals.Count == 0)
        {
            return [];
        }

        var today = clock.Today;
        var rules = await DeadlineRuleQueries.AllAsync(session, cancellationToken);
        var calendar = await CalendarQueries.WorkCalendarAsync(session, DateOnly.MinValue, DateOnly.MaxValue, cancellationToken);
        var rates = await FxRates.FxRates.InForceAsync(session, today, cancellationToken);
        return [.. deals.Select(d =>
        {
            var rule = DeadlineRule.For((long)FxRates.FxRates.ToCny(d.Currency.Trim(), d.IntendedMinor, rates), rules);
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
