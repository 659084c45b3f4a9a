namespace DealPipeline.Api.Features.Targets;

/// <summary>
/// The targets table: one row per year and office, park or team (a key of 0 stands for "none", so that the
/// three kinds share one unique key). What the Targets area publishes to others: <see cref="FindAsync"/>.
/// </summary>
public sealed class TargetStore(DbSession session, IClock clock)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    private const string Columns = "SELECT year, park_key, team_key, signed_count, landed_count, signed_minor, landed_minor FROM targets";

    /// <summary>The year's targets of the office (no park, no team), a park or a team; null where none is set.</summary>
    public Task<Row?> FindAsync(int year, long? parkId, long? teamId, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<Row>(
            Columns + " WHERE year = @year AND park_key = @parkKey AND team_key = @teamKey",
            new { year, parkKey = parkId ?? 0, teamKey = teamId ?? 0 },
            cancellationToken);

    public async Task<IReadOnlyList<Row>> ListAsync(int year, CancellationToken cancellationToken) =>
        [.. await session.QueryAsync<Row>(Columns + " WHERE year = @year ORDER BY park_key, team_key", new { year }, cancellationToken)];

    /// <summary>Sets the row's targets, replacing those set before.</summary>
    public async Task SaveAsync(Row row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var args = new { row.Year, row.ParkKey, row.TeamKey, row.SignedCount, row.LandedCount, row.SignedMinor, row.LandedMinor, now = clock.UtcNow };
        var updated = await session.ExecuteAsync(
            "UPDATE targets SET signed_count = @SignedCount, landed_count = @LandedCount, signed_minor = @SignedMinor, landed_minor = @LandedMinor, updated_at = @now " +
            "WHERE year = @Year AND park_key = @ParkKey AND team_key = @TeamKey",
            args,
            cancellationToken);
        if (updated == 0)
        {
            await session.ExecuteAsync(
                "INSERT INTO targets (year, park_key, team_key, signed_count, landed_count, signed_minor, landed_minor, updated_at) " +
                "VALUES (@Year, @ParkKey, @TeamKey, @SignedCount, @LandedCount, @SignedMinor, @LandedMinor, @now)",
                args,
                cancellationToken);
        }
    }

    public sealed record Row
    {
        public int Year { get; init; }

        public long ParkKey { get; init; }

        public long TeamKey { get; init; }

        public int? SignedCount { get; init; }

        public int? LandedCount { get; init; }

        public long? SignedMinor { get; init; }

        public long? LandedMinor { get; init; }

        public TargetResponse ToResponse() =>
            new(Year, ParkKey == 0 ? null : ParkKey, TeamKey == 0 ? null : TeamKey, SignedCount, LandedCount, Money.FromMinor(SignedMinor), Money.FromMinor(LandedMinor));
    }
}
