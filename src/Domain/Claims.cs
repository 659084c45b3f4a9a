namespace DealPipeline.Domain;

/// <summary>Where a claim stands: held (until it expires), or released by its holder. An expired claim is a held one past its expiry.</summary>
public enum ClaimStatus
{
    Held = 1,
    Released = 2,
}

/// <summary>What happened to a claim after it was registered.</summary>
public enum ClaimEventKind
{
    Registered = 1,
    Renewed = 2,
    Transferred = 3,
    Released = 4,

    /// <summary>A manager let another unit open a deal for the claimed company anyway, with a reason.</summary>
    Overridden = 5,
}

/// <summary>The unit a claim is held for: a park or a team, exactly one.</summary>
public sealed record ClaimHolder(long? ParkId, long? TeamId)
{
    /// <summary>Whether a deal (or a lead) of this park and team belongs to the holder: a park's claim covers its park's, a team's its team's.</summary>
    public bool Covers(long? parkId, long? teamId) => ParkId is { } park ? park == parkId : TeamId == teamId;

    public void Validate()
    {
        if ((ParkId is null) == (TeamId is null))
        {
            throw new DomainException("claim.holder", RuleTexts.ClaimHeldForOneParkOrTeam, "teamId");
        }
    }
}

/// <summary>
/// The office's rules for claims (首报首谈): which projects may be claimed at all (a project qualifies by reaching any
/// threshold that is set: its intended investment in CNY, a foreign-funded project's in USD, or a sector on the list;
/// with none set, every project does), and how long a claim holds before it must be renewed.
/// </summary>
public sealed record ClaimRules(long? MinIntendedCnyMinor, long? MinForeignUsdMinor, IReadOnlySet<long> SectorIds, int ValidDays)
{
    public const int MaxValidDays = 3_660;

    public static ClaimRules Everything { get; } = new(null, null, new HashSet<long>(), 180);

    public bool AnyThreshold => MinIntendedCnyMinor is not null || MinForeignUsdMinor is not null || SectorIds.Count > 0;

    /// <summary>
    /// Whether a project qualifies: <paramref name="intendedCnyMinor"/> its intended investment in CNY fen, <paramref name="foreignUsdMinor"/>
    /// the same in USD cents when it is foreign-funded (null otherwise), <paramref name="sectorLine"/> its sector and the sectors above it.
    /// </summary>
    public bool Qualifies(long? intendedCnyMinor, long? foreignUsdMinor, IEnumerable<long> sectorLine) =>
        !AnyThreshold
        || (MinIntendedCnyMinor is { } cny && intendedCnyMinor >= cny)
        || (MinForeignUsdMinor is { } usd && foreignUsdMinor >= usd)
        || sectorLine.Any(SectorIds.Contains);
}

/// <summary>
/// A unit's claim on a company's project (首报首谈): the first unit to report a project and hold the first talk owns it, and
/// other units may not pursue it while the claim holds. It rests on its basis: the date it was first reported, the date of
/// the first talk, and a note of the evidence. It holds until <see cref="ExpiresOn"/>, is renewed, released by its holder,
/// or moved to another unit by a manager (统筹流转), each with a reason where it says so.
/// </summary>
public sealed class ProjectClaim
{
    public const int MaxEvidenceLength = 2_000;

    private ProjectClaim(long companyId, ClaimHolder holder, DateOnly firstReportedOn, DateOnly? firstTalkOn, string evidence, DateOnly expiresOn)
    {
        CompanyId = companyId;
        Holder = holder;
        FirstReportedOn = firstReportedOn;
        FirstTalkOn = firstTalkOn;
        Evidence = evidence;
        ExpiresOn = expiresOn;
        Status = ClaimStatus.Held;
    }

    public long CompanyId { get; }

    public ClaimHolder Holder { get; private set; }

    public DateOnly FirstReportedOn { get; }

    public DateOnly? FirstTalkOn { get; }

    public string Evidence { get; }

    public DateOnly ExpiresOn { get; private set; }

    public ClaimStatus Status { get; private set; }

    /// <summary>Whether the claim holds on <paramref name="day"/>: not released, and not past its expiry.</summary>
    public bool HoldsOn(DateOnly day) => Status == ClaimStatus.Held && day <= ExpiresOn;

    /// <summary>
    /// A new claim, registered <paramref name="today"/>: held for one park or team, its basis complete (first reported
    /// on a day not in the future, the first talk not before it nor in the future, the evidence noted), holding for the
    /// rules' days from today.
    /// </summary>
    public static ProjectClaim Register(long companyId, ClaimHolder holder, DateOnly? firstReportedOn, DateOnly? firstTalkOn, string? evidence, ClaimRules rules, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(rules);
        holder.Validate();
        if (firstReportedOn is not { } reported)
        {
            throw new DomainException("claim.basis", RuleTexts.ClaimNeedsItsBasis.With(("field", "firstReportedOn")), "firstReportedOn");
        }

        if (string.IsNullOrWhiteSpace(evidence))
        {
            throw new DomainException("claim.basis", RuleTexts.ClaimNeedsItsBasis.With(("field", "evidence")), "evidence");
        }

        if (evidence.Trim().Length > MaxEvidenceLength)
        {
            throw new DomainException("evidence.tooLong", RuleTexts.EvidenceHasMostNCharacters.With(("n", MaxEvidenceLength)), "evidence");
        }

        if (reported > today)
        {
            throw new DomainException("claim.basis", RuleTexts.ClaimDateInFuture.With(("field", "firstReportedOn")), "firstReportedOn");
        }

        if (firstTalkOn is { } talk && (talk > today || talk < reported))
        {
            throw new DomainException("claim.basis", talk > today ? RuleTexts.ClaimDateInFuture.With(("field", "firstTalkOn")) : RuleTexts.FirstTalkBeforeFirstReport, "firstTalkOn");
        }

        return new ProjectClaim(companyId, holder, reported, firstTalkOn, evidence.Trim(), today.AddDays(rules.ValidDays));
    }

    /// <summary>A claim as stored.</summary>
    public static ProjectClaim Load(long companyId, ClaimHolder holder, DateOnly firstReportedOn, DateOnly? firstTalkOn, string evidence, DateOnly expiresOn, ClaimStatus status) =>
        new(companyId, holder, firstReportedOn, firstTalkOn, evidence, expiresOn) { Status = status };

    /// <summary>Holds the claim for the rules' days from <paramref name="today"/>; only a claim that still holds is renewed (an expired one is registered afresh).</summary>
    public void Renew(ClaimRules rules, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rules);
        RequireHolds(today);
        ExpiresOn = today.AddDays(rules.ValidDays);
    }

    /// <summary>Gives the claim up: other units may pursue the project from now on.</summary>
    public void Release(DateOnly today)
    {
        RequireHolds(today);
        Status = ClaimStatus.Released;
    }

    /// <summary>Moves the claim to another unit (统筹流转), which holds it for the rules' days from today.</summary>
    public void Transfer(ClaimHolder to, ClaimRules rules, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(rules);
        to.Validate();
        RequireHolds(today);
        if (to == Holder)
        {
            throw new DomainException("claim.sameHolder", RuleTexts.ClaimAlreadyHeldByThatUnit, to.ParkId is null ? "teamId" : "parkId");
        }

        Holder = to;
        ExpiresOn = today.AddDays(rules.ValidDays);
    }

    private void RequireHolds(DateOnly today)
    {
        if (!HoldsOn(today))
        {
            throw new DomainException("claim.notHeld", Status == ClaimStatus.Released ? RuleTexts.ClaimWasReleased : RuleTexts.ClaimExpired.With(("on", ExpiresOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
        }
    }
}
