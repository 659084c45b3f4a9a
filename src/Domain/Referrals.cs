namespace DealPipeline.Domain;

/// <summary>Who introduces projects (引荐人): a person or an organisation (a chamber of commerce, an agency, a company).</summary>
public enum ReferrerKind
{
    Person = 1,
    Organisation = 2,
}

/// <summary>How a reward scheme reads its bands.</summary>
public enum RewardMethod
{
    /// <summary>分档: the whole basis at the rate of the band it falls in.</summary>
    Tiered = 1,

    /// <summary>累进: each part of the basis at the rate of the band that part lies in, as income tax is computed.</summary>
    Marginal = 2,
}

/// <summary>A band of the basis, from <see cref="FromMinor"/> (included) to <see cref="ToMinor"/> (excluded; null: no end), in CNY fen, and its rate in hundredths of a per mille (3‰ is 300).</summary>
public sealed record RewardBand(long FromMinor, long? ToMinor, int RateCentiPermille);

/// <summary>
/// A reward scheme for referrers (引荐奖励): bands of the basis (fixed-asset investment in place, in CNY) that start at 0
/// and follow each other without gap or overlap, the last without end, each with its rate; the reward is capped when a
/// cap is set. Rewards are exact to the fen, rounded half away from zero once, at the end.
/// </summary>
public sealed record RewardScheme(RewardMethod Method, IReadOnlyList<RewardBand> Bands, long? CapMinor)
{
    public const int MaxBands = 20;

    /// <summary>The highest rate a band may have: 100‰ (10 %).</summary>
    public const int MaxRateCentiPermille = 10_000;

    /// <summary>The scheme, once its bands and cap keep the rules (400 naming bands or cap otherwise).</summary>
    public static RewardScheme Create(RewardMethod method, IReadOnlyList<RewardBand> bands, long? capMinor)
    {
        ArgumentNullException.ThrowIfNull(bands);
        if (bands.Count is 0 or > MaxBands)
        {
            throw new DomainException("bands.count", RuleTexts.RewardBandsCount.With(("max", MaxBands)), "bands");
        }

        if (bands[0].FromMinor != 0)
        {
            throw new DomainException("bands.gap", RuleTexts.RewardBandsStartAtZero, "bands");
        }

        for (var i = 0; i < bands.Count; i++)
        {
            var band = bands[i];
            if (band.RateCentiPermille is < 0 or > MaxRateCentiPermille)
            {
                throw new DomainException("bands.rate", RuleTexts.RewardBandRateRange.With(("n", i + 1)), "bands");
            }

            if (band.ToMinor is null != (i == bands.Count - 1))
            {
                throw new DomainException("bands.end", RuleTexts.RewardBandsOnlyLastOpen, "bands");
            }

            if (band.ToMinor is { } to && to <= band.FromMinor)
            {
                throw new DomainException("bands.order", RuleTexts.RewardBandEndsAfterStart.With(("n", i + 1)), "bands");
            }

            if (i > 0 && bands[i - 1].ToMinor is { } previousEnd && band.FromMinor != previousEnd)
            {
                throw new DomainException(
                    band.FromMinor > previousEnd ? "bands.gap" : "bands.overlap",
                    (band.FromMinor > previousEnd ? RuleTexts.RewardBandsLeaveGap : RuleTexts.RewardBandsOverlap).With(("n", i + 1)),
                    "bands");
            }
        }

        if (capMinor < 0)
        {
            throw new DomainException("cap.negative", RuleTexts.RewardCapNotNegative, "cap");
        }

        return new RewardScheme(method, bands, capMinor);
    }

    /// <summary>The reward for a basis of <paramref name="basisMinor"/> CNY fen, in fen.</summary>
    public long RewardOf(long basisMinor)
    {
        if (basisMinor <= 0)
        {
            return 0;
        }

        // Rates are hundredths of a per mille: amount × rate / 100,000.
        var exact = Method == RewardMethod.Tiered
            ? (decimal)basisMinor * Bands.Last(b => b.FromMinor <= basisMinor).RateCentiPermille
            : Bands.Where(b => b.FromMinor < basisMinor).Sum(b => (decimal)(Math.Min(basisMinor, b.ToMinor ?? long.MaxValue) - b.FromMinor) * b.RateCentiPermille);
        var reward = (long)decimal.Round(exact / 100_000m, 0, MidpointRounding.AwayFromZero);
        return CapMinor is { } cap ? Math.Min(reward, cap) : reward;
    }
}

/// <summary>
/// The rules of a referral: a project has one referrer, who was registered before introducing it (on or before the
/// deal opened), and the parties confirmed it, not before the registration nor in the future.
/// </summary>
public static class Referral
{
    public static void Check(DateOnly referrerRegisteredOn, DateOnly dealOpenedOn, DateOnly confirmedOn, DateOnly today)
    {
        if (referrerRegisteredOn > dealOpenedOn)
        {
            throw new DomainException("referral.lateRegistration", RuleTexts.ReferrerRegisteredAfterDealOpened.With(("registered", Day(referrerRegisteredOn)), ("opened", Day(dealOpenedOn))), "referrerId");
        }

        if (confirmedOn < referrerRegisteredOn || confirmedOn > today)
        {
            throw new DomainException("referral.confirmedOn", RuleTexts.ReferralConfirmedBetween.With(("registered", Day(referrerRegisteredOn))), "confirmedOn");
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
