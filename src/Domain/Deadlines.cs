namespace DealPipeline.Domain;

/// <summary>How a deadline counts: working days on the office's calendar, or calendar days.</summary>
public enum DeadlineUnit
{
    WorkingDays = 1,
    Days = 2,
}

/// <summary>What a deadline asks of the officer who owns a lead.</summary>
public enum DeadlineKind
{
    /// <summary>首次响应: the first contact with the company, any activity recorded on the deal.</summary>
    Answer = 1,

    /// <summary>研判: the lead assessed, pursued (moved past contact) or dropped (put on hold or lost).</summary>
    Assess = 2,

    /// <summary>定期报告: progress reported (an activity) every so often while the deal is active and not yet landed.</summary>
    Report = 3,
}

/// <summary>A span of <see cref="Count"/> working or calendar days.</summary>
public sealed record DeadlineSpan(int Count, DeadlineUnit Unit)
{
    /// <summary>The most days a span may have (a year of working days).</summary>
    public const int MaxCount = 250;
}

/// <summary>
/// The deadlines (服务时限) of one class of lead: leads whose intended investment in CNY is at least
/// <see cref="MinIntendedMinor"/> fen. Each deadline is optional.
/// </summary>
public sealed record DeadlineRule(long Id, string Name, long MinIntendedMinor, DeadlineSpan? Answer, DeadlineSpan? Assess, DeadlineSpan? Report)
{
    /// <summary>The rule of a lead: the one with the highest threshold the lead reaches; none when it reaches none.</summary>
    public static DeadlineRule? For(long intendedCnyMinor, IEnumerable<DeadlineRule> rules) =>
        rules.Where(r => r.MinIntendedMinor <= intendedCnyMinor).MaxBy(r => r.MinIntendedMinor);
}

/// <summary>
/// The office's working days: Monday to Friday, except the public holidays, plus the weekend days
/// made working days (调休). An admin loads each year's holidays and adjusted working days as the
/// State Council publishes them; a year not loaded counts Monday to Friday.
/// </summary>
public sealed class WorkCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workdays)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];
    private readonly HashSet<DateOnly> _workdays = [.. workdays];

    public static WorkCalendar Weekdays { get; } = new([], []);

    public bool IsWorkingDay(DateOnly day) =>
        _workdays.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day));

    /// <summary>The day a span ends that starts the day after <paramref name="from"/>: its last working day, or <paramref name="from"/> plus the days.</summary>
    public DateOnly Add(DateOnly from, DeadlineSpan span)
    {
        ArgumentNullException.ThrowIfNull(span);
        if (span.Unit == DeadlineUnit.Days)
        {
            return from.AddDays(span.Count);
        }

        var day = from;
        var giveUp = from.DayNumber + (3660 * Math.Max(1, span.Count / 250 + 1));
        for (var left = span.Count; left > 0;)
        {
            if (day.DayNumber >= giveUp || day == DateOnly.MaxValue)
            {
                // Only a calendar loaded with holidays on every day gets here.
                throw new DomainException("calendar.noWorkingDays", RuleTexts.CalendarHasTooFewWorkingDays.With(("date", $"{from:yyyy-MM-dd}"), ("count", span.Count)));
            }

            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }

        return day;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when to is not later).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}

/// <summary>What is known of a lead for its deadlines.</summary>
public sealed record DeadlineFacts(DateOnly OpenedOn, Stage Stage, DealStatus Status, DateOnly? FirstActivityOn, DateOnly? LastActivityOn, DateOnly? AssessedOn);

/// <summary>One deadline of a deal: when it falls due, whether and when it was met, and whether it is late.</summary>
public sealed record Deadline(DeadlineKind Kind, DateOnly Due, DateOnly? MetOn, bool Overdue, int DaysLate);

public static class Deadlines
{
    /// <summary>
    /// The deadlines of a lead under its rule, on <paramref name="today"/>. Answer and assess run
    /// from the opening; each is met on the first activity / the first assessment, late when that
    /// came after its due day or has not come and the due day is past. Report runs while the deal
    /// is active and not landed, from its last activity (or opening): due a span after it, late
    /// once that day is past. A deal on hold or lost has nothing open: only deadlines already met
    /// are listed for it. Days late are calendar days after the due day.
    /// </summary>
    public static IReadOnlyList<Deadline> Of(DeadlineRule rule, DeadlineFacts facts, WorkCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(calendar);
        var open = facts.Status == DealStatus.Active;
        var found = new List<Deadline>();
        void Once(DeadlineKind kind, DeadlineSpan? span, DateOnly? metOn)
        {
            if (span is null || (metOn is null && !open))
            {
                return;
            }

            var due = calendar.Add(facts.OpenedOn, span);
            var lateOn = metOn ?? today;
            found.Add(new Deadline(kind, due, metOn, metOn is null && lateOn > due, lateOn > due ? lateOn.DayNumber - due.DayNumber : 0));
        }

        Once(DeadlineKind.Answer, rule.Answer, facts.FirstActivityOn);
        Once(DeadlineKind.Assess, rule.Assess, facts.AssessedOn);
        if (rule.Report is { } every && open && facts.Stage != Stage.Landed)
        {
            var since = facts.LastActivityOn is { } last && last > facts.OpenedOn ? last : facts.OpenedOn;
            var due = calendar.Add(since, every);
            found.Add(new Deadline(DeadlineKind.Report, due, null, today > due, today > due ? today.DayNumber - due.DayNumber : 0));
        }

        return found;
    }

    /// <summary>
    /// The latest day a span may start from and still fall due before <paramref name="bound"/>. A later start never falls due
    /// earlier, so every start up to this day is due before the bound and none after it: with the bound today, one comparison
    /// of a deal's opening (or last activity) with this day says whether its deadline is late, which lets a report over every
    /// deal ask the database instead of counting each deal's days (see LateDeadlines in the service).
    /// </summary>
    public static DateOnly LastStartDueBefore(WorkCalendar calendar, DeadlineSpan span, DateOnly bound)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(span);
        if (span.Unit == DeadlineUnit.Days)
        {
            return DateOnly.FromDayNumber(Math.Max(DateOnly.MinValue.DayNumber, bound.DayNumber - span.Count - 1));
        }

        // Due strictly after the start, so the answer is before the bound; widen back until a start falls due before it
        // (the first day of the calendar when none does: only a bound in year 1 gets there).
        var high = bound.DayNumber;
        var low = high;
        for (var step = 4000; calendar.Add(DateOnly.FromDayNumber(low), span) >= bound; step *= 2)
        {
            if (low == DateOnly.MinValue.DayNumber)
            {
                return DateOnly.MinValue;
            }

            high = low;
            low = Math.Max(DateOnly.MinValue.DayNumber, low - step);
        }

        // calendar.Add(low) < bound <= calendar.Add(high): the last start due before the bound lies in [low, high).
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (calendar.Add(DateOnly.FromDayNumber(middle), span) < bound)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return DateOnly.FromDayNumber(low);
    }

    /// <summary>The deadline to act on next: the earliest one not met.</summary>
    public static Deadline? Next(IEnumerable<Deadline> deadlines) => deadlines.Where(d => d.MetOn is null).MinBy(d => d.Due);
}
