using System.ComponentModel.DataAnnotations;

namespace DealPipeline.Api.Features.Claims;

/// <summary>
/// The <c>Claims</c> configuration section: the office's rules for which projects may be claimed (首报首谈 covers major
/// projects: Chongqing's are 10亿 or more, or FDI of 1,000万 USD or more) and how long a claim holds. A project qualifies
/// by reaching any threshold that is set; with none set, every project may be claimed.
/// </summary>
public sealed class ClaimOptions
{
    public const string Section = "Claims";

    /// <summary>The least intended investment, in CNY yuan, of a project that may be claimed (null: no such threshold).</summary>
    [Range(typeof(decimal), "0", "10000000000000", ErrorMessage = "Claims:MinIntendedInvestment is between 0 and 10,000,000,000,000 yuan.")]
    public decimal? MinIntendedInvestment { get; set; }

    /// <summary>The least intended investment, in USD, of a foreign-funded project that may be claimed (null: no such threshold).</summary>
    [Range(typeof(decimal), "0", "10000000000000", ErrorMessage = "Claims:MinForeignInvestmentUsd is between 0 and 10,000,000,000,000.")]
    public decimal? MinForeignInvestmentUsd { get; set; }

    /// <summary>Sectors whose projects may be claimed whatever their amount (a sector covers the sectors under it).</summary>
    public long[] SectorIds { get; set; } = [];

    /// <summary>How many days a claim holds from its registration, renewal or transfer.</summary>
    [Range(1, ClaimRules.MaxValidDays, ErrorMessage = "Claims:ValidDays is between 1 and 3660.")]
    public int ValidDays { get; set; } = 180;

    public ClaimRules ToRules() => new(
        MinIntendedInvestment is { } cny ? Money.ToMinor(cny) : null,
        MinForeignInvestmentUsd is { } usd ? Money.ToMinor(usd) : null,
        SectorIds.ToHashSet(),
        ValidDays);
}
