namespace DealPipeline.Domain;

/// <summary>How a ranking board (赛马榜) turns each figure into points before weighting them.</summary>
public enum RankingMethod
{
    /// <summary>功效系数法: (v − min) / (max − min) × 40 + 60 within the group, so the best scores 100 and the least 60; all equal score 100.</summary>
    Efficacy = 1,

    /// <summary>By position: the first scores 100, the last 60, evenly between; ties share the better position.</summary>
    Rank = 2,
}

/// <summary>One unit on a board: its figures, in the board's order.</summary>
public sealed record RankingEntry(long Id, IReadOnlyList<decimal> Values);

/// <summary>A unit's place on a board: its rank in its group, its weighted score and each figure's points.</summary>
public sealed record RankingScore(long Id, int Rank, decimal Score, IReadOnlyList<decimal> Points);

public static class Rankings
{
    /// <summary>
    /// Scores one group of units on figures weighted by <paramref name="weights"/> (in the figures' order): each figure's points by
    /// <paramref name="method"/>, then their weighted mean, both rounded half away from zero to two decimals; ranked by score,
    /// highest first, equal scores sharing a rank (1, 2, 2, 4), then by id.
    /// </summary>
    public static IReadOnlyList<RankingScore> Score(IReadOnlyList<RankingEntry> group, IReadOnlyList<decimal> weights, RankingMethod method)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(weights);
        var total = weights.Sum();
        var points = group.Select(_ => new decimal[weights.Count]).ToArray();
        for (var f = 0; f < weights.Count; f++)
        {
            var values = group.Select(e => e.Values[f]).ToList();
            for (var u = 0; u < group.Count; u++)
            {
                points[u][f] = decimal.Round(method == RankingMethod.Rank ? ByRank(values, values[u]) : ByEfficacy(values, values[u]), 2, MidpointRounding.AwayFromZero);
            }
        }

        var scored = group.Select((e, u) => (e.Id, Score: total == 0 ? 0 : decimal.Round(points[u].Select((p, f) => p * weights[f]).Sum() / total, 2, MidpointRounding.AwayFromZero), Points: points[u]))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Id).ToList();
        return [.. scored.Select(s => new RankingScore(s.Id, scored.Count(o => o.Score > s.Score) + 1, s.Score, s.Points))];
    }

    private static decimal ByEfficacy(List<decimal> values, decimal value)
    {
        var (min, max) = (values.Min(), values.Max());
        return max == min ? 100m : ((value - min) / (max - min) * 40m) + 60m;
    }

    private static decimal ByRank(List<decimal> values, decimal value)
    {
        var position = values.Count(v => v > value); // 0 for the best; ties share the better position
        return values.Count == 1 ? 100m : 100m - (position * 40m / (values.Count - 1));
    }
}
