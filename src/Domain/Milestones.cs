using System.Text.RegularExpressions;

namespace DealPipeline.Domain;

/// <summary>
/// A step of a signed project's life to full production, as Zhejiang's 项目全周期 follows it: land supply (供地), filing (备案),
/// energy review (能评), environmental assessment (环评), permits, then 开工, 入库 (entered in the statistics), 投产, 上规 and 达产.
/// An office orders and names its steps; five are built in. A <see cref="Required"/> step must be recorded before any later one.
/// </summary>
public sealed partial record MilestoneStep(long Id, string Code, string Name, string? NameEn, int Position, bool Required, bool Enabled, bool BuiltIn)
{
    public const int MaxNameLength = 50;

    public const int MaxPosition = 10_000;

    /// <summary>开工: recorded on the deal itself (constructionStartedOn), for landed deals only.</summary>
    public const string ConstructionStarted = "constructionStarted";

    /// <summary>入库 (入统): the project entered in the statistics' project database.</summary>
    public const string StatsEntered = "statsEntered";

    /// <summary>投产: recorded on the deal itself (productionStartedOn), for landed deals only.</summary>
    public const string ProductionStarted = "productionStarted";

    /// <summary>上规: the company above designated size (规模以上).</summary>
    public const string AboveSize = "aboveSize";

    /// <summary>达产: full production capacity reached.</summary>
    public const string FullProduction = "fullProduction";

    /// <summary>The steps every office has: neither removed, disabled nor given another code or place among themselves.</summary>
    public static readonly IReadOnlyList<string> BuiltInCodes = [ConstructionStarted, StatsEntered, ProductionStarted, AboveSize, FullProduction];

    /// <summary>开工 and 投产 are dates of the deal (as POST /deals/{id}/milestones always recorded them), the others rows of their own.</summary>
    public bool OnDeal => Code is ConstructionStarted or ProductionStarted;

    /// <summary>Refuses a step no office could mean: its code, name, English name or position (400 naming the field).</summary>
    public void Validate()
    {
        if (!CodePattern().IsMatch(Code))
        {
            throw new DomainException("code.format", RuleTexts.MilestoneCodeFormat, "code");
        }

        if (Name.Length == 0 || Name.Length > MaxNameLength)
        {
            throw new DomainException("name.length", RuleTexts.MilestoneNameLength.With(("n", MaxNameLength)), "name");
        }

        if (NameEn?.Length > MaxNameLength)
        {
            throw new DomainException("nameEn.length", RuleTexts.MilestoneNameLength.With(("n", MaxNameLength)), "nameEn");
        }

        if (Position is < 1 or > MaxPosition)
        {
            throw new DomainException("position.range", RuleTexts.MilestonePositionRange.With(("max", MaxPosition)), "position");
        }
    }

    [GeneratedRegex("^[a-z][A-Za-z0-9]{1,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}

/// <summary>A milestone a deal has reached: its step's code and the day.</summary>
public sealed record ReachedMilestone(string Code, DateOnly On);

/// <summary>The rules every milestone after signing obeys, whatever its step (the deal itself adds its landing rule for 开工 and 投产).</summary>
public static class MilestoneRules
{
    /// <summary>
    /// Checks that <paramref name="code"/> may be recorded on <paramref name="on"/> for a deal signed on <paramref name="signedOn"/>
    /// that has reached <paramref name="reached"/>: the step is one of the office's enabled <paramref name="steps"/> (in their order),
    /// the deal is signed and the day not before its signing, the step not yet recorded, every earlier required step recorded, and
    /// the day neither before an earlier step's nor after a later step's. Answers the step.
    /// </summary>
    public static MilestoneStep Check(IReadOnlyList<MilestoneStep> steps, IReadOnlyCollection<ReachedMilestone> reached, string code, DateOnly on, DateOnly? signedOn)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(reached);
        var ordered = steps.Where(s => s.Enabled).OrderBy(s => s.Position).ToList();
        var index = ordered.FindIndex(s => s.Code == code);
        if (index < 0)
        {
            throw new DomainException("kind.unknown", RuleTexts.MilestoneStepUnknown.With(("kind", code)), "kind");
        }

        var step = ordered[index];
        if (signedOn is null)
        {
            throw new DomainException("milestone.notSigned", RuleTexts.MilestonesAfterSigning);
        }

        if (on < signedOn.Value)
        {
            throw new DomainException("on.beforeSigning", RuleTexts.MilestoneBeforeSigning.With(("date", $"{signedOn:yyyy-MM-dd}")), "on");
        }

        var dates = reached.ToDictionary(r => r.Code, r => r.On, StringComparer.Ordinal);
        if (dates.TryGetValue(code, out var already))
        {
            throw new DomainException("milestone.recorded", RuleTexts.MilestoneAlreadyRecorded.With(("step", step.Name), ("date", $"{already:yyyy-MM-dd}")));
        }

        if (ordered.Take(index).FirstOrDefault(s => s.Required && !dates.ContainsKey(s.Code)) is { } missing)
        {
            throw new DomainException("milestone.outOfOrder", RuleTexts.MilestoneOutOfOrder.With(("step", step.Name), ("missing", missing.Name)), "kind");
        }

        if (ordered.Take(index).Where(s => dates.TryGetValue(s.Code, out var d) && d > on).LastOrDefault() is { } earlier)
        {
            throw new DomainException("on.beforePrevious", RuleTexts.MilestoneBeforePrevious.With(("step", earlier.Name), ("date", $"{dates[earlier.Code]:yyyy-MM-dd}")), "on");
        }

        if (ordered.Skip(index + 1).FirstOrDefault(s => dates.TryGetValue(s.Code, out var d) && d < on) is { } later)
        {
            throw new DomainException("on.afterNext", RuleTexts.MilestoneAfterNext.With(("step", later.Name), ("date", $"{dates[later.Code]:yyyy-MM-dd}")), "on");
        }

        return step;
    }

    /// <summary>
    /// Where a deal waits on a day: the first enabled step it has not reached, none of whose later steps it has reached (a step
    /// skipped once a later one is recorded is passed, not waited on), and since when: its latest milestone before that step, else
    /// its signing. Null when every step is reached or passed.
    /// </summary>
    public static (MilestoneStep Step, DateOnly Since)? WaitingAt(IReadOnlyList<MilestoneStep> steps, IReadOnlyCollection<ReachedMilestone> reached, DateOnly signedOn)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(reached);
        var ordered = steps.Where(s => s.Enabled).OrderBy(s => s.Position).ToList();
        var dates = reached.ToDictionary(r => r.Code, r => r.On, StringComparer.Ordinal);
        var last = ordered.FindLastIndex(s => dates.ContainsKey(s.Code));
        if (last == ordered.Count - 1)
        {
            return null;
        }

        var since = last < 0 ? signedOn : dates[ordered[last].Code];
        return (ordered[last + 1], since);
    }

    /// <summary>The days from the deal's latest milestone before <paramref name="step"/> (else its signing) to the step, when reached.</summary>
    public static int? DaysFromPrevious(IReadOnlyList<MilestoneStep> steps, IReadOnlyCollection<ReachedMilestone> reached, MilestoneStep step, DateOnly signedOn)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(step);
        var dates = reached.ToDictionary(r => r.Code, r => r.On, StringComparer.Ordinal);
        if (!dates.TryGetValue(step.Code, out var on))
        {
            return null;
        }

        var before = steps.Where(s => s.Enabled && s.Position < step.Position && dates.ContainsKey(s.Code)).OrderBy(s => s.Position).LastOrDefault();
        return on.DayNumber - (before is null ? signedOn : dates[before.Code]).DayNumber;
    }
}

/// <summary>What a project needs of the park (要素保障), each in its own unit.</summary>
public enum NeedKind
{
    /// <summary>Land, in 亩.</summary>
    Land = 1,

    /// <summary>Energy use, in 吨标准煤 a year (能耗指标).</summary>
    Energy = 2,

    /// <summary>Environmental capacity: emissions quota (排污总量指标), in tonnes a year.</summary>
    Environment = 3,

    /// <summary>Water, in tonnes a day.</summary>
    Water = 4,

    /// <summary>Power capacity, in kVA (用电容量).</summary>
    Power = 5,
}

public enum NeedState
{
    Requested = 1,
    Approved = 2,

    /// <summary>Approved for less than was asked.</summary>
    PartlyApproved = 3,
    Refused = 4,
}

/// <summary>The rules of a project's needs (要素保障): quantities and their approval.</summary>
public static class Needs
{
    /// <summary>The largest quantity of any need (a billion of its unit) and its precision (three decimals).</summary>
    public const decimal MaxQuantity = 1_000_000_000m;

    public const int Decimals = 3;

    /// <summary>Each kind's unit, as the API and the reports print it.</summary>
    public static string UnitOf(NeedKind kind) => kind switch
    {
        NeedKind.Land => "亩",
        NeedKind.Energy => "吨标准煤/年",
        NeedKind.Environment => "吨/年",
        NeedKind.Water => "吨/日",
        NeedKind.Power => "千伏安",
        _ => "",
    };

    /// <summary>A quantity in thousandths of its unit, exactly (400 naming <paramref name="field"/> when not above 0, too large or too precise).</summary>
    public static long ToThousandths(decimal quantity, string field, bool zeroAllowed = false)
    {
        if ((zeroAllowed ? quantity < 0 : quantity <= 0) || quantity > MaxQuantity || decimal.Round(quantity, Decimals) != quantity)
        {
            throw new DomainException($"{field}.range", RuleTexts.NeedQuantityRange.With(("max", MaxQuantity), ("decimals", Decimals)), field);
        }

        return (long)(quantity * 1000m);
    }

    public static decimal FromThousandths(long thousandths) => thousandths / 1000m;

    /// <summary>
    /// The state a decision leaves a need in: refused; or approved, in full or in part (the approved quantity defaults to what was
    /// asked, and is never more). A need is decided once (409 after).
    /// </summary>
    public static (NeedState State, long ApprovedThousandths) Decide(NeedState current, long requestedThousandths, bool approve, decimal? approvedQuantity)
    {
        if (current != NeedState.Requested)
        {
            throw new DomainException("need.decided", RuleTexts.NeedAlreadyDecided);
        }

        if (!approve)
        {
            return approvedQuantity is null ? (NeedState.Refused, 0) : throw new DomainException("approvedQuantity.refused", RuleTexts.NeedRefusedHasNoQuantity, "approvedQuantity");
        }

        var approved = approvedQuantity is { } q ? ToThousandths(q, "approvedQuantity") : requestedThousandths;
        if (approved > requestedThousandths)
        {
            throw new DomainException("approvedQuantity.overRequested", RuleTexts.NeedApprovedOverRequested.With(("requested", FromThousandths(requestedThousandths))), "approvedQuantity");
        }

        return (approved == requestedThousandths ? NeedState.Approved : NeedState.PartlyApproved, approved);
    }
}
