namespace DealPipeline.Api.Features.Reports;

/// <summary>A deal's state on a past day, from its history (see migration 0004).</summary>
public static class DealState
{
    /// <summary>The condition that keeps, of each deal's history entries (alias <paramref name="h"/>), the one in force at the end of <paramref name="day"/>.</summary>
    public static string InForce(string h, string day) =>
        $"{h}.on_date <= {day} AND ({h}.valid_until IS NULL OR {h}.valid_until > {day})";

    /// <summary>
    /// The deals as they were reported at the end of <paramref name="day"/>, aliased <c>d</c> like the
    /// table: every column of <c>deals</c>, with amount, currency, owner, team, park, sector and
    /// key-project flag from the revision in force that day (see migration 0011), so that a past
    /// report neither moves when a deal is revised later nor changes its filters' meaning. A deal
    /// without revisions (written outside the service) keeps its current values.
    /// </summary>
    public static string AsOfDeals(string day) =>
        $"(SELECT {AsOfColumns} FROM deals d0 LEFT JOIN deal_revisions r ON r.deal_id = d0.id AND {InForce("r", day)}) d";

    /// <summary>The revised fields: the revision's value when the deal has one in force (a team may be revised to none).</summary>
    private static readonly Dictionary<string, string> Revised = new()
    {
        ["park_id"] = "COALESCE(r.park_id, d0.park_id)",
        ["sector_id"] = "COALESCE(r.sector_id, d0.sector_id)",
        ["owner_id"] = "COALESCE(r.owner_id, d0.owner_id)",
        ["team_id"] = "CASE WHEN r.id IS NULL THEN d0.team_id ELSE r.team_id END",
        ["is_key_project"] = "COALESCE(r.is_key_project, d0.is_key_project)",
        ["intended_minor"] = "COALESCE(r.intended_minor, d0.intended_minor)",
        ["currency"] = "COALESCE(r.currency, d0.currency)",
    };

    /// <summary>Every column of the deals table (from its storage record), the revised ones from the revision.</summary>
    private static readonly string AsOfColumns = string.Join(
        ", ", Infrastructure.DealRecord.ColumnNames.Select(c => Revised.TryGetValue(c, out var revised) ? $"{revised} AS {c}" : $"d0.{c}"));
}

/// <summary>
/// Where a report reads the deals' stage and status at the end of a day: the one place that chooses between today's
/// deals table and, for a past day, each deal's history entry in force then (alias h) joined to the deal as it was
/// reported that day (<see cref="DealState.AsOfDeals"/>). Either way the deals are aliased d.
/// </summary>
/// <param name="From">The FROM clause (deals aliased d).</param>
/// <param name="Stage">The stage column.</param>
/// <param name="Status">The status column.</param>
/// <param name="InForce">The condition that keeps the history entry in force that day; null today.</param>
public sealed record DealStateSource(string From, string Stage, string Status, string? InForce)
{
    /// <summary>Today's deals.</summary>
    public bool IsToday => InForce is null;

    /// <summary>The deals at the end of <paramref name="day"/>: today's table when it is <paramref name="today"/> (or later), their history otherwise (adding the parameter asOf).</summary>
    public static DealStateSource At(DateOnly day, DateOnly today, Dapper.DynamicParameters args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (day >= today)
        {
            return new DealStateSource("deals d", "d.stage", "d.status", null);
        }

        args.Add("asOf", day);
        return new DealStateSource($"deal_history h JOIN {DealState.AsOfDeals("@asOf")} ON d.id = h.deal_id", "h.stage_after", "h.status_after", DealState.InForce("h", "@asOf"));
    }

    /// <summary>The conditions given, with the history's in-force condition on a past day, joined by AND.</summary>
    public string Where(params string[] conditions) => string.Join(" AND ", InForce is null ? conditions : [InForce, .. conditions]);
}
