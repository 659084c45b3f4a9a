namespace DealPipeline.Api.Features.Targets;

/// <summary>A year's targets for the office (no park, no team), a park or a team.</summary>
public sealed record TargetResponse(int Year, long? ParkId, long? TeamId, int? SignedCount, int? LandedCount, decimal? SignedInvestment, decimal? LandedInvestment);

public sealed record TargetBody(long? ParkId, long? TeamId, int? SignedCount, int? LandedCount, decimal? SignedInvestment, decimal? LandedInvestment) : IRequestBody
{
    public static IReadOnlyList<string> Required => [];

    public static object Example => new TargetBody(1, null, 12, 6, 3_000_000_000m, 1_200_000_000m);
}
