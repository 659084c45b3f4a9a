using DealPipeline.Domain;

namespace DealPipeline.Domain.Tests;

public class LeadTests
{
    // Thursday 3 December 2026; the weekend of the 5th and 6th.
    private static readonly DateOnly Received = new(2026, 12, 3);

    private static readonly DeadlineRule Jiangmen = new(1, "江门", 0, new DeadlineSpan(1, DeadlineUnit.WorkingDays), new DeadlineSpan(3, DeadlineUnit.WorkingDays), new DeadlineSpan(14, DeadlineUnit.Days));

    private static readonly LeadPolicy Policy = new(2, 5, 4);

    private static DateOnly Dec(int day) => new(2026, 12, day);

    [Theory]
    [InlineData("330000", "330212", true)] // a province covers its counties
    [InlineData("330200", "330212", true)] // a city its counties
    [InlineData("330212", "330212", true)]
    [InlineData("330200", "330100", false)]
    [InlineData("330000", "320500", false)]
    [InlineData("330212", "330200", false)] // a county does not cover its city
    public void A_region_covers_what_lies_under_it(string area, string region, bool covers) =>
        Assert.Equal(covers, DispatchRule.Covers(area, region));

    [Fact]
    public void A_lead_goes_to_the_rule_with_the_lowest_priority_it_matches_then_the_oldest_and_an_amount_band_excludes_its_top()
    {
        DispatchRule Rule(long id, int priority, long? sector = null, string? region = null, long? min = null, long? max = null) =>
            new(id, $"r{id}", priority, sector, region, min, max, TeamId: id, OwnerId: null);
        var rules = new[] { Rule(1, 10, sector: 7), Rule(2, 10, region: "440000"), Rule(3, 5, min: 100, max: 1000), Rule(4, 10, sector: 7) };

        Assert.Equal(3, DispatchRule.For(new LeadProfile([8, 7], "440300", 999), rules)!.Id); // priority 5
        Assert.Equal(1, DispatchRule.For(new LeadProfile([8, 7], "440300", 1000), rules)!.Id); // 1000 is above the band; 1 is older than 4
        Assert.Equal(2, DispatchRule.For(new LeadProfile([9], "440300", null), rules)!.Id); // no amount: no band matches
        Assert.Null(DispatchRule.For(new LeadProfile([9], "310115", 50), rules));
        Assert.Null(DispatchRule.For(new LeadProfile([9], null, 50), rules)); // no region: no region rule matches
    }

    [Fact]
    public void A_dispatch_rule_with_an_empty_band_or_a_priority_out_of_range_is_refused_naming_the_field()
    {
        Assert.Equal("maxIntendedInvestment", Assert.Throws<DomainException>(() => new DispatchRule(0, "x", 1, null, null, 500, 500, 1, null).Validate()).Field);
        Assert.Equal("priority", Assert.Throws<DomainException>(() => new DispatchRule(0, "x", -1, null, null, null, null, 1, null).Validate()).Field);
        new DispatchRule(0, "to the pool", 1, null, "440000", null, null, null, null).Validate();
    }

    [Fact]
    public void A_late_lead_rises_a_level_the_day_after_its_deadline_then_on_working_days()
    {
        var calendar = WorkCalendar.Weekdays;
        (Deadline? Late, Escalation Level) On(DateOnly today, DateOnly? contact = null, DateOnly? decided = null) =>
            Policy.EscalationOf(LeadPolicy.DeadlinesOf(Jiangmen, Received, contact, decided, decided is null, calendar, today), calendar, today);

        Assert.Equal(Escalation.None, On(Dec(4)).Level); // answer due the 4th
        var (late, level) = On(Dec(5));
        Assert.Equal((DeadlineKind.Answer, Dec(4), Escalation.Owner), (late!.Kind, late.Due, level));
        Assert.Equal(Escalation.Owner, On(Dec(7)).Level); // one working day late
        Assert.Equal(Escalation.TeamLead, On(Dec(8)).Level); // two
        Assert.Equal(Escalation.TeamLead, On(Dec(10)).Level); // four
        Assert.Equal(Escalation.Flagged, On(Dec(11)).Level); // five

        // Answered on the 8th, late: assess (due the 8th) is what is late after that.
        var assess = On(Dec(11), contact: Dec(8));
        Assert.Equal((DeadlineKind.Assess, Dec(8), Escalation.TeamLead), (assess.Late!.Kind, assess.Late.Due, assess.Level));
        Assert.Equal(Escalation.None, On(Dec(11), contact: Dec(3), decided: Dec(8)).Level); // decided: nothing open
        Assert.DoesNotContain(LeadPolicy.DeadlinesOf(Jiangmen, Received, null, null, true, calendar, Dec(30)), d => d.Kind == DeadlineKind.Report);
    }

    [Fact]
    public void A_lead_untouched_for_the_policys_working_days_goes_back_to_the_pool_and_a_closed_one_changes_no_more()
    {
        var calendar = new WorkCalendar([Dec(8)], []); // the 8th a holiday
        Assert.False(Policy.RecyclesOn(Received, calendar, Dec(9))); // 4, 7, 9: three working days
        Assert.True(Policy.RecyclesOn(Received, calendar, Dec(10)));

        var held = LeadPosition.Dispatched(5, 2);
        Assert.Equal(new LeadPosition(LeadStatus.Pool, null, null), held.Recycle());
        Assert.Equal("lead.taken", Assert.Throws<DomainException>(() => held.Take(6, 2)).Code);
        Assert.Equal(new LeadPosition(LeadStatus.Assigned, 6, 2), LeadPosition.Dispatched(null, 2).Take(6, 3)); // a queued lead keeps its team
        Assert.Equal("lead.sameAssignment", Assert.Throws<DomainException>(() => held.Assign(5, 2)).Code);
        var dropped = held.Close(LeadStatus.Dropped);
        Assert.Equal("lead.closed", Assert.Throws<DomainException>(() => dropped.Take(6, 2)).Code);
        Assert.Equal("lead.closed", Assert.Throws<DomainException>(() => dropped.Close(LeadStatus.Converted)).Code);
    }
}
