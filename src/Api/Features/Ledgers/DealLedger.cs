using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;

namespace DealPipeline.Api.Features.Ledgers;

/// <summary>
/// A deals ledger (项目台账): a deal per row, matched by its id (项目编号, as the deals export writes it) or else by the office's own
/// ledger number (台账编号, <c>externalRef</c>), and created when neither is on file. A row is checked as POST /deals checks a body (the
/// same references, access, claims and texts). A deal created at a later stage gets its history from the row's dates: opened on 立项日期
/// at contact, signed on 签约日期, landed on 落地日期, then 开工 and 投产; so as-of reports and performance count it on the ledger's days,
/// not the import's. A row for a deal on file updates its plain fields (an empty cell leaves a field as it is), moves it forward to the
/// ledger's stage on the row's dates and dates its milestones; it never moves a deal back, rewrites a date of its history or changes its
/// status (each is refused, naming the API call that does it), so that an exported ledger re-imports unchanged.
/// </summary>
public sealed class DealLedger(
    DbSession session,
    DealOpener opener,
    DealReader reader,
    DealChangeCheck revision,
    IEnumerable<IValidator<CreateDeal>> validators,
    Milestones.MilestoneStepStore steps,
    Milestones.DealMilestoneStore milestones,
    ICurrentUser caller,
    IClock clock) : ILedger
{
    private IReadOnlyList<MilestoneStep>? _steps;

    public ImportKind Kind => ImportKind.Deals;

    public string SheetName => "项目台账导入模板";

    IReadOnlyList<LedgerColumn> ILedger.Columns => Columns;

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ChoicesAsync(CancellationToken cancellationToken)
    {
        async Task<IReadOnlyList<string>> Names(string sql) => [.. (await session.QueryAsync<string>(sql, null, cancellationToken)).Select(n => n.Trim()).Distinct(StringComparer.Ordinal)];
        IReadOnlyList<string> yesNo = ["是", "否"];
        return new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["stage"] = Ledger.LabelsOf<Stage>(),
            ["status"] = Ledger.LabelsOf<DealStatus>(),
            ["lostReason"] = Ledger.LabelsOf<LostReason>(),
            ["source"] = Ledger.LabelsOf<DealSource>(),
            ["isKeyProject"] = yesNo,
            ["confidential"] = yesNo,
            ["parkName"] = await Names("SELECT name FROM parks ORDER BY name"),
            ["sectorName"] = await Names("SELECT name FROM sectors ORDER BY path"),
            ["ownerName"] = await Names("SELECT name FROM users WHERE role <> 'analyst' ORDER BY name"),
            ["teamName"] = await Names("SELECT name FROM teams ORDER BY name"),
        };
    }

    public static readonly IReadOnlyList<LedgerColumn> Columns =
    [
        new("id", "项目编号", false),
        new("externalRef", "台账编号", false, "台账号", "项目台账编号"),
        new("name", "项目名称", true, "项目"),
        new("companyId", "企业编号", false),
        new("creditCode", "统一社会信用代码", false, "信用代码"),
        new("companyName", "企业名称", false, "投资主体", "投资方", "公司名称"),
        new("parkId", "园区编号", false),
        new("parkName", "园区", false, "落户园区", "所在园区"),
        new("sectorId", "产业编号", false),
        new("sectorName", "产业", false, "所属产业", "产业类别"),
        new("ownerId", "负责人编号", false),
        new("ownerName", "负责人", false, "责任人", "招商责任人"),
        new("teamId", "专班编号", false),
        new("teamName", "专班", false),
        new("source", "来源", false, "项目来源"),
        new("sourceEventId", "来源活动编号", false),
        new("stage", "阶段", false, "项目阶段"),
        new("status", "状态", false),
        new("lostReason", "流失原因", false),
        new("statusOn", "状态日期", false),
        new("isKeyProject", "重点项目", false, "是否重点项目"),
        new("confidential", "保密", false),
        new("codeName", "代号", false),
        new("intendedInvestment", "意向投资", true, "计划总投资", "总投资", "投资额") { Money = true },
        new("currency", "币种", false),
        new("contractedInvestment", "合同投资", false, "签约投资额", "合同投资额") { Money = true },
        new("expectedAnnualOutput", "预计年产值", false) { Money = true },
        new("expectedAnnualTax", "预计年税收", false) { Money = true },
        new("fixedAssetInvestment", "固定资产投资", false) { Money = true },
        new("expectedJobs", "预计就业人数", false),
        new("plannedLandingOn", "计划落地日期", false),
        new("openedOn", "立项日期", false, "对接日期", "首次接洽日期"),
        new("signedOn", "签约日期", false),
        new("landedOn", "落地日期", false),
        new("constructionStartedOn", "开工日期", false),
        new("productionStartedOn", "投产日期", false),
        new("landArea", "用地面积（亩）", false, "用地面积", "用地（亩）"),
    ];

    /// <summary>Stages as ledgers write them beside the labels the exports write (签约, 落地).</summary>
    private static readonly Dictionary<string, Stage> StageWords = new(StringComparer.Ordinal)
    {
        ["初步接洽"] = Stage.Contact, ["洽谈中"] = Stage.Negotiation, ["三书签订"] = Stage.Letters, ["已签约"] = Stage.Signed, ["已落地"] = Stage.Landed,
    };

    public async Task<(IReadOnlyList<RowOutcome> Outcomes, IReadOnlyList<OtherChange> Changed)> RunAsync(Sheet sheet, bool write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var at = Ledger.ColumnsOf(sheet, Columns);
        var names = await NamesAsync(cancellationToken);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var outcomes = new List<RowOutcome>();
        var changed = new List<OtherChange>();
        foreach (var row in Ledger.Readable(sheet, at, outcomes))
        {
            var line = Read(at.Read(row), names);
            if (line.Errors.Count > 0)
            {
                outcomes.Add(new RowOutcome(row.Number, RowAction.Refused, null, "validation", line.Errors));
                continue;
            }

            var key = line.Id is { } id ? $"id:{id}" : line.Fields.ExternalRef is { } reference ? "ref:" + reference.Trim() : null;
            if (key is not null && !seen.TryAdd(key, row.Number))
            {
                outcomes.Add(Ledger.Refused(row.Number, "import.duplicateRow", line.Id is null ? "externalRef" : "id", ProblemTexts.RowSameDealAsRow.With(("row", seen[key]))));
                continue;
            }

            try
            {
                var existing = line.Id ?? (line.Fields.ExternalRef is { } externalRef
                    ? await session.ExecuteScalarAsync<long?>("SELECT id FROM deals WHERE external_ref = @externalRef AND deleted_at IS NULL", new { externalRef = externalRef.Trim() }, cancellationToken)
                    : null);
                outcomes.Add(existing is { } dealId
                    ? await UpdateAsync(line, await reader.LoadAsync(dealId, null, cancellationToken), write, changed, cancellationToken)
                    : await CreateAsync(line, write, changed, cancellationToken));
            }
            catch (ProblemException refused)
            {
                outcomes.Add(Ledger.Refused(row.Number, refused, line.Id is null ? "name" : "id"));
            }
            catch (LedgerRefusal refused)
            {
                outcomes.Add(Ledger.Refused(row.Number, refused.Code, refused.Field, refused.Said));
            }
        }

        return (outcomes, changed);
    }

    /// <summary>A new deal: checked as POST /deals checks it, opened on the ledger's day and moved through its stages on the ledger's dates.</summary>
    private async Task<RowOutcome> CreateAsync(LedgerLine line, bool write, List<OtherChange> changed, CancellationToken cancellationToken)
    {
        if (line.Fields.CompanyId is null)
        {
            throw new LedgerRefusal("validation", "companyName", ProblemTexts.CompanyRequiredInLedger.With());
        }

        if (await CheckAsync(line.Fields, cancellationToken) is { Count: > 0 } failures)
        {
            return new RowOutcome(line.Number, RowAction.Refused, null, "validation", failures);
        }

        var contracted = line.Fields.ContractedInvestment;
        var (terms, _) = await opener.CheckAsync(line.Fields with { ContractedInvestment = null }, cancellationToken);
        var stage = line.Stage ?? Stage.Contact;
        var opened = line.Dates.OpenedOn ?? line.Dates.SignedOn ?? line.Dates.LandedOn ?? clock.Today;
        RequireDatesFit(line, stage);
        var signedOn = stage >= Stage.Signed ? line.Dates.SignedOn ?? opened : (DateOnly?)null;
        var landedOn = stage == Stage.Landed ? line.Dates.LandedOn ?? signedOn : null;
        var first = stage < Stage.Signed || signedOn == opened ? (stage == Stage.Landed && landedOn > signedOn ? Stage.Signed : stage) : Stage.Contact;
        var now = clock.UtcNow;
        var deal = Step("openedOn", () => Deal.Open(first >= Stage.Signed ? terms with { ContractedInvestment = contracted.ToMinor() } : terms, first, opened, caller.UserId, now));
        if (first < Stage.Signed && stage >= Stage.Signed)
        {
            Step("signedOn", () => deal.MoveTo(Stage.Signed, signedOn!.Value, null, contracted.ToMinor(), caller.UserId, now));
        }

        if (deal.Stage < Stage.Landed && stage == Stage.Landed)
        {
            Step("landedOn", () => deal.MoveTo(Stage.Landed, landedOn!.Value, null, null, caller.UserId, now));
        }

        DateMilestones(deal, line, now);
        if (line.Status is { } status and not DealStatus.Active)
        {
            var on = line.StatusOn ?? deal.LastChangeOn;
            Step("statusOn", () =>
            {
                if (status == DealStatus.Lost)
                {
                    deal.MarkLost(line.LostReason ?? throw new LedgerRefusal("validation", "lostReason", ProblemTexts.FieldRequired.With(("field", "lostReason"))), on, null, caller.UserId, now);
                }
                else
                {
                    deal.PutOnHold(on, null, caller.UserId, now);
                }
            });
        }

        if (!write)
        {
            return new RowOutcome(line.Number, RowAction.Create, null, null, []);
        }

        var created = await opener.AddAsync(deal, cancellationToken);
        changed.Add(new OtherChange("deal", created.Id, ChangeKinds.Created, created.Version, created.Id, null, created));
        return new RowOutcome(line.Number, RowAction.Create, created.Id, null, []);
    }

    /// <summary>A deal on file: its plain fields updated from the row's non-empty cells, moved forward to the row's stage, its milestones dated.</summary>
    private async Task<RowOutcome> UpdateAsync(LedgerLine line, Deal deal, bool write, List<OtherChange> changed, CancellationToken cancellationToken)
    {
        var loaded = deal.Version;
        var current = DealFields.Of(deal.Terms);
        var merged = line.Fields with { };
        foreach (var property in typeof(DealFields).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Where(p => p.CanWrite))
        {
            if (property.GetValue(merged) is null)
            {
                property.SetValue(merged, property.GetValue(current));
            }
        }

        if (await CheckAsync(merged, cancellationToken) is { Count: > 0 } failures)
        {
            return new RowOutcome(line.Number, RowAction.Refused, deal.Id, "validation", failures);
        }

        var terms = await revision.CheckAsync(deal, merged, line.Fields.TeamId is not null, cancellationToken);
        if (line.Status is { } status && status != deal.Status)
        {
            throw new LedgerRefusal("import.status", "status", ProblemTexts.LedgerStatusDiffers.With(("id", deal.Id), ("onFile", Both(deal.Status)), ("ledger", Both(status))));
        }

        RequireSameDate(deal, "openedOn", deal.OpenedOn, line.Dates.OpenedOn);
        RequireSameDate(deal, "signedOn", deal.SignedOn, line.Dates.SignedOn);
        RequireSameDate(deal, "landedOn", deal.LandedOn, line.Dates.LandedOn);
        RequireSameDate(deal, "constructionStartedOn", deal.ConstructionStartedOn, line.Dates.ConstructionStartedOn);
        RequireSameDate(deal, "productionStartedOn", deal.ProductionStartedOn, line.Dates.ProductionStartedOn);
        var stage = line.Stage ?? deal.Stage;
        if (stage < deal.Stage)
        {
            throw new LedgerRefusal("import.stageBehind", "stage", ProblemTexts.LedgerStageBehind.With(("id", deal.Id), ("onFile", Both(deal.Stage)), ("ledger", Both(stage))));
        }

        RequireDatesFit(line, stage);
        var now = clock.UtcNow;
        var before = write ? await reader.GetAsync(deal.Id, cancellationToken) : null;
        if (stage > deal.Stage)
        {
            if (stage < Stage.Signed)
            {
                Step("stage", () => deal.MoveTo(stage, clock.Today, null, null, caller.UserId, now));
            }

            if (deal.Stage < Stage.Signed && stage >= Stage.Signed)
            {
                Step("signedOn", () => deal.MoveTo(Stage.Signed, line.Dates.SignedOn ?? clock.Today, null, terms.ContractedInvestment, caller.UserId, now));
            }

            if (deal.Stage < Stage.Landed && stage == Stage.Landed)
            {
                Step("landedOn", () => deal.MoveTo(Stage.Landed, line.Dates.LandedOn ?? line.Dates.SignedOn ?? clock.Today, null, null, caller.UserId, now));
            }
        }

        await CheckAgainstOfficeStepsAsync(deal, line, cancellationToken);
        DateMilestones(deal, line, now);
        Step("contractedInvestment", () => deal.Revise(terms, clock.Today, now));
        if (deal.Version == loaded)
        {
            return new RowOutcome(line.Number, RowAction.Unchanged, deal.Id, null, []);
        }

        if (write)
        {
            var after = await reader.SaveAsync(deal, loaded, cancellationToken);
            changed.Add(new OtherChange("deal", deal.Id, ChangeKinds.Updated, after.Version, deal.Id, before, after));
        }

        return new RowOutcome(line.Number, RowAction.Update, deal.Id, null, []);
    }

    /// <summary>The names of what a row may name instead of an id, read once per import.</summary>
    private async Task<LedgerNames> NamesAsync(CancellationToken cancellationToken)
    {
        async Task<IReadOnlyDictionary<string, long[]>> ByName(string sql, Func<string, string>? key = null) =>
            (await session.QueryAsync<(long Id, string Name)>(sql, null, cancellationToken))
                .GroupBy(r => (key ?? (n => n.Trim()))(r.Name), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(r => r.Id).Order().ToArray(), StringComparer.Ordinal);
        return new LedgerNames
        {
            Parks = await ByName("SELECT id, name FROM parks"),
            Sectors = await ByName("SELECT id, name FROM sectors"),
            Users = await ByName("SELECT id, name FROM users"),
            Teams = await ByName("SELECT id, name FROM teams"),
            Companies = await ByName("SELECT id, name FROM companies WHERE merged_into_id IS NULL", CompanyNames.KeyOf),
            CreditCodes = (await session.QueryAsync<(long Id, string Code)>("SELECT id, credit_code FROM companies WHERE credit_code IS NOT NULL", null, cancellationToken))
                .ToDictionary(r => r.Code, r => r.Id, StringComparer.Ordinal),
        };
    }

    /// <summary>The row's fields checked as POST /deals checks a body, with the same texts.</summary>
    private async Task<List<RowError>> CheckAsync(CreateDeal fields, CancellationToken cancellationToken)
    {
        var failures = new List<RowError>();
        foreach (var validator in validators)
        {
            failures.AddRange((await validator.ValidateAsync(fields, cancellationToken)).Errors.Select(e => Ledger.ErrorOf(e.PropertyName, Http.ProblemHandler.Said(e))));
        }

        return failures;
    }

    /// <summary>
    /// 开工 and 投产 a row dates on a deal already on file are checked against its other milestones (供地, 入库 …) as
    /// POST /deals/{id}/milestones checks them: never before an earlier step's date nor after a later one's.
    /// </summary>
    private async Task CheckAgainstOfficeStepsAsync(Deal deal, LedgerLine line, CancellationToken cancellationToken)
    {
        var adds = new[]
        {
            ("constructionStartedOn", MilestoneStep.ConstructionStarted, deal.ConstructionStartedOn is null ? line.Dates.ConstructionStartedOn : null),
            ("productionStartedOn", MilestoneStep.ProductionStarted, deal.ProductionStartedOn is null ? line.Dates.ProductionStartedOn : null),
        };
        if (adds.All(a => a.Item3 is null))
        {
            return;
        }

        _steps ??= await steps.AllAsync(cancellationToken);
        var reached = (await milestones.ReachedAsync(deal, cancellationToken)).ToList();
        foreach (var (field, code, on) in adds)
        {
            if (on is { } day)
            {
                Step(field, () => MilestoneRules.Check(_steps, reached, code, day, deal.SignedOn));
                reached.Add(new ReachedMilestone(code, day));
            }
        }
    }

    /// <summary>开工 and 投产 from the row, for a landed deal that has not dated them yet.</summary>
    private static void DateMilestones(Deal deal, LedgerLine line, DateTimeOffset now)
    {
        if (line.Dates.ConstructionStartedOn is { } started && deal.ConstructionStartedOn is null)
        {
            Step("constructionStartedOn", () => deal.RecordMilestone(MilestoneKind.ConstructionStarted, started, now));
        }

        if (line.Dates.ProductionStartedOn is { } producing && deal.ProductionStartedOn is null)
        {
            Step("productionStartedOn", () => deal.RecordMilestone(MilestoneKind.ProductionStarted, producing, now));
        }
    }

    /// <summary>A date of a later stage on a row at an earlier one is refused, naming it, rather than dropped.</summary>
    private static void RequireDatesFit(LedgerLine line, Stage stage)
    {
        foreach (var (field, on, needs) in new[]
        {
            ("signedOn", line.Dates.SignedOn, Stage.Signed),
            ("landedOn", line.Dates.LandedOn, Stage.Landed),
            ("constructionStartedOn", line.Dates.ConstructionStartedOn, Stage.Landed),
            ("productionStartedOn", line.Dates.ProductionStartedOn, Stage.Landed),
        })
        {
            if (on is not null && stage < needs)
            {
                throw new LedgerRefusal("import.dateBeforeStage", field, ProblemTexts.LedgerDateNeedsStage.With(("field", field), ("stage", Both(stage))));
            }
        }
    }

    private static void RequireSameDate(Deal deal, string field, DateOnly? onFile, DateOnly? ledger)
    {
        if (ledger is not null && onFile is not null && ledger != onFile)
        {
            throw new LedgerRefusal("import.dateDiffers", field, ProblemTexts.LedgerDateDiffers.With(("id", deal.Id), ("field", field), ("onFile", $"{onFile:yyyy-MM-dd}"), ("ledger", $"{ledger:yyyy-MM-dd}")));
        }
    }

    /// <summary>Runs a step of the deal's history; a rule it breaks refuses the row on the ledger's column (the rule's own field when it names one).</summary>
    private static void Step(string field, Action step) => Step(field, () =>
    {
        step();
        return 0;
    });

    private static T Step<T>(string field, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (DomainException broken)
        {
            throw new LedgerRefusal(broken.Code, broken.Field is null or "on" or "kind" ? field : broken.Field, broken.Said);
        }
    }

    /// <summary>The row's cells as a deal's fields, names resolved to ids (an unknown or ambiguous name is an error on its column).</summary>
    private LedgerLine Read(LedgerRow cells, LedgerNames names)
    {
        var fields = new CreateDeal
        {
            Name = cells.Text("name"),
            ExternalRef = cells.Text("externalRef"),
            CompanyId = cells.Id("companyId") ?? names.Company(cells),
            ParkId = cells.Id("parkId") ?? names.Resolve(cells, "parkName", names.Parks),
            SectorId = cells.Id("sectorId") ?? names.Resolve(cells, "sectorName", names.Sectors),
            OwnerId = cells.Id("ownerId") ?? names.Resolve(cells, "ownerName", names.Users),
            TeamId = cells.Id("teamId") ?? names.Resolve(cells, "teamName", names.Teams),
            Source = cells.Enum<DealSource>("source", ProblemTexts.FieldOneValues.With(("field", "source"), ("values", string.Join(", ", Enum.GetValues<DealSource>().Select(v => Both(v)))))),
            SourceEventId = cells.Id("sourceEventId"),
            IsKeyProject = cells.Flag("isKeyProject"),
            Confidential = cells.Flag("confidential"),
            CodeName = cells.Text("codeName"),
            IntendedInvestment = cells.Amount("intendedInvestment"),
            Currency = cells.Text("currency"),
            ContractedInvestment = cells.Amount("contractedInvestment"),
            ExpectedAnnualOutput = cells.Amount("expectedAnnualOutput"),
            ExpectedAnnualTax = cells.Amount("expectedAnnualTax"),
            FixedAssetInvestment = cells.Amount("fixedAssetInvestment"),
            ExpectedJobs = cells.Integer("expectedJobs"),
            PlannedLandingOn = cells.Day("plannedLandingOn"),
            LandArea = cells.Amount("landArea"),
            OpenedOn = cells.Day("openedOn"),
        };
        var dates = new LedgerDates(fields.OpenedOn, cells.Day("signedOn"), cells.Day("landedOn"), cells.Day("constructionStartedOn"), cells.Day("productionStartedOn"));
        foreach (var (field, day) in new[] { ("signedOn", dates.SignedOn), ("landedOn", dates.LandedOn), ("constructionStartedOn", dates.ConstructionStartedOn), ("productionStartedOn", dates.ProductionStartedOn) })
        {
            if (day > clock.Today)
            {
                cells.Errors.Add(Ledger.ErrorOf(field, ProblemTexts.FieldCannotFutureDatesChinaStandard.With(("field", field))));
            }
        }

        return new LedgerLine(
            cells.Number,
            cells.Id("id"),
            fields,
            cells.Enum("stage", ProblemTexts.FieldOneValues.With(("field", "stage"), ("values", string.Join(", ", Enum.GetValues<Stage>().Select(v => Both(v))))), StageWords),
            cells.Enum<DealStatus>("status", ProblemTexts.FieldOneValues.With(("field", "status"), ("values", string.Join(", ", Enum.GetValues<DealStatus>().Select(v => Both(v)))))),
            cells.Enum<LostReason>("lostReason", ProblemTexts.FieldOneValues.With(("field", "lostReason"), ("values", string.Join(", ", Enum.GetValues<LostReason>().Select(v => Both(v)))))),
            cells.Day("statusOn"),
            dates,
            cells.Errors);
    }

    /// <summary>A stage or status as both languages read it: signed 签约.</summary>
    private static string Both<TEnum>(TEnum value)
        where TEnum : struct, Enum => $"{Names.Of(value)} {Labels.Zh(value)}";

    private sealed record LedgerDates(DateOnly? OpenedOn, DateOnly? SignedOn, DateOnly? LandedOn, DateOnly? ConstructionStartedOn, DateOnly? ProductionStartedOn);

    private sealed record LedgerLine(int Number, long? Id, CreateDeal Fields, Stage? Stage, DealStatus? Status, LostReason? LostReason, DateOnly? StatusOn, LedgerDates Dates, List<RowError> Errors);

    /// <summary>A row refused by a rule of the import's own (a date of history rewritten, a stage moved back), on a column.</summary>
    private sealed class LedgerRefusal(string code, string field, Message said) : Exception(said.English)
    {
        public string Code { get; } = code;

        public string Field { get; } = field;

        public Message Said { get; } = said;
    }
}

/// <summary>The names a ledger may give instead of ids (parks, sectors, officers, teams, companies), read once per import.</summary>
public sealed class LedgerNames
{
    public required IReadOnlyDictionary<string, long[]> Parks { get; init; }

    public required IReadOnlyDictionary<string, long[]> Sectors { get; init; }

    public required IReadOnlyDictionary<string, long[]> Users { get; init; }

    public required IReadOnlyDictionary<string, long[]> Teams { get; init; }

    public required IReadOnlyDictionary<string, long> CreditCodes { get; init; }

    /// <summary>Live companies by their name's key (<see cref="CompanyNames.KeyOf"/>), the oldest first.</summary>
    public required IReadOnlyDictionary<string, long[]> Companies { get; init; }

    /// <summary>The one id named by the row's <paramref name="column"/>; null (and an error on the column) for none or several.</summary>
    public long? Resolve(LedgerRow cells, string column, IReadOnlyDictionary<string, long[]> byName, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(byName);
        if ((name ?? cells.Text(column)) is not { } given)
        {
            return null;
        }

        var key = name is null ? given : CompanyNames.KeyOf(given);
        if (!byName.TryGetValue(key, out var ids))
        {
            cells.Errors.Add(Ledger.ErrorOf(column, ProblemTexts.NoSuchNamed.With(("column", column), ("name", given))));
            return null;
        }

        if (ids.Length > 1)
        {
            cells.Errors.Add(Ledger.ErrorOf(column, ProblemTexts.NamedSeveral.With(("column", column), ("name", given), ("ids", string.Join(", ", ids)))));
            return null;
        }

        return ids[0];
    }

    /// <summary>The company of a row without its id: by its credit code, else by its name as a company on file spells it.</summary>
    public long? Company(LedgerRow cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Text("creditCode") is { } code)
        {
            if (CreditCodes.TryGetValue(code.ToUpperInvariant(), out var id))
            {
                return id;
            }

            cells.Errors.Add(Ledger.ErrorOf("creditCode", ProblemTexts.NoSuchNamed.With(("column", "creditCode"), ("name", code))));
            return null;
        }

        return cells.Text("companyName") is { } name ? Resolve(cells, "companyName", Companies, name) : null;
    }
}

file static class LedgerAmounts
{
    public static long? ToMinor(this decimal? amount) => amount is { } value ? Money.ToMinor(value) : null;
}
