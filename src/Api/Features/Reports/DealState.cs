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
        "(SELECT d0.id, d0.name, d0.company_id, COALESCE(r.park_id, d0.park_id) AS park_id, COALESCE(r.sector_id, d0.sector_id) AS sector_id, " +
        "COALESCE(r.owner_id, d0.owner_id) AS owner_id, CASE WHEN r.id IS NULL THEN d0.team_id ELSE r.team_id END AS team_id, d0.source, d0.source_event_id, " +
        "d0.referrer_company_id, COALESCE(r.is_key_project, d0.is_key_project) AS is_key_project, d0.confidential, " +
        "COALESCE(r.intended_minor, d0.intended_minor) AS intended_minor, COALESCE(r.currency, d0.currency) AS currency, d0.contracted_minor, " +
        "d0.expected_output_minor, d0.expected_tax_minor, d0.expected_jobs, d0.planned_landing_on, d0.stage, d0.status, d0.lost_reason, d0.opened_on, " +
        "d0.signed_on, d0.landed_on, d0.construction_started_on, d0.production_started_on, d0.last_change_on, d0.created_at, d0.updated_at, d0.version, " +
        "d0.deleted_at, d0.code_name, d0.last_activity_on, d0.land_area_centimu " +
        $"FROM deals d0 LEFT JOIN deal_revisions r ON r.deal_id = d0.id AND {InForce("r", day)}) d";
}
