namespace DealPipeline.Api.Features.Reports;

/// <summary>A deal's state on a past day, from its history (see migration 0004).</summary>
public static class DealState
{
    /// <summary>The condition that keeps, of each deal's history entries (alias <paramref name="h"/>), the one in force at the end of <paramref name="day"/>.</summary>
    public static string InForce(string h, string day) =>
        $"{h}.on_date <= {day} AND ({h}.valid_until IS NULL OR {h}.valid_until > {day})";

    /// <summary>
    /// The deals as they were reported at the end of <paramref name="day"/>, aliased <c>d</c> like the table: every column of
    /// <c>deals</c>, with amount, currency, owner, team, park, sector and key-project flag from the revision in force that day
    /// (see migration 0011), so that a past report neither moves when a deal is revised later nor changes its filters' meaning
    /// (a deal without revisions, written outside the service, keeps its current values), and its stage and status then as
    /// <c>stage_at</c> and <c>status_at</c>, from the history entry in force (migration 0004). A deal that has not changed
    /// since that day (its last change on or before it, no revision in force from after it) is as it is today: it is read from
    /// the deals table alone; the history and revisions are read only for the deals changed since (the history entries that
    /// stopped being in force after the day, and the current ones of deals revised after it). At 100,000 deals, half a year
    /// back, that is 65 ms instead of 160 for reading every deal's history (docs/benchmarks.md).
    /// </summary>
    public static string AsOfDeals(string day)
    {
        var revisedSince = $"SELECT x.deal_id FROM deal_revisions x WHERE x.valid_until IS NULL AND x.on_date > {day}";
        var history = $"SELECT {AsOfColumns}, h.stage_after AS stage_at, h.status_after AS status_at FROM deal_history h JOIN deals d0 ON d0.id = h.deal_id " +
                      $"LEFT JOIN deal_revisions r ON r.deal_id = d0.id AND {InForce("r", day)} WHERE h.on_date <= {day}";

        // Unary plus: a report's condition on the status, pushed into this part, must not read the deals through the status index.
        return $"({TodayColumns}, +d0.stage AS stage_at, +d0.status AS status_at FROM deals d0 WHERE d0.last_change_on <= {day} AND d0.id NOT IN ({revisedSince}) " +
               $"UNION ALL {history} AND h.valid_until > {day} " +
               $"UNION ALL {history} AND h.valid_until IS NULL AND h.deal_id IN ({revisedSince})) d";
    }

    private static readonly string TodayColumns = "SELECT " + string.Join(", ", Infrastructure.DealRecord.ColumnNames.Select(c => $"d0.{c}"));

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
/// deals table and, for a past day, the deals as they were reported then (<see cref="DealState.AsOfDeals"/>). Either way
/// the deals are aliased d.
/// </summary>
/// <param name="From">The FROM clause (deals aliased d).</param>
/// <param name="Stage">The stage column.</param>
/// <param name="Status">The status column.</param>
/// <param name="IsToday">Today's deals table.</param>
public sealed record DealStateSource(string From, string Stage, string Status, bool IsToday)
{
    /// <summary>The deals at the end of <paramref name="day"/>: today's table when it is <paramref name="today"/> (or later), their history otherwise (adding the parameter asOf).</summary>
    public static DealStateSource At(DateOnly day, DateOnly today, Dapper.DynamicParameters args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (day >= today)
        {
            return new DealStateSource("deals d", "d.stage", "d.status", IsToday: true);
        }

        args.Add("asOf", day);
        return new DealStateSource(DealState.AsOfDeals("@asOf"), "d.stage_at", "d.status_at", IsToday: false);
    }

    /// <summary>The conditions given, joined by AND.</summary>
    public string Where(params string[] conditions) => string.Join(" AND ", conditions);
}
