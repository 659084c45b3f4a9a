using DealPipeline.Domain;

namespace DealPipeline.Domain.Tests;

public class ReferralTests
{
    private const long Yi = 100_000_000_00L; // 1亿 yuan in fen

    private static RewardBand[] Bands(int first, int second, int third) =>
        [new(0, 1 * Yi, first), new(1 * Yi, 5 * Yi, second), new(5 * Yi, null, third)];

    [Theory]
    [InlineData(80_000_000_00L, 240_000_00L)] // 8,000万 at 3‰
    [InlineData(300_000_000_00L, 600_000_00L)] // 3亿 at 2‰
    [InlineData(600_000_000_00L, 900_000_00L)] // 6亿 at 1.5‰
    [InlineData(1_000_000_000_00L, 1_000_000_00L)] // 10亿 at 1.5‰ is 150万: capped at 100万
    [InlineData(500L, 2L)] // 5 yuan at 3‰ is 1.5 fen: half away from zero
    [InlineData(0L, 0L)]
    public void A_tiered_reward_is_the_whole_basis_at_its_bands_rate_capped(long basis, long reward) =>
        Assert.Equal(reward, RewardScheme.Create(RewardMethod.Tiered, Bands(300, 200, 150), 1_000_000_00L).RewardOf(basis));

    [Theory]
    [InlineData(300_000_000_00L, null, 1_100_000_00L)] // 1亿 at 3‰ (30万) + 2亿 at 4‰ (80万)
    [InlineData(300_000_000_00L, 1_000_000_00L, 1_000_000_00L)]
    [InlineData(123_456_789_00L, null, 39_382_716L)] // 30万 + 23,456,789 at 4‰ = 93,827.156: 393,827.16 yuan
    [InlineData(700_000_000_00L, null, 2_900_000_00L)] // 30万 + 160万 + 2亿 at 5‰ (100万)
    public void A_marginal_reward_takes_each_part_at_its_bands_rate(long basis, long? cap, long reward) =>
        Assert.Equal(reward, RewardScheme.Create(RewardMethod.Marginal, Bands(300, 400, 500), cap).RewardOf(basis));

    [Fact]
    public void Bands_start_at_zero_follow_each_other_end_only_at_the_last_and_the_cap_is_not_negative()
    {
        string Refused(RewardBand[] bands, long? cap = null) => Assert.Throws<DomainException>(() => RewardScheme.Create(RewardMethod.Tiered, bands, cap)).Code;

        Assert.Equal("bands.gap", Refused([new(1, null, 300)]));
        Assert.Equal("bands.gap", Refused([new(0, Yi, 300), new(Yi + 1, null, 200)]));
        Assert.Equal("bands.overlap", Refused([new(0, Yi, 300), new(Yi - 1, null, 200)]));
        Assert.Equal("bands.end", Refused([new(0, null, 300), new(Yi, null, 200)]));
        Assert.Equal("bands.end", Refused([new(0, Yi, 300)]));
        Assert.Equal("bands.order", Refused([new(0, 0, 300), new(0, null, 200)]));
        Assert.Equal("bands.rate", Refused([new(0, null, 10_001)]));
        Assert.Equal("bands.count", Refused([]));
        Assert.Equal("cap.negative", Refused([new(0, null, 300)], -1));
    }

    [Fact]
    public void A_referrer_is_registered_before_the_deal_and_the_referral_confirmed_after_that()
    {
        var today = new DateOnly(2026, 12, 3);
        Referral.Check(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 5), today);

        Assert.Equal("referrerId", Assert.Throws<DomainException>(() => Referral.Check(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 1), today, today)).Field);
        Assert.Equal("confirmedOn", Assert.Throws<DomainException>(() => Referral.Check(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), new DateOnly(2026, 2, 28), today)).Field);
        Assert.Equal("confirmedOn", Assert.Throws<DomainException>(() => Referral.Check(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), today.AddDays(1), today)).Field);
    }
}
