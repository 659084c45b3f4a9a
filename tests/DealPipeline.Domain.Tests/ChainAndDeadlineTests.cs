using DealPipeline.Domain;

namespace DealPipeline.Domain.Tests;

public class ChainTreeTests
{
    // 1 ─ 2 ─ 3 ─ 4, and 5 on its own.
    private static readonly Dictionary<long, long?> Links = new() { [1] = null, [2] = 1, [3] = 2, [4] = 3, [5] = null };

    [Theory]
    [InlineData(2L, 2L, "chain.ownParent")]
    [InlineData(1L, 3L, "chain.cycle")]
    [InlineData(2L, 4L, "chain.cycle")]
    [InlineData(5L, 99L, "chain.parentElsewhere")]
    [InlineData(5L, 4L, "chain.tooDeep")]
    [InlineData(null, 4L, "chain.tooDeep")]
    public void A_parent_that_would_break_the_tree_is_refused_on_parentId(long? link, long parent, string code)
    {
        var refused = Assert.Throws<DomainException>(() => ChainTree.CheckParent(link, parent, Links));

        Assert.Equal((code, "parentId"), (refused.Code, refused.Field));
    }

    [Theory]
    [InlineData(5L, 3L)]
    [InlineData(null, 3L)]
    [InlineData(4L, 5L)]
    [InlineData(2L, null)]
    public void A_parent_that_keeps_the_tree_within_four_levels_is_accepted(long? link, long? parent) =>
        ChainTree.CheckParent(link, parent, Links);

    [Fact]
    public void A_branch_moves_with_its_height_counted()
    {
        // 2 (with 3 and 4 below) under 5: levels 2 to 4.
        ChainTree.CheckParent(2, 5, Links);

        // 1 (with 2, 3 and 4 below) under 5: 4 would be on level 5.
        Assert.Equal("chain.tooDeep", Assert.Throws<DomainException>(() => ChainTree.CheckParent(1, 5, Links)).Code);
    }

    [Fact]
    public void Subtrees_and_depths_follow_the_parents()
    {
        Assert.Equal([2L, 3L, 4L], ChainTree.Subtree(2, Links).Order());
        Assert.Equal([5L], ChainTree.Subtree(5, Links));
        Assert.Equal((0, 3), (ChainTree.Depth(1, Links), ChainTree.Depth(4, Links)));
    }
}

public class WorkCalendarTests
{
    // The State Council's 2026 arrangement around National Day: 25–27 September and 1–7 October off,
    // Sunday 20 September and Saturday 10 October worked.
    private static readonly WorkCalendar China2026 = new(
        [new(2026, 9, 25), new(2026, 9, 26), new(2026, 9, 27), .. Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d))],
        [new(2026, 9, 20), new(2026, 10, 10)]);

    [Theory]
    [InlineData("2026-09-30", 1, "2026-10-08")]
    [InlineData("2026-09-30", 3, "2026-10-10")]
    [InlineData("2026-09-30", 4, "2026-10-12")]
    [InlineData("2026-09-18", 1, "2026-09-20")]
    [InlineData("2026-09-24", 1, "2026-09-28")]
    [InlineData("2026-10-12", 0, "2026-10-12")]
    public void Working_days_skip_holidays_and_weekends_and_count_adjusted_working_days(string from, int count, string due) =>
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), China2026.Add(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), new DeadlineSpan(count, DeadlineUnit.WorkingDays)));

    [Fact]
    public void A_calendar_without_working_days_is_a_conflict_not_an_endless_count()
    {
        var everyDay = new WorkCalendar(Enumerable.Range(0, 40_000).Select(d => new DateOnly(2026, 1, 1).AddDays(d)), []);

        Assert.Equal("calendar.noWorkingDays", Assert.Throws<DomainException>(() => everyDay.Add(new DateOnly(2026, 1, 1), new DeadlineSpan(1, DeadlineUnit.WorkingDays))).Code);
    }

    [Theory]
    [InlineData(1, DeadlineUnit.WorkingDays)]
    [InlineData(3, DeadlineUnit.WorkingDays)]
    [InlineData(10, DeadlineUnit.WorkingDays)]
    [InlineData(250, DeadlineUnit.WorkingDays)]
    [InlineData(14, DeadlineUnit.Days)]
    public void The_last_start_due_before_a_day_splits_the_starts_that_are_late_from_those_that_are_not(int count, DeadlineUnit unit)
    {
        var span = new DeadlineSpan(count, unit);

        // Every bound from mid-September to the end of October, across the holidays and both adjusted working days.
        for (var bound = new DateOnly(2026, 9, 15); bound <= new DateOnly(2026, 10, 31); bound = bound.AddDays(1))
        {
            var last = Deadlines.LastStartDueBefore(China2026, span, bound);

            Assert.True(China2026.Add(last, span) < bound, $"{last} is due before {bound}");
            Assert.True(China2026.Add(last.AddDays(1), span) >= bound, $"{last.AddDays(1)} is not due before {bound}");
            Assert.True(China2026.Add(last.AddDays(-30), span) < bound);
        }

        // A bound at the calendar's first days has no start due before it: the first day, at once.
        Assert.Equal(DateOnly.MinValue, Deadlines.LastStartDueBefore(China2026, span, DateOnly.MinValue.AddDays(1)));
    }

    [Fact]
    public void Calendar_days_and_a_year_not_loaded_count_plainly()
    {
        Assert.Equal(new DateOnly(2026, 10, 14), China2026.Add(new DateOnly(2026, 9, 30), new DeadlineSpan(14, DeadlineUnit.Days)));
        Assert.Equal(new DateOnly(2026, 10, 1), WorkCalendar.Weekdays.Add(new DateOnly(2026, 9, 30), new DeadlineSpan(1, DeadlineUnit.WorkingDays)));
        Assert.Equal(new DateOnly(2027, 1, 4), WorkCalendar.Weekdays.Add(new DateOnly(2026, 12, 31), new DeadlineSpan(2, DeadlineUnit.WorkingDays)));
        Assert.Equal(4, China2026.WorkingDaysBetween(new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 12)));
    }
}

public class DeadlineTests
{
    private static readonly DeadlineRule Big = new(1, "亿元以上项目", 10_000_000_000, new(1, DeadlineUnit.WorkingDays), new(3, DeadlineUnit.WorkingDays), new(14, DeadlineUnit.Days));
    private static readonly DeadlineRule Any = new(2, "一般项目", 0, new(3, DeadlineUnit.WorkingDays), null, new(30, DeadlineUnit.Days));
    private static readonly DateOnly Today = new(2026, 10, 12);

    [Theory]
    [InlineData(0L, 2L)]
    [InlineData(9_999_999_999L, 2L)]
    [InlineData(10_000_000_000L, 1L)]
    public void A_lead_falls_in_the_highest_class_it_reaches(long intendedMinor, long rule) =>
        Assert.Equal(rule, DeadlineRule.For(intendedMinor, [Big, Any])!.Id);

    [Fact]
    public void No_class_without_a_rule_it_reaches() =>
        Assert.Null(DeadlineRule.For(5, [Big]));

    [Fact]
    public void Unmet_deadlines_past_their_day_are_overdue_and_the_next_is_the_earliest_unmet()
    {
        var found = Deadlines.Of(Big, new DeadlineFacts(new DateOnly(2026, 10, 5), Stage.Contact, DealStatus.Active, null, null, null), WorkCalendar.Weekdays, Today);

        Assert.Equal(
            [(DeadlineKind.Answer, new DateOnly(2026, 10, 6), true, 6), (DeadlineKind.Assess, new DateOnly(2026, 10, 8), true, 4), (DeadlineKind.Report, new DateOnly(2026, 10, 19), false, 0)],
            found.Select(d => (d.Kind, d.Due, d.Overdue, d.DaysLate)));
        Assert.Equal(DeadlineKind.Answer, Deadlines.Next(found)!.Kind);
    }

    [Fact]
    public void A_deadline_met_late_is_not_overdue_but_keeps_its_days_late_and_reports_run_from_the_last_activity()
    {
        var found = Deadlines.Of(Any, new DeadlineFacts(new DateOnly(2026, 9, 1), Stage.Negotiation, DealStatus.Active, new DateOnly(2026, 9, 10), new DateOnly(2026, 9, 20), new DateOnly(2026, 9, 15)), WorkCalendar.Weekdays, Today);

        Assert.Equal(
            [(DeadlineKind.Answer, new DateOnly(2026, 9, 4), (DateOnly?)new DateOnly(2026, 9, 10), false, 6), (DeadlineKind.Report, new DateOnly(2026, 10, 20), null, false, 0)],
            found.Select(d => (d.Kind, d.Due, d.MetOn, d.Overdue, d.DaysLate)));
    }

    [Theory]
    [InlineData(DealStatus.OnHold, Stage.Contact)]
    [InlineData(DealStatus.Lost, Stage.Contact)]
    [InlineData(DealStatus.Active, Stage.Landed)]
    public void Nothing_is_open_for_a_deal_on_hold_lost_or_landed_but_its_met_deadlines(DealStatus status, Stage stage)
    {
        var found = Deadlines.Of(Big, new DeadlineFacts(new DateOnly(2026, 9, 1), stage, status, null, null, new DateOnly(2026, 9, 2)), WorkCalendar.Weekdays, Today);

        Assert.DoesNotContain(found, d => d.Overdue && status != DealStatus.Active);
        Assert.DoesNotContain(found, d => d.Kind == DeadlineKind.Report);
        Assert.Contains(found, d => d.Kind == DeadlineKind.Assess && d.MetOn == new DateOnly(2026, 9, 2));
    }
}
