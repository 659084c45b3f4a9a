using DealPipeline.Domain;

namespace DealPipeline.Domain.Tests;

public class ClaimTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static readonly ClaimRules Chongqing = new(Money.ToMinor(1_000_000_000m), Money.ToMinor(10_000_000m), new HashSet<long> { 7 }, 90);

    private static ProjectClaim Registered(ClaimHolder? holder = null) =>
        ProjectClaim.Register(4, holder ?? new ClaimHolder(1, null), Today.AddDays(-10), Today.AddDays(-3), " 报送项目信息表 ", Chongqing, Today);

    [Fact]
    public void A_claim_holds_for_the_rules_days_from_today_and_keeps_its_trimmed_basis()
    {
        var claim = Registered();

        Assert.Equal(Today.AddDays(90), claim.ExpiresOn);
        Assert.Equal("报送项目信息表", claim.Evidence);
        Assert.True(claim.HoldsOn(Today.AddDays(90)));
        Assert.False(claim.HoldsOn(Today.AddDays(91)));
    }

    [Theory]
    [InlineData(null, "证据", "firstReportedOn")]
    [InlineData(-1, "  ", "evidence")]
    [InlineData(1, "证据", "firstReportedOn")]
    public void A_claim_without_its_basis_or_dated_ahead_is_refused_naming_the_field(int? reportedDaysFromToday, string evidence, string field)
    {
        var error = Assert.Throws<DomainException>(() =>
            ProjectClaim.Register(4, new ClaimHolder(null, 2), reportedDaysFromToday is { } d ? Today.AddDays(d) : null, null, evidence, Chongqing, Today));

        Assert.Equal(field, error.Field);
        Assert.Equal("claim.basis", error.Code);
    }

    [Fact]
    public void The_first_talk_comes_after_the_first_report_and_a_claim_has_one_holder()
    {
        Assert.Equal("firstTalkOn", Assert.Throws<DomainException>(() => ProjectClaim.Register(4, new ClaimHolder(1, null), Today, Today.AddDays(-1), "证据", Chongqing, Today)).Field);
        Assert.Equal("claim.holder", Assert.Throws<DomainException>(() => ProjectClaim.Register(4, new ClaimHolder(1, 2), Today, null, "证据", Chongqing, Today)).Code);
        Assert.Equal("claim.holder", Assert.Throws<DomainException>(() => ProjectClaim.Register(4, new ClaimHolder(null, null), Today, null, "证据", Chongqing, Today)).Code);
    }

    [Fact]
    public void Renewal_release_and_transfer_need_a_claim_that_still_holds()
    {
        var claim = Registered();
        claim.Renew(Chongqing, Today.AddDays(30));
        Assert.Equal(Today.AddDays(120), claim.ExpiresOn);

        claim.Transfer(new ClaimHolder(null, 5), Chongqing, Today.AddDays(40));
        Assert.Equal(new ClaimHolder(null, 5), claim.Holder);
        Assert.Equal(Today.AddDays(130), claim.ExpiresOn);
        Assert.Equal("claim.sameHolder", Assert.Throws<DomainException>(() => claim.Transfer(new ClaimHolder(null, 5), Chongqing, Today.AddDays(41))).Code);

        Assert.Equal("claim.notHeld", Assert.Throws<DomainException>(() => claim.Renew(Chongqing, Today.AddDays(131))).Code);
        claim.Release(Today.AddDays(50));
        Assert.Equal(ClaimStatus.Released, claim.Status);
        Assert.False(claim.HoldsOn(Today.AddDays(50)));
        Assert.Equal("claim.notHeld", Assert.Throws<DomainException>(() => claim.Release(Today.AddDays(50))).Code);
    }

    [Fact]
    public void A_park_claim_covers_its_parks_deals_and_a_team_claim_its_teams()
    {
        Assert.True(new ClaimHolder(1, null).Covers(1, 9));
        Assert.False(new ClaimHolder(1, null).Covers(2, 9));
        Assert.True(new ClaimHolder(null, 9).Covers(2, 9));
        Assert.False(new ClaimHolder(null, 9).Covers(1, null));
    }

    [Theory]
    [InlineData(100_000_000_000L, null, false, true)] // 10亿 exactly
    [InlineData(99_999_999_999L, null, false, false)]
    [InlineData(7_100_000_000L, 1_000_000_000L, false, true)] // FDI of 1,000万 USD
    [InlineData(7_099_999_999L, 999_999_999L, false, false)]
    [InlineData(100L, null, true, true)] // a sector on the list, or under one
    public void A_project_qualifies_by_reaching_any_threshold_set(long cny, long? usd, bool listedSector, bool qualifies)
    {
        Assert.Equal(qualifies, Chongqing.Qualifies(cny, usd, listedSector ? [12, 7] : [12, 3]));
        Assert.True(ClaimRules.Everything.Qualifies(null, null, []));
    }
}
