using System.Text;
using Dapper;

namespace DealPipeline.Api.Features.Deals;

/// <summary>
/// The deals a fulfilment report checks on a day (the health check, the milestones report): signed or landed by then, and still being
/// fulfilled, active or on hold (a lost project is not). One condition and one row, so that those reports check the same deals.
/// </summary>
public static class SignedDeals
{
    /// <summary>The columns of <see cref="SignedDealRow"/> over <see cref="From"/>.</summary>
    public const string Columns =
        "d.id, d.name, d.owner_id, u.name AS owner_name, d.team_id, t.name AS team_name, d.park_id, d.stage, d.status, d.signed_on, d.construction_started_on, d.production_started_on";

    /// <summary>Deals (alias d) with their owner (u) and team (t).</summary>
    public const string From = "deals d JOIN users u ON u.id = d.owner_id LEFT JOIN teams t ON t.id = d.team_id";

    /// <summary>Adds to a deal filter's conditions: signed by <paramref name="asOf"/> (parameter asOf), signed or landed now, not lost.</summary>
    public static void SignedBy(StringBuilder where, DynamicParameters args, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(where);
        ArgumentNullException.ThrowIfNull(args);
        where.Append(CultureInfo.InvariantCulture, $" AND d.signed_on IS NOT NULL AND d.signed_on <= @asOf AND d.stage >= {(int)Stage.Signed} AND d.status <> {(int)DealStatus.Lost}");
        args.Add("asOf", asOf);
    }
}

/// <summary>A signed deal as a fulfilment report reads it: who owns it, where, its stage and its 开工 and 投产 dates.</summary>
public record SignedDealRow
{
    public long Id { get; init; }

    public string Name { get; init; } = "";

    public long OwnerId { get; init; }

    public string OwnerName { get; init; } = "";

    public long? TeamId { get; init; }

    public string? TeamName { get; init; }

    public long ParkId { get; init; }

    public Stage Stage { get; init; }

    public DealStatus Status { get; init; }

    public DateOnly SignedOn { get; init; }

    public DateOnly? ConstructionStartedOn { get; init; }

    public DateOnly? ProductionStartedOn { get; init; }
}
