using DealPipeline.Api.Features.Activities;
using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;
using DealPipeline.Infrastructure;

namespace DealPipeline.Api.Features.Ledgers;

/// <summary>
/// An activities ledger (跟进记录): an activity per row on a deal the caller may change, checked as POST /deals/{id}/activities checks
/// one (the same 404 and 403 per row, the same texts). The activities export re-imports as it is: a row whose id is an activity on
/// file (of the same deal) is left unchanged, so a ledger exported, extended and imported again adds only its new rows.
/// </summary>
public sealed class ActivityLedger(DbSession session, DealReader deals, ActivityStore activities, DealRepository repository, IValidator<AddDealActivity> validator, ICurrentUser caller) : ILedger
{
    public ImportKind Kind => ImportKind.Activities;

    public string SheetName => "跟进记录导入模板";

    IReadOnlyList<LedgerColumn> ILedger.Columns => Columns;

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ChoicesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<string>>>(new Dictionary<string, IReadOnlyList<string>> { ["type"] = Ledger.LabelsOf<ActivityType>() });

    public static readonly IReadOnlyList<LedgerColumn> Columns =
    [
        new("id", "编号", false),
        new("dealId", "项目编号", true),
        new("type", "类型", true, "方式"),
        new("on", "日期", true),
        new("summary", "摘要", true, "内容"),
        new("nextStep", "下一步", false),
        new("nextStepDue", "下一步期限", false),
    ];

    public async Task<(IReadOnlyList<RowOutcome> Outcomes, IReadOnlyList<OtherChange> Changed)> RunAsync(Sheet sheet, bool write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var at = Ledger.ColumnsOf(sheet, Columns);
        var outcomes = new List<RowOutcome>();
        var changed = new List<OtherChange>();
        foreach (var row in Ledger.Readable(sheet, at, outcomes))
        {
            var cells = at.Read(row);
            var errors = cells.Errors;
            var (id, dealId, on, due) = (cells.Id("id"), cells.Id("dealId"), cells.Day("on"), cells.Day("nextStepDue"));
            var type = cells.Enum<ActivityType>("type", ProblemTexts.TypeRequiredCallMeetingVisitSiteVisit.With());
            var activity = new AddDealActivity(dealId ?? 0, type, on, at.Text(row, "summary"), at.Text(row, "nextStep"), due);
            if (errors.Count == 0)
            {
                var checkedRow = await validator.ValidateAsync(activity, cancellationToken);
                errors.AddRange(checkedRow.Errors.Select(e => Ledger.ErrorOf(e.PropertyName, Http.ProblemHandler.Said(e))));
                if (dealId is null)
                {
                    errors.Add(Ledger.ErrorOf("dealId", ProblemTexts.FieldRequired.With(("field", "dealId"))));
                }
            }

            if (errors.Count > 0)
            {
                outcomes.Add(new RowOutcome(row.Number, RowAction.Refused, null, "validation", errors));
                continue;
            }

            try
            {
                await deals.LoadAsync(activity.DealId, null, cancellationToken);
            }
            catch (ProblemException refused)
            {
                outcomes.Add(Ledger.Refused(row.Number, refused, "dealId"));
                continue;
            }

            if (id is { } known)
            {
                var onFile = await session.ExecuteScalarAsync<long?>("SELECT deal_id FROM activities WHERE id = @known", new { known }, cancellationToken);
                outcomes.Add(onFile == activity.DealId
                    ? new RowOutcome(row.Number, RowAction.Unchanged, known, null, [])
                    : Ledger.Refused(row.Number, "import.unknownId", "id", ProblemTexts.ActivityNotOnDeal.With(("id", known), ("dealId", activity.DealId))));
                continue;
            }

            long? created = null;
            if (write)
            {
                var added = await activities.AddAsync(activity, caller.UserId, cancellationToken);
                await repository.TouchAsync(activity.DealId, activity.On!.Value, cancellationToken);
                changed.Add(new OtherChange("activity", added.Id, ChangeKinds.Created, null, activity.DealId, null, added));
                created = added.Id;
            }

            outcomes.Add(new RowOutcome(row.Number, RowAction.Create, created, null, []));
        }

        return (outcomes, changed);
    }
}
