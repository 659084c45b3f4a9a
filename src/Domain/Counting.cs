namespace DealPipeline.Domain;

/// <summary>What a project must have for the office to count it as attracted (引进成功), each with the day it had it when there is one.</summary>
public enum CountingRequirement
{
    /// <summary>A signed contract: the signing day.</summary>
    Contract = 1,

    /// <summary>Business and tax registration: the company has its unified social credit code (no day of its own).</summary>
    Registration = 2,

    /// <summary>Fixed assets invested: the day of its first funds in place (到位资金).</summary>
    FundsInPlace = 3,

    /// <summary>Main works started: its 开工 day.</summary>
    ConstructionStarted = 4,

    /// <summary>Entered in the office's monthly ledger: it has a ledger number (台账编号; no day of its own).</summary>
    Ledger = 5,
}

/// <summary>Why a signed project is not counted under a rule set.</summary>
public enum CountingExclusion
{
    /// <summary>Its investment (contracted, else intended, in CNY) is under the rule set's minimum (under 1亿 …).</summary>
    BelowMinimum = 1,

    /// <summary>Its sector is one the rule set leaves out (real estate, catering …), or below one.</summary>
    Sector = 2,

    /// <summary>It continues an earlier deal in a way the rule set leaves out (signed again, a second phase, a move within the city …).</summary>
    PriorKind = 3,

    /// <summary>It met the last requirement after the counting window from its signing closed.</summary>
    OutsideWindow = 4,

    /// <summary>Lost: no longer being fulfilled.</summary>
    Lost = 5,
}

/// <summary>What a rule set needs to know of a signed deal.</summary>
public sealed record CountingFacts(
    DateOnly SignedOn,
    bool Lost,
    long InvestmentCnyMinor,
    bool SectorExcluded,
    PriorKind? PriorKind,
    bool HasCreditCode,
    bool InLedger,
    DateOnly? FirstFundsOn,
    DateOnly? ConstructionStartedOn);

/// <summary>A deal under a rule set: excluded (and why), waiting on requirements, or counted on the day it met the last of them.</summary>
public sealed record CountingOutcome(DateOnly? CountedOn, CountingExclusion? Excluded, IReadOnlyList<CountingRequirement> Missing);

/// <summary>
/// An office's counting rules (认定): which signed projects count toward its figures, as offices publish them: exclusions (under a
/// minimum investment, some sectors, some continuations of earlier projects), the requirements of 引进成功 (a contract, registration,
/// fixed assets, main works started, the monthly ledger), and a window: the last requirement met within so many months of signing.
/// A project counts once, on the day it met the last requirement.
/// </summary>
public sealed record CountingRules(
    long Id,
    string Name,
    int Version,
    long MinInvestmentCnyMinor,
    IReadOnlyList<long> ExcludedSectorIds,
    IReadOnlyList<PriorKind> ExcludedPriorKinds,
    IReadOnlyList<CountingRequirement> Requires,
    int WindowMonths,
    bool Enabled)
{
    public const int MaxNameLength = 100;

    public const int MaxWindowMonths = 120;

    /// <summary>Refuses a rule set no office could mean (400 naming the field).</summary>
    public void Validate()
    {
        if (Requires.Count == 0 || !Requires.Contains(CountingRequirement.Contract))
        {
            throw new DomainException("requires.contract", RuleTexts.CountingNeedsContract, "requires");
        }

        if (WindowMonths is < 1 or > MaxWindowMonths)
        {
            throw new DomainException("windowMonths.range", RuleTexts.CountingWindowRange.With(("max", MaxWindowMonths)), "windowMonths");
        }

        if (MinInvestmentCnyMinor < 0)
        {
            throw new DomainException("minInvestment.negative", RuleTexts.AmountsCannotNegative, "minInvestment");
        }
    }

    /// <summary>The deal under these rules: excluded first, then counted on the latest day of its requirements, within the window.</summary>
    public CountingOutcome Evaluate(CountingFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        CountingExclusion? excluded =
            facts.Lost ? CountingExclusion.Lost
            : facts.InvestmentCnyMinor < MinInvestmentCnyMinor ? CountingExclusion.BelowMinimum
            : facts.SectorExcluded ? CountingExclusion.Sector
            : facts.PriorKind is { } prior && ExcludedPriorKinds.Contains(prior) ? CountingExclusion.PriorKind
            : null;
        if (excluded is not null)
        {
            return new CountingOutcome(null, excluded, []);
        }

        var missing = new List<CountingRequirement>();
        var last = facts.SignedOn;
        foreach (var requirement in Requires.Distinct().Order())
        {
            var (met, on) = requirement switch
            {
                CountingRequirement.Contract => (true, facts.SignedOn),
                CountingRequirement.Registration => (facts.HasCreditCode, (DateOnly?)null),
                CountingRequirement.FundsInPlace => (facts.FirstFundsOn is not null, facts.FirstFundsOn),
                CountingRequirement.ConstructionStarted => (facts.ConstructionStartedOn is not null, facts.ConstructionStartedOn),
                CountingRequirement.Ledger => (facts.InLedger, null),
                _ => (false, null),
            };
            if (!met)
            {
                missing.Add(requirement);
            }
            else if (on > last)
            {
                last = on.Value;
            }
        }

        return missing.Count > 0 ? new CountingOutcome(null, null, missing)
            : last > facts.SignedOn.AddMonths(WindowMonths) ? new CountingOutcome(null, CountingExclusion.OutsideWindow, [])
            : new CountingOutcome(last, null, []);
    }
}
