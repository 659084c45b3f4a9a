using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Features.Funds;
using DealPipeline.Api.Features.Letters;

namespace DealPipeline.Api.Features.Ledgers;

/// <summary>
/// What the ledgers of a deal's entries (letters, funds in place) share: the deal a row names, by its id (项目编号) or the office's ledger
/// number (台账编号), checked as the API checks it (404 for a deal the caller cannot see, 403 for one they cannot change); and the rule
/// that a row already on file (by its 编号, or the same entry: the same deal, day and amount or counterparty) is left unchanged, so that a
/// ledger imported twice records nothing twice.
/// </summary>
public sealed class LedgerDeals(DbSession session, DealReader reader)
{
    /// <summary>The deal the row names; null for none (or an error on the row's column for a number no live deal has).</summary>
    public async Task<long?> DealIdAsync(LedgerRow cells, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Id("dealId") is { } id)
        {
            return id;
        }

        if (cells.Text("externalRef") is not { } externalRef)
        {
            return null;
        }

        var found = await session.ExecuteScalarAsync<long?>("SELECT id FROM deals WHERE external_ref = @externalRef AND deleted_at IS NULL", new { externalRef }, cancellationToken);
        if (found is null)
        {
            cells.Errors.Add(Ledger.ErrorOf("externalRef", ProblemTexts.NoSuchNamed.With(("column", "externalRef"), ("name", externalRef))));
        }

        return found;
    }

    /// <summary>The deal as a change loads it: a 404 or 403 (as a <see cref="ProblemException"/>) when the caller may not change it.</summary>
    public Task<Deal> LoadAsync(long id, CancellationToken cancellationToken) => reader.LoadAsync(id, null, cancellationToken);

    /// <summary>The outcome of a row whose 编号 names an entry: unchanged if it is one of that deal's, refused otherwise.</summary>
    public async Task<RowOutcome> KnownAsync(int row, string table, long id, long? dealId, Message notOnDeal, CancellationToken cancellationToken)
    {
        var onFile = await session.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM {table} WHERE id = @id AND {(dealId is null ? "deal_id IS NULL" : "deal_id = @dealId")}", new { id, dealId }, cancellationToken);
        return onFile > 0
            ? new RowOutcome(row, RowAction.Unchanged, id, null, [])
            : Ledger.Refused(row, "import.unknownId", "id", notOnDeal);
    }

    /// <summary>The id of the same entry on file (<paramref name="where"/> over the row's values), or null.</summary>
    public Task<long?> SameAsync(string table, string where, object values, CancellationToken cancellationToken) =>
        session.ExecuteScalarAsync<long?>($"SELECT MIN(id) FROM {table} WHERE {where}", values, cancellationToken);
}

/// <summary>A letters ledger (三书台账): a signed 倡议书, 意向书 or 聘书 per row, checked as POST /letters checks one.</summary>
public sealed class LetterLedger(LedgerDeals deals, LetterStore letters, DbSession session, DealAccess access, IEnumerable<IValidator<CreateLetter>> validators, ICurrentUser caller) : ILedger
{
    public static readonly IReadOnlyList<LedgerColumn> Columns =
    [
        new("id", "编号", false),
        new("type", "类型", true, "文书类型"),
        new("signedOn", "签署日期", true, "签订日期"),
        new("counterparty", "签署方", true, "签约方", "对方单位"),
        new("dealId", "项目编号", false),
        new("externalRef", "台账编号", false),
        new("eventId", "活动编号", false),
    ];

    public ImportKind Kind => ImportKind.Letters;

    public string SheetName => "三书台账导入模板";

    IReadOnlyList<LedgerColumn> ILedger.Columns => Columns;

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ChoicesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<string>>>(new Dictionary<string, IReadOnlyList<string>> { ["type"] = Ledger.LabelsOf<LetterType>() });

    public async Task<(IReadOnlyList<RowOutcome> Outcomes, IReadOnlyList<OtherChange> Changed)> RunAsync(Sheet sheet, bool write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var at = Ledger.ColumnsOf(sheet, Columns);
        var outcomes = new List<RowOutcome>();
        var changed = new List<OtherChange>();
        var seen = new Dictionary<(LetterType?, DateOnly?, string, long?), int>();
        foreach (var row in Ledger.Readable(sheet, at, outcomes))
        {
            var cells = at.Read(row);
            var (id, dealId) = (cells.Id("id"), await deals.DealIdAsync(cells, cancellationToken));
            var letter = new CreateLetter(
                cells.Enum<LetterType>("type", ProblemTexts.TypeRequiredInitiativeIntentExpertAppointment.With()), cells.Day("signedOn"), cells.Text("counterparty"), dealId, cells.Id("eventId"));
            if (cells.Errors.Count == 0)
            {
                foreach (var validator in validators)
                {
                    cells.Errors.AddRange((await validator.ValidateAsync(letter, cancellationToken)).Errors.Select(e => Ledger.ErrorOf(e.PropertyName, Http.ProblemHandler.Said(e))));
                }
            }

            if (cells.Errors.Count > 0)
            {
                outcomes.Add(new RowOutcome(row.Number, RowAction.Refused, null, "validation", cells.Errors));
                continue;
            }

            try
            {
                await References.RequireAsync(session, "events", letter.EventId, "eventId", "event", cancellationToken);
                if (dealId is { } deal)
                {
                    await deals.LoadAsync(deal, cancellationToken);
                }
            }
            catch (ProblemException refused)
            {
                outcomes.Add(Ledger.Refused(row.Number, refused, dealId is null ? "eventId" : "dealId"));
                continue;
            }

            if (id is { } known)
            {
                outcomes.Add(await deals.KnownAsync(row.Number, "letters", known, dealId, ProblemTexts.EntryNotOnDeal.With(("id", known), ("dealId", dealId)), cancellationToken));
                continue;
            }

            var counterparty = letter.Counterparty!.Trim();
            if (!seen.TryAdd((letter.Type, letter.SignedOn, counterparty, letter.DealId), row.Number))
            {
                outcomes.Add(Ledger.Refused(row.Number, "import.duplicateRow", "counterparty", ProblemTexts.RowSameEntryAsRow.With(("row", seen[(letter.Type, letter.SignedOn, counterparty, letter.DealId)]))));
                continue;
            }

            if (await deals.SameAsync(
                    "letters",
                    $"type = @type AND signed_on = @SignedOn AND counterparty = @counterparty AND {(letter.DealId is null ? "deal_id IS NULL" : "deal_id = @DealId")}",
                    new { type = (int)letter.Type!.Value, letter.SignedOn, counterparty, letter.DealId },
                    cancellationToken) is { } same)
            {
                outcomes.Add(new RowOutcome(row.Number, RowAction.Unchanged, same, null, []));
                continue;
            }

            long? created = null;
            if (write)
            {
                var added = await letters.GetAsync(access, await letters.AddAsync(letter, caller.UserId, cancellationToken), cancellationToken);
                changed.Add(new OtherChange("letter", added.Id, ChangeKinds.Created, added.Version, added.DealId, null, added));
                created = added.Id;
            }

            outcomes.Add(new RowOutcome(row.Number, RowAction.Create, created, null, []));
        }

        return (outcomes, changed);
    }
}

/// <summary>A funds ledger (资金到位台账): an amount of a deal's investment in place per row, checked as POST /deals/{id}/funds checks one.</summary>
public sealed class FundsLedger(LedgerDeals deals, FundsStore funds, IEnumerable<IValidator<AddFundsInPlace>> validators, ICurrentUser caller) : ILedger
{
    public static readonly IReadOnlyList<LedgerColumn> Columns =
    [
        new("id", "编号", false),
        new("dealId", "项目编号", false),
        new("externalRef", "台账编号", false),
        new("on", "到位日期", true, "日期"),
        new("amount", "到位金额", true, "到位资金") { Money = true },
        new("note", "备注", false, "说明"),
    ];

    public ImportKind Kind => ImportKind.Funds;

    public string SheetName => "资金到位导入模板";

    IReadOnlyList<LedgerColumn> ILedger.Columns => Columns;

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ChoicesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<string>>>(new Dictionary<string, IReadOnlyList<string>>());

    public async Task<(IReadOnlyList<RowOutcome> Outcomes, IReadOnlyList<OtherChange> Changed)> RunAsync(Sheet sheet, bool write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var at = Ledger.ColumnsOf(sheet, Columns);
        var outcomes = new List<RowOutcome>();
        var changed = new List<OtherChange>();
        var seen = new Dictionary<(long, DateOnly?, decimal?), int>();
        foreach (var row in Ledger.Readable(sheet, at, outcomes))
        {
            var cells = at.Read(row);
            var (id, dealId) = (cells.Id("id"), await deals.DealIdAsync(cells, cancellationToken));
            var entry = new AddFundsInPlace(dealId ?? 0, cells.Day("on"), cells.Amount("amount"), cells.Text("note"));
            if (cells.Errors.Count == 0)
            {
                foreach (var validator in validators)
                {
                    cells.Errors.AddRange((await validator.ValidateAsync(entry, cancellationToken)).Errors.Select(e => Ledger.ErrorOf(e.PropertyName, Http.ProblemHandler.Said(e))));
                }

                if (dealId is null)
                {
                    cells.Errors.Add(Ledger.ErrorOf("dealId", ProblemTexts.FieldRequired.With(("field", "dealId"))));
                }
            }

            if (cells.Errors.Count > 0)
            {
                outcomes.Add(new RowOutcome(row.Number, RowAction.Refused, null, "validation", cells.Errors));
                continue;
            }

            try
            {
                (await deals.LoadAsync(entry.DealId, cancellationToken)).CheckFundsInPlace(entry.On!.Value);
            }
            catch (ProblemException refused)
            {
                outcomes.Add(Ledger.Refused(row.Number, refused, "dealId"));
                continue;
            }
            catch (DomainException broken)
            {
                outcomes.Add(Ledger.Refused(row.Number, broken.Code, broken.Field ?? "dealId", broken.Said));
                continue;
            }

            if (id is { } known)
            {
                outcomes.Add(await deals.KnownAsync(row.Number, "funds_in_place", known, entry.DealId, ProblemTexts.EntryNotOnDeal.With(("id", known), ("dealId", entry.DealId)), cancellationToken));
                continue;
            }

            if (!seen.TryAdd((entry.DealId, entry.On, entry.Amount), row.Number))
            {
                outcomes.Add(Ledger.Refused(row.Number, "import.duplicateRow", "amount", ProblemTexts.RowSameEntryAsRow.With(("row", seen[(entry.DealId, entry.On, entry.Amount)]))));
                continue;
            }

            if (await deals.SameAsync("funds_in_place", "deal_id = @DealId AND on_date = @On AND amount_minor = @amount", new { entry.DealId, entry.On, amount = Money.ToMinor(entry.Amount!.Value) }, cancellationToken) is { } same)
            {
                outcomes.Add(new RowOutcome(row.Number, RowAction.Unchanged, same, null, []));
                continue;
            }

            long? created = null;
            if (write)
            {
                var added = await funds.GetAsync(await funds.AddAsync(entry, caller.UserId, cancellationToken), cancellationToken);
                changed.Add(new OtherChange("fundsInPlace", added.Id, ChangeKinds.Created, null, added.DealId, null, added));
                created = added.Id;
            }

            outcomes.Add(new RowOutcome(row.Number, RowAction.Create, created, null, []));
        }

        return (outcomes, changed);
    }
}
