namespace DealPipeline.Api.Features.Referrals;

/// <summary>A registered referrer (引荐人).</summary>
public sealed record ReferrerResponse : IVersioned
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; } = 1;

    public long Id { get; init; }

    public ReferrerKind Kind { get; init; }

    public string Name { get; init; } = "";

    /// <summary>The company an organisation referrer is, when it is one on file.</summary>
    public long? CompanyId { get; init; }

    public string? Contact { get; init; }

    /// <summary>The day it was registered: it may refer deals opened on or after that day.</summary>
    public DateOnly RegisteredOn { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A band of a reward scheme, in CNY: from (included) to (excluded; null for the last), at a rate in ‰.</summary>
public sealed record RewardBandBody(decimal? From, decimal? To, decimal? RatePermille)
{
    /// <summary>The band in fen and hundredths of a per mille, once its validator checked it.</summary>
    public RewardBand ToBand() => new(Money.ToMinor(From!.Value), To is { } to ? Money.ToMinor(to) : null, (int)(RatePermille!.Value * 100));
}

/// <summary>A reward scheme for referrers.</summary>
public sealed record RewardSchemeResponse : IVersioned
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; } = 1;

    public long Id { get; init; }

    public string Name { get; init; } = "";

    /// <summary>tiered (分档: the whole basis at its band's rate) or marginal (累进: each part at its band's rate).</summary>
    public RewardMethod Method { get; init; }

    /// <summary>The bands of the basis, fixed-asset investment in place in CNY, from 0 without gap or overlap.</summary>
    public IReadOnlyList<RewardBandBody> Bands { get; init; } = [];

    /// <summary>The most a referral of this scheme earns, in CNY (null: no cap).</summary>
    public decimal? Cap { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A deal's confirmed referral, with the reward due on the funds in place so far.</summary>
public sealed record ReferralResponse : IDealScoped
{
    public long DealId { get; init; }

    public long ReferrerId { get; init; }

    public long SchemeId { get; init; }

    /// <summary>The day the parties confirmed the referral.</summary>
    public DateOnly ConfirmedOn { get; init; }

    /// <summary>How they confirmed it (a signed statement, minutes of a meeting …).</summary>
    public string Confirmation { get; init; } = "";

    public long? ByUserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The deal's funds in place to date, in CNY, each converted at the rate in force on the day it arrived: the reward's basis.</summary>
    public decimal FundsInPlace { get; init; }

    /// <summary>The reward due on that basis under the scheme, in CNY, exact to the fen.</summary>
    public decimal Reward { get; init; }

    long? IDealScoped.DealOf => DealId;
}

/// <summary>What each referrer brought, as of a day: the deals they referred that the caller may see, their funds in place and the rewards due.</summary>
public sealed record ReferralReport(DateOnly AsOf, IReadOnlyList<ReferrerRewards> Items, decimal FundsInPlace, decimal Reward);

public sealed record ReferrerRewards(long ReferrerId, string Name, ReferrerKind Kind, IReadOnlyList<ReferredDeal> Deals, decimal FundsInPlace, decimal Reward);

public sealed record ReferredDeal(long DealId, string Name, long SchemeId, decimal FundsInPlace, decimal Reward);
