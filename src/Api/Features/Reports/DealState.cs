namespace DealPipeline.Api.Features.Reports;

/// <summary>A deal's state on a past day, from its history (see migration 0004).</summary>
public static class DealState
{
    /// <summary>The condition that keeps, of each deal's history entries (alias <paramref name="h"/>), the one in force at the end of <paramref name="day"/>.</summary>
    public static string InForce(string h, string day) =>
        $"{h}.on_date <= {day} AND ({h}.valid_until IS NULL OR {h}.valid_until > {day})";
}
