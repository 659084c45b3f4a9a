using DealPipeline.Domain;

namespace DealPipeline.Domain.Tests;

/// <summary>The rules of the life after signing, without a database: milestones in order, what a stuck list waits at, needs, counting rules, evidence files.</summary>
public sealed class AfterSigningTests
{
    private static readonly DateOnly Signed = new(2026, 1, 10);

    private static readonly IReadOnlyList<MilestoneStep> Steps =
    [
        new(1, "landSupplied", "供地", null, 10, false, true, false),
        new(2, "projectFiled", "备案", null, 20, true, true, false),
        new(3, "energyReviewed", "能评", null, 30, false, true, false),
        new(4, MilestoneStep.ConstructionStarted, "开工", null, 60, true, true, true),
        new(5, "retired", "旧节点", null, 70, true, false, false),
        new(6, MilestoneStep.ProductionStarted, "投产", null, 80, true, true, true),
    ];

    private static DomainException Refused(Action action) => Assert.Throws<DomainException>(action);

    [Fact]
    public void A_milestone_follows_the_required_steps_before_it_and_sits_between_its_neighbours_dates()
    {
        List<ReachedMilestone> reached = [new("landSupplied", Signed.AddDays(10))];
        Assert.Equal("milestone.notSigned", Refused(() => MilestoneRules.Check(Steps, reached, "projectFiled", Signed, null)).Code);
        Assert.Equal(("on.beforeSigning", "on"), Code(Refused(() => MilestoneRules.Check(Steps, reached, "projectFiled", Signed.AddDays(-1), Signed))));
        Assert.Equal(("milestone.outOfOrder", "kind"), Code(Refused(() => MilestoneRules.Check(Steps, reached, MilestoneStep.ConstructionStarted, Signed.AddDays(30), Signed)))); // 备案 is required
        Assert.Equal(("on.beforePrevious", "on"), Code(Refused(() => MilestoneRules.Check(Steps, reached, "projectFiled", Signed.AddDays(5), Signed))));
        Assert.Equal(("kind.unknown", "kind"), Code(Refused(() => MilestoneRules.Check(Steps, reached, "retired", Signed.AddDays(20), Signed)))); // disabled
        Assert.Equal("milestone.recorded", Refused(() => MilestoneRules.Check(Steps, reached, "landSupplied", Signed.AddDays(20), Signed)).Code);

        Assert.Equal("projectFiled", MilestoneRules.Check(Steps, reached, "projectFiled", Signed.AddDays(20), Signed).Code);
        reached.Add(new("projectFiled", Signed.AddDays(20)));
        reached.Add(new(MilestoneStep.ConstructionStarted, Signed.AddDays(50)));
        Assert.Equal(("on.afterNext", "on"), Code(Refused(() => MilestoneRules.Check(Steps, reached, "energyReviewed", Signed.AddDays(60), Signed)))); // after 开工
        Assert.Equal("energyReviewed", MilestoneRules.Check(Steps, reached, "energyReviewed", Signed.AddDays(30), Signed).Code);

        // 能评 skipped once 开工 is reached: the deal waits at 投产 since 开工, 30 days after 备案.
        Assert.Equal(("productionStarted", Signed.AddDays(50)), Waiting(MilestoneRules.WaitingAt(Steps, reached, Signed)));
        Assert.Equal(30, MilestoneRules.DaysFromPrevious(Steps, reached, Steps[3], Signed));
        Assert.Equal(10, MilestoneRules.DaysFromPrevious(Steps, reached, Steps[0], Signed));
        Assert.Null(MilestoneRules.DaysFromPrevious(Steps, reached, Steps[5], Signed));

        // A list of its own (三未 style): before any of its steps the deal waits at the first, since signing.
        var threeUn = Steps.Where(s => s.Code is MilestoneStep.ProductionStarted).ToList();
        Assert.Equal(("productionStarted", Signed), Waiting(MilestoneRules.WaitingAt(threeUn, reached, Signed)));
        Assert.Null(MilestoneRules.WaitingAt(threeUn, [.. reached, new(MilestoneStep.ProductionStarted, Signed.AddDays(90))], Signed));
    }

    [Fact]
    public void A_need_is_decided_once_never_for_more_than_was_asked_and_quantities_stay_exact()
    {
        var asked = Needs.ToThousandths(120.125m, "quantity");
        Assert.Equal(120_125, asked);
        Assert.Equal(120.125m, Needs.FromThousandths(asked));
        Assert.Equal("quantity.range", Refused(() => Needs.ToThousandths(0.0001m, "quantity")).Code);
        Assert.Equal("quantity.range", Refused(() => Needs.ToThousandths(0m, "quantity")).Code);
        Assert.Equal((NeedState.Approved, asked), Needs.Decide(NeedState.Requested, asked, true, null));
        Assert.Equal((NeedState.PartlyApproved, 100_000L), Needs.Decide(NeedState.Requested, asked, true, 100m));
        Assert.Equal((NeedState.Refused, 0L), Needs.Decide(NeedState.Requested, asked, false, null));
        Assert.Equal("approvedQuantity.overRequested", Refused(() => Needs.Decide(NeedState.Requested, asked, true, 121m)).Code);
        Assert.Equal("approvedQuantity.refused", Refused(() => Needs.Decide(NeedState.Requested, asked, false, 1m)).Code);
        Assert.Equal("need.decided", Refused(() => Needs.Decide(NeedState.Approved, asked, false, null)).Code);
    }

    [Fact]
    public void Counting_rules_exclude_first_then_count_on_the_day_of_the_last_requirement_within_the_window()
    {
        var rules = new CountingRules(1, "默认", 1, 10_000_000_000, [], [PriorKind.Resigning], [CountingRequirement.Contract, CountingRequirement.Registration, CountingRequirement.FundsInPlace, CountingRequirement.ConstructionStarted], 24, true);
        var full = new CountingFacts(Signed, false, 15_000_000_000, false, null, true, false, Signed.AddMonths(3), Signed.AddMonths(5));
        Assert.Equal(Signed.AddMonths(5), rules.Evaluate(full).CountedOn);
        Assert.Equal(CountingExclusion.BelowMinimum, rules.Evaluate(full with { InvestmentCnyMinor = 9_999_999_999 }).Excluded);
        Assert.Equal(CountingExclusion.PriorKind, rules.Evaluate(full with { PriorKind = PriorKind.Resigning }).Excluded);
        Assert.Null(rules.Evaluate(full with { PriorKind = PriorKind.Upgrade }).Excluded);
        Assert.Equal(CountingExclusion.Sector, rules.Evaluate(full with { SectorExcluded = true }).Excluded);
        Assert.Equal(CountingExclusion.Lost, rules.Evaluate(full with { Lost = true }).Excluded);
        Assert.Equal([CountingRequirement.Registration, CountingRequirement.ConstructionStarted], rules.Evaluate(full with { HasCreditCode = false, ConstructionStartedOn = null }).Missing);
        Assert.Equal(CountingExclusion.OutsideWindow, rules.Evaluate(full with { ConstructionStartedOn = Signed.AddMonths(24).AddDays(1) }).Excluded);
        Assert.Equal(Signed.AddMonths(24), rules.Evaluate(full with { ConstructionStartedOn = Signed.AddMonths(24) }).CountedOn);
        Assert.Equal("requires.contract", Refused(() => (rules with { Requires = [CountingRequirement.Registration] }).Validate()).Code);
        Assert.Equal("windowMonths.range", Refused(() => (rules with { WindowMonths = 0 }).Validate()).Code);
    }

    [Fact]
    public void An_evidence_file_is_the_document_its_bytes_say_declared_as_such_under_a_name_with_its_extension()
    {
        byte[] pdf = [.. "%PDF-1.7\n"u8];
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10];
        byte[] exe = [.. "MZ\x90\0"u8];
        Assert.Equal("application/pdf", EvidenceFiles.Check(pdf, "application/pdf; charset=binary", "回单.PDF"));
        Assert.Equal("image/jpeg", EvidenceFiles.Check(jpeg, "image/jpeg", "scan.jpeg"));
        Assert.Null(EvidenceFiles.Sniff(exe));
        Assert.Equal("attachment.type", Refused(() => EvidenceFiles.Check(exe, "application/pdf", "a.pdf")).Code);
        Assert.Equal("attachment.typeDiffers", Refused(() => EvidenceFiles.Check(jpeg, "image/png", "a.png")).Code);
        Assert.Equal("fileName.extension", Refused(() => EvidenceFiles.Check(pdf, "application/pdf", "a.pdf.exe")).Code);
        foreach (var name in new[] { "", " ", "../a.pdf", "a\\b.pdf", "C:a.pdf", ".pdf", "a\u0001.pdf", new string('a', 197) + ".pdf" })
        {
            Assert.Equal("fileName.format", Refused(() => EvidenceFiles.Check(pdf, "application/pdf", name)).Code);
        }
    }

    private static (string, string?) Code(DomainException e) => (e.Code, e.Field);

    private static (string, DateOnly) Waiting((MilestoneStep Step, DateOnly Since)? at) => (at!.Value.Step.Code, at.Value.Since);
}
