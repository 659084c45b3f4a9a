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
                throw new DomainException($"{field}.null", RuleTexts.FieldListsObjectsNotNull.With(("field", field)), field);
            }
        }

        if (Criteria.Any(c => c.Guide?.Length > 1000))
        {
            throw new DomainException("criteria.guide", RuleTexts.CriterionGuideHasMost1000Characters, "criteria");
        }

        if (Criteria.Count is 0 or > MaxItems)
        {
            throw new DomainException("criteria.count", RuleTexts.CriteriaLists1MaxCriteria.With(("max", MaxItems)), "criteria");
        }

        if (Criteria.Any(c => c.Weight is <= 0 or > 100))
        {
            throw new DomainException("criteria.weight", RuleTexts.CriterionWeightWholeNumberPointsFrom, "criteria");
        }

        if (Criteria.Sum(c => c.Weight) != 100)
        {
            throw new DomainException("criteria.weights", RuleTexts.CriteriaWeightsSumSumPointsThey.With(("sum", Criteria.Sum(c => c.Weight))), "criteria");
        }

        Unique(Criteria.Select(c => c.Key), "criteria");
        Named(Criteria.Select(c => c.Name), "criteria");
        if (Bands.Count is 0 or > MaxItems || Bands.Any(b => b.MinScore is < 0 or > 100) || Bands.All(b => b.MinScore != 0))
        {
            throw new DomainException("bands.range", RuleTexts.BandsGiveBandMinScoreFrom0, "bands");
        }

        Unique(Bands.Select(b => b.Key), "bands");
        Named(Bands.Select(b => b.Name), "bands");
        if (Bands.Select(b => b.MinScore).Distinct().Count() != Bands.Count || Bands.Any(b => b.Key == Vetoed))
        {
            throw new DomainException("bands.distinct", RuleTexts.BandsHaveDistinctMinScoresNoneKeyed.With(("key", Vetoed)), "bands");
        }

        if (Vetoes.Count > MaxItems)
        {
            throw new DomainException("vetoes.count", RuleTexts.VetoesListsMostMaxItems.With(("max", MaxItems)), "vetoes");
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
            throw new DomainException("scores.unknown", RuleTexts.KeyNotCriterionCriteriaSet.With(("key", unknown)), "scores");
        }

        if (Criteria.FirstOrDefault(c => !scores.ContainsKey(c.Key)) is { } missing)
        {
            throw new DomainException("scores.missing", RuleTexts.CriterionScoredKeyMissing.With(("key", missing.Key)), "scores");
        }

        if (Criteria.FirstOrDefault(c => scores[c.Key] < 0 || scores[c.Key] > c.Weight || decimal.Round(scores[c.Key], 1) != scores[c.Key]) is { } wrong)
        {
            throw new DomainException("scores.range", RuleTexts.KeyScoredFrom0WeightWeight.With(("key", wrong.Key), ("weight", wrong.Weight)), "scores");
        }

        if (vetoes.Keys.FirstOrDefault(k => Vetoes.All(v => v.Key != k)) is { } notVeto)
        {
            throw new DomainException("vetoes.unknown", RuleTexts.KeyNotVetoItemCriteriaSet.With(("key", notVeto)), "vetoes");
        }

        if (vetoes.FirstOrDefault(v => string.IsNullOrWhiteSpace(v.Value)) is { Key: { } bare })
        {
            throw new DomainException("vetoes.reason", RuleTexts.VetoNeedsReasonKeyHasNone.With(("key", bare)), "vetoes");
        }

        var total = scores.Values.Sum();
        return (total, vetoes.Count > 0 ? Vetoed : Bands.Where(b => b.MinScore <= total).MaxBy(b => b.MinScore)!.Key);
    }

    private static void Named(IEnumerable<string> names, string field)
    {
        if (names.Any(n => string.IsNullOrWhiteSpace(n) || n.Length > 200))
        {
            throw new DomainException($"{field}.names", RuleTexts.ItemFieldHasName1200.With(("field", field)), field);
        }
    }

    private static void Unique(IEnumerable<string> keys, string field)
    {
        var list = keys.ToList();
        if (list.Any(k => string.IsNullOrWhiteSpace(k) || k.Length > 40) || list.Distinct(StringComparer.Ordinal).Count() != list.Count)
        {
            throw new DomainException($"{field}.keys", RuleTexts.ItemFieldHasKey140.With(("field", field)), field);
        }
    }
}
