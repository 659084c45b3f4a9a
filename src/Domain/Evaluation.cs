namespace DealPipeline.Domain;

/// <summary>One criterion of an evaluation index: scored from 0 to its weight (points).</summary>
public sealed record Criterion(string Key, string Name, int Weight, string? Guide = null);

/// <summary>A band of total scores: totals of at least <see cref="MinScore"/> (and below the next band) fall in it.</summary>
public sealed record ScoreBand(string Key, string Name, int MinScore);

/// <summary>A veto item (一票否决): one that applies puts the deal in the band "vetoed" whatever its total.</summary>
public sealed record VetoItem(string Key, string Name);

/// <summary>
/// An evaluation index (指标评价体系) as an admin configures it: criteria whose weights sum to 100
/// points, bands of the total, and veto items. The rules of a definition, and of a deal's scoring
/// under it.
/// </summary>
public sealed record CriteriaDefinition(IReadOnlyList<Criterion> Criteria, IReadOnlyList<ScoreBand> Bands, IReadOnlyList<VetoItem> Vetoes)
{
    /// <summary>The band of a deal with a veto that applies.</summary>
    public const string Vetoed = "vetoed";

    public const int MaxItems = 50;

    /// <summary>Checks the definition: 400 on the field at fault (criteria, bands, vetoes) otherwise.</summary>
    public void Check()
    {
        foreach (var (items, field) in new (System.Collections.IEnumerable Items, string Field)[] { (Criteria, "criteria"), (Bands, "bands"), (Vetoes, "vetoes") })
        {
            if (items.Cast<object?>().Any(item => item is null))
            {
                throw new DomainException($"{field}.null", $"'{field}' lists objects, not null.", field);
            }
        }

        if (Criteria.Any(c => c.Guide?.Length > 1000))
        {
            throw new DomainException("criteria.guide", "A criterion's guide has at most 1000 characters.", "criteria");
        }

        if (Criteria.Count is 0 or > MaxItems)
        {
            throw new DomainException("criteria.count", $"'criteria' lists 1 to {MaxItems} criteria.", "criteria");
        }

        if (Criteria.Any(c => c.Weight is <= 0 or > 100))
        {
            throw new DomainException("criteria.weight", "Each criterion's weight is a whole number of points from 1 to 100.", "criteria");
        }

        if (Criteria.Sum(c => c.Weight) != 100)
        {
            throw new DomainException("criteria.weights", $"The criteria's weights sum to {Criteria.Sum(c => c.Weight)} points; they must sum to 100.", "criteria");
        }

        Unique(Criteria.Select(c => c.Key), "criteria");
        Named(Criteria.Select(c => c.Name), "criteria");
        if (Bands.Count is 0 or > MaxItems || Bands.Any(b => b.MinScore is < 0 or > 100) || Bands.All(b => b.MinScore != 0))
        {
            throw new DomainException("bands.range", "'bands' give each band its minScore from 0 to 100, one of them 0, so that every total falls in a band.", "bands");
        }

        Unique(Bands.Select(b => b.Key), "bands");
        Named(Bands.Select(b => b.Name), "bands");
        if (Bands.Select(b => b.MinScore).Distinct().Count() != Bands.Count || Bands.Any(b => b.Key == Vetoed))
        {
            throw new DomainException("bands.distinct", $"Bands have distinct minScores, and none is keyed '{Vetoed}' (the band of a vetoed deal).", "bands");
        }

        if (Vetoes.Count > MaxItems)
        {
            throw new DomainException("vetoes.count", $"'vetoes' lists at most {MaxItems} items.", "vetoes");
        }

        Unique(Vetoes.Select(v => v.Key), "vetoes");
        Named(Vetoes.Select(v => v.Name), "vetoes");
    }

    /// <summary>
    /// A deal's total and band under this definition: every criterion scored once, from 0 to its weight,
    /// with at most one decimal; each veto named by the definition and given a reason. A veto puts the
    /// deal in <see cref="Vetoed"/>; otherwise the band is the one with the highest minScore the total reaches.
    /// </summary>
    public (decimal Total, string Band) Score(IReadOnlyDictionary<string, decimal> scores, IReadOnlyDictionary<string, string?> vetoes)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(vetoes);
        if (scores.Keys.FirstOrDefault(k => Criteria.All(c => c.Key != k)) is { } unknown)
        {
            throw new DomainException("scores.unknown", $"'{unknown}' is not a criterion of this criteria set.", "scores");
        }

        if (Criteria.FirstOrDefault(c => !scores.ContainsKey(c.Key)) is { } missing)
        {
            throw new DomainException("scores.missing", $"Every criterion is scored: '{missing.Key}' is missing.", "scores");
        }

        if (Criteria.FirstOrDefault(c => scores[c.Key] < 0 || scores[c.Key] > c.Weight || decimal.Round(scores[c.Key], 1) != scores[c.Key]) is { } wrong)
        {
            throw new DomainException("scores.range", $"'{wrong.Key}' is scored from 0 to its weight {wrong.Weight}, with at most one decimal.", "scores");
        }

        if (vetoes.Keys.FirstOrDefault(k => Vetoes.All(v => v.Key != k)) is { } notVeto)
        {
            throw new DomainException("vetoes.unknown", $"'{notVeto}' is not a veto item of this criteria set.", "vetoes");
        }

        if (vetoes.FirstOrDefault(v => string.IsNullOrWhiteSpace(v.Value)) is { Key: { } bare })
        {
            throw new DomainException("vetoes.reason", $"A veto needs its reason: '{bare}' has none.", "vetoes");
        }

        var total = scores.Values.Sum();
        return (total, vetoes.Count > 0 ? Vetoed : Bands.Where(b => b.MinScore <= total).MaxBy(b => b.MinScore)!.Key);
    }

    private static void Named(IEnumerable<string> names, string field)
    {
        if (names.Any(n => string.IsNullOrWhiteSpace(n) || n.Length > 200))
        {
            throw new DomainException($"{field}.names", $"Each item of '{field}' has a name of 1 to 200 characters.", field);
        }
    }

    private static void Unique(IEnumerable<string> keys, string field)
    {
        var list = keys.ToList();
        if (list.Any(k => string.IsNullOrWhiteSpace(k) || k.Length > 40) || list.Distinct(StringComparer.Ordinal).Count() != list.Count)
        {
            throw new DomainException($"{field}.keys", $"Each item of '{field}' has a key of 1 to 40 characters, unique in the list.", field);
        }
    }
}
