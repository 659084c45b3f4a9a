namespace DealPipeline.Domain;

/// <summary>
/// A project lead followed through the pipeline. Its stage and status change only through the
/// methods below, named for what officers do; each refuses an illegal change with a
/// <see cref="DomainException"/> and records the change as history.
/// </summary>
public sealed class Deal
{
    public const int MaxReasonLength = 1000;

    private readonly List<DealHistoryEntry> _newHistory = [];

    private Deal(DealTerms terms)
    {
        Terms = terms;
    }

    public long Id { get; private set; }

    public DealTerms Terms { get; private set; }

    public Stage Stage { get; private set; }

    public DealStatus Status { get; private set; }

    public LostReason? LostReason { get; private set; }

    public DateOnly OpenedOn { get; private set; }

    public DateOnly? SignedOn { get; private set; }

    public DateOnly? LandedOn { get; private set; }

    public DateOnly? ConstructionStartedOn { get; private set; }

    public DateOnly? ProductionStartedOn { get; private set; }

    /// <summary>The business date of the latest stage or status change: no later change may be dated before it,
    /// so that the history reads in order and the pipeline of any past day can be rebuilt from it.</summary>
    public DateOnly LastChangeOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>When the deal was deleted (softly: it leaves reads and reports, and incremental pulls see its tombstone); null while it lives.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>History recorded since the deal was loaded, for the repository to append.</summary>
    public IReadOnlyList<DealHistoryEntry> NewHistory => _newHistory;

    /// <summary>
    /// Opens a deal. A deal may be opened at a later stage when an existing register is
    /// back-filled: that stage is recorded in its history on <paramref name="openedOn"/>, and
    /// opening at <see cref="Stage.Signed"/> or <see cref="Stage.Landed"/> dates the signing
    /// (and landing) on that day too.
    /// </summary>
    public static Deal Open(DealTerms terms, Stage stage, DateOnly openedOn, long? actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(terms);
        terms.Validate();
        RequireStage(stage);
        if (terms.ContractedInvestment is not null && stage < Stage.Signed)
        {
            throw ContractedBeforeSigning();
        }

        var deal = new Deal(terms)
        {
            Stage = stage,
            Status = DealStatus.Active,
            OpenedOn = openedOn,
            LastChangeOn = openedOn,
            CreatedAt = at,
            UpdatedAt = at,
            Version = 1,
        };
        if (stage >= Stage.Signed)
        {
            deal.SignedOn = openedOn;
        }

        if (stage == Stage.Landed)
        {
            deal.LandedOn = openedOn;
        }

        deal._newHistory.Add(new DealHistoryEntry(HistoryKind.Stage, null, (int)stage, openedOn, at, null, null, actor, stage, DealStatus.Active));
        return deal;
    }

    /// <summary>Rebuilds a stored deal; no rule is checked and no history recorded.</summary>
    public static Deal Rehydrate(
        long id,
        DealTerms terms,
        Stage stage,
        DealStatus status,
        LostReason? lostReason,
        DateOnly openedOn,
        DateOnly? signedOn,
        DateOnly? landedOn,
        DateOnly? constructionStartedOn,
        DateOnly? productionStartedOn,
        DateOnly lastChangeOn,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt,
        int version,
        DateTimeOffset? deletedAt = null) =>
        new(terms)
        {
            Id = id,
            Stage = stage,
            Status = status,
            LostReason = lostReason,
            OpenedOn = openedOn,
            SignedOn = signedOn,
            LandedOn = landedOn,
            ConstructionStartedOn = constructionStartedOn,
            ProductionStartedOn = productionStartedOn,
            LastChangeOn = lastChangeOn,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
            Version = version,
            DeletedAt = deletedAt,
        };

    /// <summary>
    /// Deletes the deal softly at <paramref name="at"/>: it leaves reads and reports, its history stays, and
    /// incremental pulls see its tombstone. A change like any other: the version moves on, so a stale If-Match fails.
    /// </summary>
    public void Delete(DateTimeOffset at)
    {
        if (DeletedAt is not null)
        {
            throw new InvalidOperationException("The deal is already deleted.");
        }

        DeletedAt = at;
        Touch(at);
    }

    /// <summary>Called by the repository once the deal is stored.</summary>
    public void AssignId(long id)
    {
        if (Id != 0)
        {
            throw new InvalidOperationException("The deal already has an id.");
        }

        Id = id;
    }

    /// <summary>
    /// The business date of a change, since the deal was loaded, of a field reports count by
    /// (amount, currency, owner, team, park, sector, key-project flag): the repository records the
    /// new values as in force from that day, so reports of earlier days keep the old ones. Null: none.
    /// </summary>
    public DateOnly? RevisedOn { get; private set; }

    /// <summary>Replaces the plain fields (a merge patch already applied to the current ones), on business date <paramref name="on"/>.</summary>
    public void Revise(DealTerms terms, DateOnly on, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(terms);
        terms.Validate();
        if (terms == Terms)
        {
            return;
        }

        // The same rule as a move's: a contracted investment is recorded from the signing on (one kept from an
        // earlier signing may stay while the deal is back below it, but not be set or changed there).
        if (terms.ContractedInvestment is not null && terms.ContractedInvestment != Terms.ContractedInvestment && Stage < Stage.Signed)
        {
            throw ContractedBeforeSigning();
        }

        if (Reported(terms) != Reported(Terms))
        {
            RevisedOn = on;
        }

        Terms = terms;
        Touch(at);
    }

    private static (long, string, long, long?, long, long, bool) Reported(DealTerms t) =>
        (t.IntendedInvestment, t.Currency, t.OwnerId, t.TeamId, t.ParkId, t.SectorId, t.IsKeyProject);

    /// <summary>
    /// Moves the deal to another stage. Forward moves may skip stages; a backward move needs a
    /// reason. Entering <see cref="Stage.Signed"/> dates the signing (and records the contracted
    /// investment when given); entering <see cref="Stage.Landed"/> dates the landing, and the
    /// signing too if the deal skipped it. Moving back below a stage clears that stage's date, so
    /// that a collapsed signing no longer counts as signed; the history keeps it.
    /// </summary>
    public void MoveTo(Stage to, DateOnly on, string? reason, long? contractedInvestment, long? actor, DateTimeOffset at)
    {
        RequireStage(to);
        if (Status != DealStatus.Active)
        {
            throw new DomainException(
                "deal.notActive",
                RuleTexts.OnlyActiveDealChangesStageOne.With(("status", Names.Of(Status))));
        }

        if (to == Stage)
        {
            throw new DomainException("stage.same", RuleTexts.DealAlreadyAtStage.With(("stage", Names.Of(to))));
        }

        reason = Clean(reason);
        if (to < Stage && reason is null)
        {
            throw new DomainException("reason.required", RuleTexts.MovingDealBackNeedsReason, "reason");
        }

        if (contractedInvestment is not null && to < Stage.Signed)
        {
            throw ContractedBeforeSigning();
        }

        if (contractedInvestment is < 0)
        {
            throw new DomainException("contractedInvestment.negative", RuleTexts.AmountsCannotNegative, "contractedInvestment");
        }

        RequireChronology(on);
        RequireLength(reason, null);
        var from = Stage;
        Stage = to;
        if (to >= Stage.Signed && SignedOn is null)
        {
            SignedOn = on;
        }

        if (to == Stage.Landed)
        {
            LandedOn = on;
        }

        if (to < Stage.Landed)
        {
            LandedOn = null;
            ConstructionStartedOn = null;
            ProductionStartedOn = null;
        }

        if (to < Stage.Signed)
        {
            SignedOn = null;
        }

        if (contractedInvestment is not null)
        {
            Terms = Terms with { ContractedInvestment = contractedInvestment };
        }

        Record(HistoryKind.Stage, (int)from, (int)to, on, reason, null, actor, at);
    }

    /// <summary>Pauses an active deal (暂缓).</summary>
    public void PutOnHold(DateOnly on, string? note, long? actor, DateTimeOffset at)
    {
        if (Status != DealStatus.Active)
        {
            throw new DomainException("status.hold", RuleTexts.OnlyActiveDealCanPutHold.With(("status", Names.Of(Status))));
        }

        ChangeStatus(DealStatus.OnHold, null, on, null, note, actor, at);
    }

    /// <summary>Marks an active or on-hold deal lost (终止), with the reason's category.</summary>
    public void MarkLost(LostReason reason, DateOnly on, string? note, long? actor, DateTimeOffset at)
    {
        if (!Enum.IsDefined(reason))
        {
            throw new DomainException("reason.unknown", RuleTexts.UnknownLostReason, "reason");
        }

        if (Status == DealStatus.Lost)
        {
            throw new DomainException("status.lost", RuleTexts.DealAlreadyLost);
        }

        ChangeStatus(DealStatus.Lost, reason, on, Names.Of(reason), note, actor, at);
    }

    /// <summary>Brings an on-hold or lost deal back into the active pipeline, at the stage it had.</summary>
    public void Reactivate(DateOnly on, string? note, long? actor, DateTimeOffset at)
    {
        if (Status == DealStatus.Active)
        {
            throw new DomainException("status.active", RuleTexts.DealAlreadyActive);
        }

        ChangeStatus(DealStatus.Active, null, on, null, note, actor, at);
    }

    /// <summary>
    /// Checks that money actually invested (到位资金) on <paramref name="on"/> can be recorded for
    /// this deal: it is signed or landed (whatever its status since: a deal put on hold or lost after
    /// signing may have received funds), and the date is not before its signing.
    /// </summary>
    public void CheckFundsInPlace(DateOnly on)
    {
        if (Stage < Stage.Signed || SignedOn is null)
        {
            throw new DomainException("funds.notSigned", RuleTexts.FundsPlaceRecordedSignedLandedDeals);
        }

        if (on < SignedOn.Value)
        {
            throw new DomainException("on.beforeSigning", RuleTexts.FundsCannotDatedBeforeSigningDate.With(("date", $"{SignedOn:yyyy-MM-dd}")), "on");
        }
    }

    /// <summary>Dates construction start (开工) or production start (投产) of a landed deal.</summary>
    public void RecordMilestone(MilestoneKind kind, DateOnly on, DateTimeOffset at)
    {
        if (Stage != Stage.Landed || LandedOn is null)
        {
            throw new DomainException("milestone.notLanded", RuleTexts.MilestonesRecordedOnlyLandedDeals);
        }

        if (on < LandedOn.Value)
        {
            throw new DomainException("on.beforeLanding", RuleTexts.MilestoneCannotDatedBeforeLandingDate.With(("date", $"{LandedOn:yyyy-MM-dd}")), "on");
        }

        switch (kind)
        {
            case MilestoneKind.ConstructionStarted:
                if (ConstructionStartedOn is not null)
                {
                    throw new DomainException("milestone.recorded", RuleTexts.ConstructionStartAlreadyRecordedDate.With(("date", $"{ConstructionStartedOn:yyyy-MM-dd}")));
                }

                if (ProductionStartedOn is not null && on > ProductionStartedOn)
                {
                    throw new DomainException("on.afterProduction", RuleTexts.ConstructionCannotStartAfterProductionStarted, "on");
                }

                ConstructionStartedOn = on;
                break;
            case MilestoneKind.ProductionStarted:
                if (ProductionStartedOn is not null)
                {
                    throw new DomainException("milestone.recorded", RuleTexts.ProductionStartAlreadyRecordedDate.With(("date", $"{ProductionStartedOn:yyyy-MM-dd}")));
                }

                if (ConstructionStartedOn is null)
                {
                    throw new DomainException("milestone.outOfOrder", RuleTexts.ProductionNeedsConstructionStarted, "kind");
                }

                if (on < ConstructionStartedOn)
                {
                    throw new DomainException("on.beforeConstruction", RuleTexts.ProductionCannotStartBeforeConstructionStarted, "on");
                }

                ProductionStartedOn = on;
                break;
            default:
                throw new DomainException("kind.unknown", RuleTexts.UnknownMilestone, "kind");
        }

        Touch(at);
    }

    /// <summary>
    /// Records that the deal reached a milestone of the office's own list (供地, 备案 …: a row of its own, checked by
    /// <see cref="MilestoneRules"/>): the deal's version and updatedAt move on, so that a BI copy pulling changed deals sees it.
    /// </summary>
    public void RecordStep(DateTimeOffset at) => Touch(at);

    private void ChangeStatus(DealStatus to, LostReason? lostReason, DateOnly on, string? reason, string? note, long? actor, DateTimeOffset at)
    {
        RequireChronology(on);
        note = Clean(note);
        RequireLength(reason, note);
        var from = Status;
        Status = to;
        LostReason = lostReason;
        Record(HistoryKind.Status, (int)from, (int)to, on, reason, note, actor, at);
    }

    private void RequireChronology(DateOnly on)
    {
        if (on < LastChangeOn)
        {
            throw new DomainException(
                "on.beforeLastChange",
                RuleTexts.ChangeCannotDatedBeforeDealPrevious.With(("date", $"{LastChangeOn:yyyy-MM-dd}")),
                "on");
        }
    }

    /// <summary>Refuses a reason or note over its length: checked before the deal changes, so that a refusal leaves it as it was.</summary>
    private static void RequireLength(string? reason, string? note)
    {
        if (reason?.Length > MaxReasonLength)
        {
            throw new DomainException("reason.tooLong", RuleTexts.ReasonHasMostNCharacters.With(("n", MaxReasonLength)), "reason");
        }

        if (note?.Length > MaxReasonLength)
        {
            throw new DomainException("note.tooLong", RuleTexts.NoteHasMostNCharacters.With(("n", MaxReasonLength)), "note");
        }
    }

    private void Record(HistoryKind kind, int from, int to, DateOnly on, string? reason, string? note, long? actor, DateTimeOffset at)
    {
        _newHistory.Add(new DealHistoryEntry(kind, from, to, on, at, reason, note, actor, Stage, Status));
        LastChangeOn = on;
        Touch(at);
    }

    private void Touch(DateTimeOffset at)
    {
        UpdatedAt = at > UpdatedAt ? at : UpdatedAt;
        Version++;
    }

    /// <summary>A contracted investment is recorded from the signing on: at opening, on a correction and on a move alike.</summary>
    private static DomainException ContractedBeforeSigning() =>
        new("contractedInvestment.stage", RuleTexts.ContractedInvestmentRecordedWhenDealSigned, "contractedInvestment");

    private static void RequireStage(Stage stage)
    {
        if (!Enum.IsDefined(stage))
        {
            throw new DomainException("stage.unknown", RuleTexts.UnknownStage, "to");
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
