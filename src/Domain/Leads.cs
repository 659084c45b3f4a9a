namespace DealPipeline.Domain;

/// <summary>Where a lead (线索) came from.</summary>
public enum LeadSource
{
    /// <summary>A form: the office's website, a WeChat mini-program, a hotline's ticket.</summary>
    Form = 1,

    /// <summary>A promotion event (推介会, 签约会, a fair): sourceEventId names it.</summary>
    Event = 2,

    /// <summary>A registered referrer (引荐人): referrerId names them.</summary>
    Referrer = 3,

    /// <summary>A visit by the company, or to it.</summary>
    Visit = 4,

    /// <summary>A call.</summary>
    Call = 5,

    Other = 6,
}

/// <summary>Where a lead stands: in a pool (no officer yet), with an officer, converted to a deal, or dropped.</summary>
public enum LeadStatus
{
    /// <summary>No officer has it: the shared pool (公海), or a team's queue when the lead has a team.</summary>
    Pool = 1,

    Assigned = 2,

    Converted = 3,

    Dropped = 4,
}

/// <summary>What happened to a lead: its history, which it keeps once converted.</summary>
public enum LeadEventKind
{
    Received = 1,

    /// <summary>A dispatch rule gave it to a team or an officer on intake.</summary>
    Dispatched = 2,

    /// <summary>An officer took it from a pool.</summary>
    Taken = 3,

    /// <summary>A manager gave it to a team or an officer.</summary>
    Assigned = 4,

    /// <summary>The officer was in touch with the company (a call, a meeting, a visit).</summary>
    Contacted = 5,

    /// <summary>A deadline passed: the owner, then the team's managers were told, then the lead was flagged.</summary>
    Escalated = 6,

    /// <summary>Untouched too long: back to the shared pool.</summary>
    Recycled = 7,

    Converted = 8,

    Dropped = 9,

    /// <summary>The deadline it was late on was met since: its escalation fell back to the lateness left, telling no one.</summary>
    Eased = 10,
}

/// <summary>How far a lead late on a deadline has been escalated.</summary>
public enum Escalation
{
    None = 0,

    /// <summary>The deadline passed: its owner is told (the team's managers when it has no owner).</summary>
    Owner = 1,

    /// <summary>Still late some working days on: the team's managers are told.</summary>
    TeamLead = 2,

    /// <summary>Still late: the lead is flagged in lists and in the intake report.</summary>
    Flagged = 3,
}

/// <summary>What a dispatch rule looks at: the lead's sector and the sectors above it, the company's region, and the intended investment in CNY fen.</summary>
public sealed record LeadProfile(IReadOnlyCollection<long> SectorLine, string? RegionCode, long? IntendedCnyMinor);

/// <summary>
/// A dispatch rule (分派规则): leads of a sector (or one under it), a region (a province covers its cities and counties, a
/// city its counties) and an intended investment in CNY from <see cref="MinCnyMinor"/> (included) to <see cref="MaxCnyMinor"/>
/// (excluded) go to <see cref="TeamId"/>, or to the officer <see cref="OwnerId"/>, or (with neither) to the shared pool, before any
/// rule after it could take them. A criterion left out matches every lead; the lowest priority number wins, then the oldest rule.
/// </summary>
public sealed record DispatchRule(long Id, string Name, int Priority, long? SectorId, string? RegionCode, long? MinCnyMinor, long? MaxCnyMinor, long? TeamId, long? OwnerId)
{
    public const int MaxPriority = 10_000;

    /// <summary>The rule a lead is dispatched by, or none (the lead goes to the shared pool).</summary>
    public static DispatchRule? For(LeadProfile lead, IEnumerable<DispatchRule> rules) =>
        rules.Where(r => r.Matches(lead)).OrderBy(r => r.Priority).ThenBy(r => r.Id).FirstOrDefault();

    public bool Matches(LeadProfile lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return (SectorId is not { } sector || lead.SectorLine.Contains(sector))
            && (RegionCode is not { } area || (lead.RegionCode is { } region && Covers(area, region)))
            && (MinCnyMinor is not { } min || lead.IntendedCnyMinor >= min)
            && (MaxCnyMinor is not { } max || lead.IntendedCnyMinor < max);
    }

    /// <summary>Checks a new rule: its band is not empty, its priority is in range.</summary>
    public void Validate()
    {
        if (MinCnyMinor is { } min && MaxCnyMinor is { } max && max <= min)
        {
            throw new DomainException("leadRule.band", RuleTexts.DispatchRuleBandEmpty, "maxIntendedInvestment");
        }

        if (Priority is < 0 or > MaxPriority)
        {
            throw new DomainException("leadRule.priority", RuleTexts.DispatchRulePriorityRange.With(("max", MaxPriority)), "priority");
        }
    }

    /// <summary>Whether GB/T 2260 <paramref name="area"/> covers <paramref name="region"/>: a province its cities and counties, a city its counties, a county itself.</summary>
    public static bool Covers(string area, string region)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(region);
        return area.EndsWith("0000", StringComparison.Ordinal) ? region.StartsWith(area[..2], StringComparison.Ordinal)
            : area.EndsWith("00", StringComparison.Ordinal) ? region.StartsWith(area[..4], StringComparison.Ordinal)
            : region == area;
    }
}

/// <summary>
/// The office's rules for leads past their deadlines and left untouched: a lead late on a deadline is escalated to its owner
/// the day after the deadline, to the team's managers <see cref="TeamLeadAfter"/> working days after it, and flagged
/// <see cref="FlagAfter"/> working days after it; a lead with an officer and no contact for <see cref="RecycleAfter"/> working
/// days goes back to the shared pool (公海), for any officer to take.
/// </summary>
public sealed record LeadPolicy(int TeamLeadAfter, int FlagAfter, int RecycleAfter)
{
    /// <summary>
    /// The deadlines of a lead (服务时限 from its intake): answered on its first contact, assessed when converted or dropped.
    /// Only answer and assess apply to a lead; reporting every so often is a deal's.
    /// </summary>
    public static IReadOnlyList<Deadline> DeadlinesOf(DeadlineRule rule, DateOnly receivedOn, DateOnly? firstContactOn, DateOnly? decidedOn, bool open, WorkCalendar calendar, DateOnly today)
    {
        var facts = new DeadlineFacts(receivedOn, Stage.Contact, open ? DealStatus.Active : DealStatus.OnHold, firstContactOn, null, decidedOn);
        return [.. Deadlines.Of(rule, facts, calendar, today).Where(d => d.Kind != DeadlineKind.Report)];
    }

    /// <summary>The deadline a lead is late on (the one due first of those not met and past), and how far that takes it today.</summary>
    public (Deadline? Late, Escalation Level) EscalationOf(IEnumerable<Deadline> deadlines, WorkCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var late = deadlines.Where(d => d.Overdue).MinBy(d => d.Due);
        if (late is null)
        {
            return (null, Escalation.None);
        }

        var working = calendar.WorkingDaysBetween(late.Due, today);
        return (late, working >= FlagAfter ? Escalation.Flagged : working >= TeamLeadAfter ? Escalation.TeamLead : Escalation.Owner);
    }

    /// <summary>Whether a lead an officer has, last touched (taken, assigned or contacted) on <paramref name="touchedOn"/>, goes back to the pool today.</summary>
    public bool RecyclesOn(DateOnly touchedOn, WorkCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.WorkingDaysBetween(touchedOn, today) >= RecycleAfter;
    }
}

/// <summary>
/// A lead's place in its life: in a pool, with an officer, converted or dropped. Only an open lead (in a pool or with an
/// officer) is taken, assigned, contacted, converted or dropped; a lead with an officer is not taken from under them.
/// </summary>
public sealed record LeadPosition(LeadStatus Status, long? OwnerId, long? TeamId)
{
    public bool IsOpen => Status is LeadStatus.Pool or LeadStatus.Assigned;

    /// <summary>Where a lead goes on intake: to the rule's officer (and their team) or team, or to the shared pool.</summary>
    public static LeadPosition Dispatched(long? ownerId, long? teamId) =>
        new(ownerId is null ? LeadStatus.Pool : LeadStatus.Assigned, ownerId, teamId);

    public LeadPosition Take(long officerId, long? officerTeam)
    {
        RequireOpen();
        if (OwnerId is not null)
        {
            throw new DomainException("lead.taken", RuleTexts.LeadHasOfficer);
        }

        return new(LeadStatus.Assigned, officerId, TeamId ?? officerTeam);
    }

    public LeadPosition Assign(long? ownerId, long? teamId)
    {
        RequireOpen();
        if (ownerId == OwnerId && teamId == TeamId)
        {
            throw new DomainException("lead.sameAssignment", RuleTexts.LeadAlreadyThere, ownerId is null ? "teamId" : "ownerId");
        }

        return Dispatched(ownerId, teamId);
    }

    /// <summary>Back to the shared pool: no officer, no team.</summary>
    public LeadPosition Recycle()
    {
        RequireOpen();
        return new(LeadStatus.Pool, null, null);
    }

    public LeadPosition Close(LeadStatus to)
    {
        RequireOpen();
        return this with { Status = to };
    }

    public void RequireOpen()
    {
        if (!IsOpen)
        {
            throw new DomainException("lead.closed", Status == LeadStatus.Converted ? RuleTexts.LeadConverted : RuleTexts.LeadDropped);
        }
    }
}
