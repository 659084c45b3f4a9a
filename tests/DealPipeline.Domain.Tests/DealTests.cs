using DealPipeline.Domain;

namespace DealPipeline.Domain.Tests;

public class DealTests
{
    private static readonly DateOnly Opened = new(2025, 3, 1);
    private static readonly DateTimeOffset At = new(2025, 3, 1, 2, 0, 0, TimeSpan.Zero);
    private const long Officer = 7;

    private static DealTerms Terms(DealSource source = DealSource.Event) =>
        new("合成生物制造基地", 1, 2, 3, Officer, 4, source, null, null, false, false, null, 120_000_000_00, "CNY", null, null, null, null, null);

    private static Deal Open(Stage stage = Stage.Contact) => Deal.Open(Terms(), stage, Opened, Officer, At);

    private static DomainException Refused(Action action) => Assert.Throws<DomainException>(action);

    [Fact]
    public void Opening_records_the_first_stage_in_history_on_the_opening_date()
    {
        var deal = Open();

        Assert.Equal(Stage.Contact, deal.Stage);
        Assert.Equal(DealStatus.Active, deal.Status);
        Assert.Equal(1, deal.Version);
        var entry = Assert.Single(deal.NewHistory);
        Assert.Equal(new DealHistoryEntry(HistoryKind.Stage, null, (int)Stage.Contact, Opened, At, null, null, Officer, Stage.Contact, DealStatus.Active), entry);
    }

    [Theory]
    [InlineData(Stage.Negotiation, false, false)]
    [InlineData(Stage.Letters, false, false)]
    [InlineData(Stage.Signed, true, false)]
    [InlineData(Stage.Landed, true, true)]
    public void Opening_at_a_later_stage_back_fills_it_and_dates_signing_and_landing(Stage stage, bool signed, bool landed)
    {
        var deal = Open(stage);

        Assert.Equal(stage, deal.Stage);
        Assert.Equal(signed ? Opened : null, deal.SignedOn);
        Assert.Equal(landed ? Opened : null, deal.LandedOn);
        Assert.Equal((int)stage, Assert.Single(deal.NewHistory).To);
    }

    [Fact]
    public void Deleting_is_a_change_that_records_when_and_happens_once()
    {
        var deal = Open();
        var later = At.AddDays(3);

        deal.Delete(later);

        Assert.Equal(later, deal.DeletedAt);
        Assert.Equal(later, deal.UpdatedAt);
        Assert.Equal(2, deal.Version);
        Assert.Empty(deal.NewHistory.Skip(1));
        Assert.Throws<InvalidOperationException>(() => deal.Delete(later));
    }

    [Fact]
    public void Fixed_asset_investment_is_at_most_the_intended_investment()
    {
        Assert.Null(Record.Exception(() => (Terms() with { FixedAssetInvestment = Terms().IntendedInvestment }).Validate()));
        var refused = Refused(() => (Terms() with { FixedAssetInvestment = Terms().IntendedInvestment + 1 }).Validate());
        Assert.Equal(("fixedAssetInvestment.exceedsTotal", "fixedAssetInvestment"), (refused.Code, refused.Field));
        Assert.Equal("fixedAssetInvestment", Refused(() => (Terms() with { FixedAssetInvestment = -1 }).Validate()).Field);
    }

    [Fact]
    public void Forward_moves_may_skip_stages()
    {
        var deal = Open();

        deal.MoveTo(Stage.Signed, Opened.AddDays(10), null, 90_000_000_00, Officer, At.AddDays(10));

        Assert.Equal(Stage.Signed, deal.Stage);
        Assert.Equal(Opened.AddDays(10), deal.SignedOn);
        Assert.Equal(90_000_000_00, deal.Terms.ContractedInvestment);
        var move = deal.NewHistory[^1];
        Assert.Equal((HistoryKind.Stage, (int?)Stage.Contact, (int)Stage.Signed), (move.Kind, move.From, move.To));
        Assert.Equal(2, deal.Version);
    }

    [Fact]
    public void Landing_without_signing_first_dates_the_signing_too()
    {
        var deal = Open(Stage.Negotiation);

        deal.MoveTo(Stage.Landed, Opened.AddDays(5), null, null, Officer, At);

        Assert.Equal(Opened.AddDays(5), deal.SignedOn);
        Assert.Equal(Opened.AddDays(5), deal.LandedOn);
    }

    [Fact]
    public void A_backward_move_needs_a_reason()
    {
        var deal = Open(Stage.Signed);

        var refused = Refused(() => deal.MoveTo(Stage.Negotiation, Opened, "  ", null, Officer, At));

        Assert.Equal("reason", refused.Field);
        Assert.Equal(Stage.Signed, deal.Stage);
        Assert.Single(deal.NewHistory);
    }

    [Fact]
    public void A_collapsed_signing_moves_back_and_no_longer_counts_as_signed()
    {
        var deal = Open(Stage.Landed);
        deal.RecordMilestone(MilestoneKind.ConstructionStarted, Opened.AddDays(1), At);

        deal.MoveTo(Stage.Negotiation, Opened.AddDays(2), "签约条件变化", null, Officer, At);

        Assert.Equal(Stage.Negotiation, deal.Stage);
        Assert.Null(deal.SignedOn);
        Assert.Null(deal.LandedOn);
        Assert.Null(deal.ConstructionStartedOn);
        Assert.Equal("签约条件变化", deal.NewHistory[^1].Reason);
    }

    [Fact]
    public void Moving_to_the_current_stage_is_a_conflict()
    {
        var deal = Open(Stage.Negotiation);

        var refused = Refused(() => deal.MoveTo(Stage.Negotiation, Opened, null, null, Officer, At));

        Assert.Null(refused.Field);
        Assert.Equal("stage.same", refused.Code);
    }

    [Theory]
    [InlineData(DealStatus.OnHold)]
    [InlineData(DealStatus.Lost)]
    public void Only_an_active_deal_moves(DealStatus status)
    {
        var deal = Open();
        if (status == DealStatus.OnHold)
        {
            deal.PutOnHold(Opened, null, Officer, At);
        }
        else
        {
            deal.MarkLost(LostReason.Funding, Opened, null, Officer, At);
        }

        var refused = Refused(() => deal.MoveTo(Stage.Negotiation, Opened, null, null, Officer, At));

        Assert.Equal("deal.notActive", refused.Code);
        Assert.Null(refused.Field);
        Assert.Equal(Stage.Contact, deal.Stage);
    }

    [Fact]
    public void A_change_cannot_be_dated_before_the_previous_change()
    {
        var deal = Open();
        deal.MoveTo(Stage.Negotiation, Opened.AddDays(10), null, null, Officer, At);

        var refused = Refused(() => deal.MoveTo(Stage.Letters, Opened.AddDays(9), null, null, Officer, At));
        var beforeOpening = Refused(() => deal.PutOnHold(Opened.AddDays(-1), null, Officer, At));

        Assert.Equal("on", refused.Field);
        Assert.Equal("on", beforeOpening.Field);
        Assert.Equal(Stage.Negotiation, deal.Stage);
    }

    [Fact]
    public void A_change_may_share_the_date_of_the_previous_one()
    {
        var deal = Open();

        deal.MoveTo(Stage.Negotiation, Opened, null, null, Officer, At);
        deal.MoveTo(Stage.Letters, Opened, null, null, Officer, At);

        Assert.Equal(Stage.Letters, deal.Stage);
    }

    [Fact]
    public void A_contracted_investment_belongs_to_signing()
    {
        var deal = Open();

        Assert.Equal("contractedInvestment", Refused(() => deal.MoveTo(Stage.Negotiation, Opened, null, 5, Officer, At)).Field);
        Assert.Equal("contractedInvestment", Refused(() => deal.MoveTo(Stage.Signed, Opened, null, -1, Officer, At)).Field);
    }

    [Fact]
    public void Hold_lose_and_reactivate_follow_the_status_rules_and_are_recorded()
    {
        var deal = Open(Stage.Negotiation);

        deal.PutOnHold(Opened.AddDays(1), "企业内部决策暂缓", Officer, At);
        Assert.Equal("status.hold", Refused(() => deal.PutOnHold(Opened.AddDays(1), null, Officer, At)).Code);
        deal.MarkLost(LostReason.ChoseOtherLocation, Opened.AddDays(2), "选择长三角其他园区", Officer, At);
        Assert.Equal(LostReason.ChoseOtherLocation, deal.LostReason);
        Assert.Equal("status.lost", Refused(() => deal.MarkLost(LostReason.Other, Opened.AddDays(2), null, Officer, At)).Code);
        Assert.Equal("status.hold", Refused(() => deal.PutOnHold(Opened.AddDays(2), null, Officer, At)).Code);
        deal.Reactivate(Opened.AddDays(3), null, Officer, At);
        Assert.Equal("status.active", Refused(() => deal.Reactivate(Opened.AddDays(3), null, Officer, At)).Code);

        Assert.Equal(DealStatus.Active, deal.Status);
        Assert.Null(deal.LostReason);
        Assert.Equal(Stage.Negotiation, deal.Stage);
        Assert.All(deal.NewHistory, h => Assert.Equal(Stage.Negotiation, h.StageAfter));
        Assert.Equal([DealStatus.Active, DealStatus.OnHold, DealStatus.Lost, DealStatus.Active], deal.NewHistory.Select(h => h.StatusAfter));
        var statuses = deal.NewHistory.Where(h => h.Kind == HistoryKind.Status).Select(h => ((DealStatus?)h.From, (DealStatus)h.To, h.Reason, h.Note)).ToList();
        Assert.Equal(
            [
                (DealStatus.Active, DealStatus.OnHold, null, "企业内部决策暂缓"),
                (DealStatus.OnHold, DealStatus.Lost, "choseOtherLocation", "选择长三角其他园区"),
                (DealStatus.Lost, DealStatus.Active, null, null),
            ],
            statuses);
    }

    [Fact]
    public void An_active_deal_can_be_lost_directly()
    {
        var deal = Open();

        deal.MarkLost(LostReason.PolicyMismatch, Opened, null, Officer, At);

        Assert.Equal(DealStatus.Lost, deal.Status);
    }

    [Fact]
    public void Milestones_follow_landing_in_order_and_once()
    {
        var notLanded = Open(Stage.Signed);
        Assert.Equal("milestone.notLanded", Refused(() => notLanded.RecordMilestone(MilestoneKind.ConstructionStarted, Opened, At)).Code);

        var deal = Open(Stage.Landed);
        Assert.Equal("on", Refused(() => deal.RecordMilestone(MilestoneKind.ConstructionStarted, Opened.AddDays(-1), At)).Field);
        Assert.Equal("milestone.outOfOrder", Refused(() => deal.RecordMilestone(MilestoneKind.ProductionStarted, Opened.AddDays(30), At)).Code); // 投产 after 开工
        deal.RecordMilestone(MilestoneKind.ConstructionStarted, Opened.AddDays(10), At);
        Assert.Equal("on", Refused(() => deal.RecordMilestone(MilestoneKind.ProductionStarted, Opened.AddDays(9), At)).Field);
        deal.RecordMilestone(MilestoneKind.ProductionStarted, Opened.AddDays(30), At);
        Assert.Equal("milestone.recorded", Refused(() => deal.RecordMilestone(MilestoneKind.ConstructionStarted, Opened.AddDays(11), At)).Code);
        Assert.Equal("milestone.recorded", Refused(() => deal.RecordMilestone(MilestoneKind.ProductionStarted, Opened.AddDays(40), At)).Code);

        Assert.Equal(Opened.AddDays(10), deal.ConstructionStartedOn);
        Assert.Equal(Opened.AddDays(30), deal.ProductionStartedOn);
        Assert.Single(deal.NewHistory);
    }

    [Fact]
    public void Production_cannot_start_before_construction()
    {
        var deal = Open(Stage.Landed);
        deal.RecordMilestone(MilestoneKind.ConstructionStarted, Opened.AddDays(10), At);

        Assert.Equal("on", Refused(() => deal.RecordMilestone(MilestoneKind.ProductionStarted, Opened.AddDays(9), At)).Field);
    }

    [Fact]
    public void Revising_terms_bumps_the_version_only_when_something_changed()
    {
        var deal = Open();

        deal.Revise(Terms(), new DateOnly(2026, 3, 2), At.AddHours(1));
        Assert.Equal(1, deal.Version);

        deal.Revise(Terms() with { Name = "合成生物制造基地二期" }, new DateOnly(2026, 3, 2), At.AddHours(2));
        Assert.Equal(2, deal.Version);
        Assert.Equal(At.AddHours(2), deal.UpdatedAt);
    }

    [Fact]
    public void A_reason_or_note_over_its_length_is_refused_before_the_deal_changes()
    {
        var deal = Open(Stage.Letters);
        var tooLong = new string('因', Deal.MaxReasonLength + 1);

        Assert.Equal("reason.tooLong", Refused(() => deal.MoveTo(Stage.Contact, Opened.AddDays(1), tooLong, null, Officer, At)).Code);
        Assert.Equal("note.tooLong", Refused(() => deal.PutOnHold(Opened.AddDays(1), tooLong, Officer, At)).Code);
        Assert.Equal((Stage.Letters, DealStatus.Active, 1, 0), (deal.Stage, deal.Status, deal.Version, deal.NewHistory.Count - 1));
    }

    [Fact]
    public void A_contracted_investment_is_refused_by_a_revision_below_signed_as_by_a_move_and_before_anything_changes()
    {
        var deal = Open();
        var refused = Refused(() => deal.Revise(Terms() with { Name = "改名", ContractedInvestment = 50_000_000_00 }, new DateOnly(2026, 3, 2), At.AddHours(1)));

        Assert.Equal(("contractedInvestment.stage", "contractedInvestment"), (refused.Code, refused.Field));
        Assert.Equal((1, Terms().Name, (long?)null), (deal.Version, deal.Terms.Name, deal.Terms.ContractedInvestment));

        // Signed, it may be corrected; back below signed, it stays but cannot change.
        deal.MoveTo(Stage.Signed, Opened.AddDays(5), null, 40_000_000_00, Officer, At.AddHours(2));
        deal.Revise(deal.Terms with { ContractedInvestment = 45_000_000_00 }, Opened.AddDays(6), At.AddHours(3));
        deal.MoveTo(Stage.Negotiation, Opened.AddDays(7), "合同重谈", null, Officer, At.AddHours(4));
        deal.Revise(deal.Terms with { Name = "重谈中" }, Opened.AddDays(8), At.AddHours(5));
        Assert.Equal((45_000_000_00L, "重谈中"), (deal.Terms.ContractedInvestment!.Value, deal.Terms.Name));
        Assert.Equal("contractedInvestment.stage", Refused(() => deal.Revise(deal.Terms with { ContractedInvestment = 1 }, Opened.AddDays(9), At.AddHours(6))).Code);
    }

    [Theory]
    [InlineData("", "name")]
    [InlineData(null, "name")]
    public void Terms_need_a_name(string? name, string field)
    {
        Assert.Equal(field, Refused(() => Deal.Open(Terms() with { Name = name! }, Stage.Contact, Opened, Officer, At)).Field);
    }

    [Fact]
    public void Terms_refuse_what_no_deal_can_have()
    {
        Assert.Equal("name", Refused(() => (Terms() with { Name = new string('x', DealTerms.MaxNameLength + 1) }).Validate()).Field);
        Assert.Equal("intendedInvestment", Refused(() => (Terms() with { IntendedInvestment = -1 }).Validate()).Field);
        Assert.Equal("expectedAnnualTax", Refused(() => (Terms() with { ExpectedAnnualTax = -1 }).Validate()).Field);
        Assert.Equal("expectedJobs", Refused(() => (Terms() with { ExpectedJobs = -1 }).Validate()).Field);
        Assert.Equal("sourceEventId", Refused(() => (Terms(DealSource.Referral) with { SourceEventId = 5 }).Validate()).Field);
        Assert.Equal("referrerCompanyId", Refused(() => (Terms(DealSource.Event) with { ReferrerCompanyId = 5 }).Validate()).Field);
        Assert.Equal("referrerCompanyId", Refused(() => (Terms(DealSource.Referral) with { ReferrerCompanyId = 1 }).Validate()).Field);
        (Terms(DealSource.OutboundTrip) with { SourceEventId = 5 }).Validate();
        (Terms(DealSource.Referral) with { ReferrerCompanyId = 9 }).Validate();
    }

    [Fact]
    public void Unknown_enum_values_are_refused()
    {
        var deal = Open();

        Assert.Equal("to", Refused(() => deal.MoveTo((Stage)99, Opened, null, null, Officer, At)).Field);
        Assert.Equal("reason", Refused(() => deal.MarkLost((LostReason)99, Opened, null, Officer, At)).Field);
        Assert.Equal("kind", Refused(() => Open(Stage.Landed).RecordMilestone((MilestoneKind)99, Opened, At)).Field);
    }
}
