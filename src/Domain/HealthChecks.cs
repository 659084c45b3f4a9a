namespace DealPipeline.Domain;

/// <summary>
/// What a fulfilment health check (项目体检) looks for in a signed project, as Weinan checked 1,263 signed projects with four rules:
/// signed and not started, started with no funds coming in, started long ago with too little in place, in production with its
/// funds out of line.
/// </summary>
public enum HealthRuleKind
{
    /// <summary>签约未开工: signed at least the period ago, construction not started.</summary>
    NotStarted = 1,

    /// <summary>开工无资金到位: construction started, and no funds in place for the period (since the start or the last funds, whichever is later).</summary>
    NoFunds = 2,

    /// <summary>资金到位不足: construction started at least the period ago, funds in place under the percentage of the contracted (else intended) investment.</summary>
    LowFunds = 3,

    /// <summary>资金与进度不匹配: in production (投产) for at least the period, funds in place still under the percentage: the money does not match the works.</summary>
    FundsBehindProgress = 4,
}

public enum HealthPeriodUnit
{
    Days = 1,

    /// <summary>Working days on the office's calendar (PUT /calendar/{year}).</summary>
    WorkingDays = 2,

    Months = 3,
}

/// <summary>A span of a health rule: so many days, working days or calendar months.</summary>
public sealed record HealthPeriod(int Count, HealthPeriodUnit Unit)
{
    public const int MaxCount = 3650;

    /// <summary>The day the period that starts on <paramref name="from"/> is over.</summary>
    public DateOnly After(DateOnly from, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Unit switch
        {
            HealthPeriodUnit.Months => from.AddMonths(Count),
            HealthPeriodUnit.WorkingDays => calendar.Add(from, new DeadlineSpan(Count, DeadlineUnit.WorkingDays)),
            _ => from.AddDays(Count),
        };
    }
}

/// <summary>What a health check knows of a signed deal on a day: its dates, and its funds in place in its own currency (fen).</summary>
public sealed record HealthFacts(
    DateOnly? SignedOn,
    DateOnly? ConstructionStartedOn,
    DateOnly? ProductionStartedOn,
    DateOnly? LastFundsOn,
    long FundsMinor,
    long? ContractedMinor,
    long IntendedMinor)
{
    /// <summary>What the funds are measured against (到位率): the contracted investment, else the intended one.</summary>
    public long BaseMinor => ContractedMinor ?? IntendedMinor;
}

/// <summary>One rule of an office's health check: its kind, its period and (for the funds rules) the share of funds in place it expects.</summary>
public sealed record HealthRule(long Id, string Name, HealthRuleKind Kind, HealthPeriod Period, int? PercentBelow, bool Enabled)
{
    public const int MaxNameLength = 100;

    /// <summary>Whether the kind measures funds against the investment (and so needs a percentage).</summary>
    public static bool MeasuresFunds(HealthRuleKind kind) => kind is HealthRuleKind.LowFunds or HealthRuleKind.FundsBehindProgress;

    /// <summary>Refuses a rule no office could mean, naming the field at fault.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Kind))
        {
            throw new DomainException("kind.unknown", RuleTexts.HealthRuleKindUnknown, "kind");
        }

        if (Period.Count is < 1 or > HealthPeriod.MaxCount || !Enum.IsDefined(Period.Unit))
        {
            throw new DomainException("period.range", RuleTexts.HealthPeriodRange.With(("max", HealthPeriod.MaxCount)), "period");
        }

        if (MeasuresFunds(Kind) != PercentBelow.HasValue || PercentBelow is < 1 or > 100)
        {
            throw new DomainException("percentBelow.kind", RuleTexts.HealthPercentForFundsRules, "percentBelow");
        }
    }

    /// <summary>
    /// The day the deal became flagged by this rule, if it is flagged on <paramref name="asOf"/>: the day its period ran out. A deal
    /// not signed by then, or that has since done what the rule waits for, is not flagged. Funds compare exactly, in fen:
    /// funds × 100 &lt; percent × the investment.
    /// </summary>
    public DateOnly? FlaggedSince(HealthFacts facts, DateOnly asOf, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!Enabled || facts.SignedOn is not { } signed || signed > asOf)
        {
            return null;
        }

        DateOnly? Due(DateOnly from) => Period.After(from, calendar) is var due && due <= asOf ? due : null;
        bool Short() => (decimal)facts.FundsMinor * 100 < (decimal)PercentBelow!.Value * facts.BaseMinor;
        var started = facts.ConstructionStartedOn is { } s && s <= asOf ? s : (DateOnly?)null;
        return Kind switch
        {
            HealthRuleKind.NotStarted => started is null ? Due(signed) : null,
            HealthRuleKind.NoFunds => started is { } from ? Due(facts.LastFundsOn is { } last && last > from ? last : from) : null,
            HealthRuleKind.LowFunds => started is { } from && Short() ? Due(from) : null,
            HealthRuleKind.FundsBehindProgress => facts.ProductionStartedOn is { } producing && producing <= asOf && Short() ? Due(producing) : null,
            _ => null,
        };
    }
}
