using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Features.Reports;

namespace DealPipeline.Api.Features.Milestones;

/// <summary>The <c>Milestones</c> configuration: the office's named stuck lists (三未, 六未), each steps in the office's order.</summary>
public sealed class MilestoneOptions
{
    public const string Section = "Milestones";

    /// <summary>
    /// A list's deals wait at the step after the last of its steps they reached (else its first), since that milestone (else
    /// their signing): 三未 is 签约未开工, 开工未投产, 投产未达产.
    /// </summary>
    public Dictionary<string, string[]> Lists { get; init; } = new(StringComparer.Ordinal)
    {
        ["三未"] = [MilestoneStep.ConstructionStarted, MilestoneStep.ProductionStarted, MilestoneStep.FullProduction],
        ["六未"] = ["landSupplied", "projectFiled", "energyReviewed", "environmentApproved", MilestoneStep.ConstructionStarted, MilestoneStep.ProductionStarted],
    };
}

/// <summary>Days between milestones over the deals that reached a step: how many, their mean (one decimal), median and longest.</summary>
public sealed record LeadTime(int Count, decimal? MeanDays, decimal? MedianDays, int? MaxDays)
{
    public static LeadTime Of(IReadOnlyCollection<int> days)
    {
        if (days.Count == 0)
        {
            return new LeadTime(0, null, null, null);
        }

        var sorted = days.Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
        return new LeadTime(sorted.Count, decimal.Round((decimal)sorted.Sum(d => (long)d) / sorted.Count, 1, MidpointRounding.AwayFromZero), median, sorted[^1]);
    }
}

/// <summary>
/// One step of the list: how many checked deals reached it by the day, how many wait at it (未X, at least minDays), and the lead
/// times to it from the list's previous milestone the deal reached (else its signing) and from signing.
/// </summary>
public sealed record StepFigures(
    string Code, string Name, string? NameEn, int Position, bool Required, string WaitingLabel, int Reached, int Waiting, LeadTime FromPrevious, LeadTime FromSigning);

/// <summary>A deal waiting at a step: since its previous milestone of the list (else its signing), for days by the report's day.</summary>
public sealed record WaitingDeal(
    long DealId, string Name, long OwnerId, string OwnerName, long? TeamId, string? TeamName, long ParkId, Stage Stage, DealStatus Status, DateOnly SignedOn,
    string Step, string StepName, DateOnly Since, int Days);

/// <summary>The milestones report (项目全周期): the signed deals checked on a day, each step's figures, and the deals waiting.</summary>
public sealed record MilestoneReport(DateOnly AsOf, string? List, int Checked, IReadOnlyList<StepFigures> Steps, IReadOnlyList<WaitingDeal> Items);

public sealed record GetMilestoneReport : ReportFilterQuery, IQuery<MilestoneReport>, IFilteredReport
{
    /// <summary>The day reported (YYYY-MM-DD, China Standard Time); today by default.</summary>
    public string? AsOf { get; init; }

    /// <summary>A named list of the office's configuration (三未, 六未).</summary>
    public string? List { get; init; }

    /// <summary>Step codes, comma-separated, in any order: a list of the caller's own.</summary>
    public string? Steps { get; init; }

    /// <summary>Only the deals waiting at this step.</summary>
    public string? Step { get; init; }

    /// <summary>Only deals waiting at least this many days.</summary>
    public int? MinDays { get; init; }

    public DateOnly? AsOfDay => QueryValues.Date(AsOf, "asOf");
}

public sealed class GetMilestoneReportValidator : AbstractValidator<GetMilestoneReport>
{
    public GetMilestoneReportValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.AsOf).Day();
        RuleFor(x => x.MinDays).InclusiveBetween(0, 36_500);
        RuleFor(x => x.Steps).Empty().When(x => x.List is not null).WithMessage(RuleTexts.MilestoneListOrSteps.With());
        RuleFor(x => x).AsOfNotInFuture(q => q.AsOfDay, clock);
    }
}

public sealed class GetMilestoneReportHandler(DbSession session, DealFilter filter, MilestoneStepStore stepStore, DealMilestoneStore milestones, IClock clock, IOptions<MilestoneOptions> options)
    : IRequestHandler<GetMilestoneReport, MilestoneReport>
{
    public async Task<MilestoneReport> Handle(GetMilestoneReport request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asOf = request.AsOfDay ?? clock.Today;
        var enabled = (await stepStore.AllAsync(cancellationToken)).Where(s => s.Enabled).ToList();
        var steps = Listed(request, enabled);
        if (request.Step is { } only && steps.All(s => s.Code != only))
        {
            throw ProblemException.Invalid("step", RuleTexts.MilestoneStepNotListed.With(("step", only)));
        }

        var (where, args) = await filter.WhereAsync(request.Filter, includeDeleted: false, cancellationToken);
        SignedDeals.SignedBy(where, args, asOf);
        var deals = (await session.QueryAsync<SignedDealRow>(
            $"SELECT {SignedDeals.Columns} FROM {SignedDeals.From} WHERE {where} ORDER BY d.id",
            args,
            cancellationToken)).ToList();
        var rows = await milestones.OfDealsAsync(where.ToString(), args, asOf, cancellationToken);
        var checkedDeals = deals.Select(d => (Deal: d, Reached: DealMilestoneStore.Reached(rows[d.Id], d.ConstructionStartedOn, d.ProductionStartedOn, asOf))).ToList();

        var waiting = checkedDeals
            .Select(x => (x.Deal, At: MilestoneRules.WaitingAt(steps, x.Reached, x.Deal.SignedOn)))
            .Where(x => x.At is not null && asOf.DayNumber - x.At.Value.Since.DayNumber >= (request.MinDays ?? 0))
            .Select(x => new WaitingDeal(
                x.Deal.Id, x.Deal.Name, x.Deal.OwnerId, x.Deal.OwnerName, x.Deal.TeamId, x.Deal.TeamName, x.Deal.ParkId, x.Deal.Stage, x.Deal.Status, x.Deal.SignedOn,
                x.At!.Value.Step.Code, x.At.Value.Step.Name, x.At.Value.Since, asOf.DayNumber - x.At.Value.Since.DayNumber))
            .ToList();
        var figures = steps.Select(s =>
        {
            var reached = checkedDeals.Where(x => x.Reached.Any(r => r.Code == s.Code)).ToList();
            return new StepFigures(
                s.Code,
                s.Name,
                s.NameEn,
                s.Position,
                s.Required,
                "未" + s.Name,
                reached.Count,
                waiting.Count(w => w.Step == s.Code),
                LeadTime.Of([.. reached.Select(x => MilestoneRules.DaysFromPrevious(steps, x.Reached, s, x.Deal.SignedOn)!.Value)]),
                LeadTime.Of([.. reached.Select(x => x.Reached.First(r => r.Code == s.Code).On.DayNumber - x.Deal.SignedOn.DayNumber)]));
        }).ToList();
        return new MilestoneReport(asOf, request.List ?? (request.Steps is null ? null : string.Join(',', steps.Select(s => s.Code))), deals.Count, figures, [.. waiting.Where(w => request.Step is null || w.Step == request.Step).OrderByDescending(w => w.Days).ThenBy(w => w.DealId)]);
    }

    /// <summary>The steps reported: a named list's, the caller's own (steps=), else every enabled step; each in the office's order.</summary>
    private List<MilestoneStep> Listed(GetMilestoneReport request, List<MilestoneStep> enabled)
    {
        string[]? codes = null;
        if (request.List is { } name)
        {
            codes = options.Value.Lists.TryGetValue(name, out var listed)
                ? listed
                : throw ProblemException.Invalid("list", RuleTexts.MilestoneListUnknown.With(("list", name), ("lists", string.Join(", ", options.Value.Lists.Keys))));
        }
        else if (request.Steps is { } given)
        {
            codes = given.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }

        if (codes is null)
        {
            return enabled;
        }

        var field = request.List is null ? "steps" : "list";
        if (codes.Length == 0)
        {
            throw ProblemException.Invalid(field, RuleTexts.MilestoneStepUnknown.With(("kind", "")));
        }

        foreach (var code in codes)
        {
            if (enabled.All(s => s.Code != code))
            {
                throw ProblemException.Invalid(field, RuleTexts.MilestoneStepUnknown.With(("kind", code)));
            }
        }

        return [.. enabled.Where(s => codes.Contains(s.Code, StringComparer.Ordinal))];
    }
}

/// <summary>One kind of need (要素保障) over the deals: how many needs and deals, and the quantities asked, approved, awaiting decision and refused.</summary>
public sealed record NeedFigures(NeedKind Kind, string Unit, int Needs, int Deals, decimal Requested, decimal Approved, decimal Pending, decimal Refused);

public sealed record NeedsReport(DateOnly AsOf, IReadOnlyList<NeedFigures> Kinds);

public sealed record GetNeedsReport : ReportFilterQuery, IQuery<NeedsReport>, IFilteredReport
{
    /// <summary>The day reported (YYYY-MM-DD, China Standard Time); today by default.</summary>
    public string? AsOf { get; init; }

    public DateOnly? AsOfDay => QueryValues.Date(AsOf, "asOf");
}

public sealed class GetNeedsReportValidator : AbstractValidator<GetNeedsReport>
{
    public GetNeedsReportValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.AsOf).Day();
        RuleFor(x => x).AsOfNotInFuture(q => q.AsOfDay, clock);
    }
}

public sealed class GetNeedsReportHandler(DealFilter filter, DealNeedStore needs, IClock clock) : IRequestHandler<GetNeedsReport, NeedsReport>
{
    public async Task<NeedsReport> Handle(GetNeedsReport request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asOf = request.AsOfDay ?? clock.Today;
        var (where, args) = await filter.WhereAsync(request.Filter, includeDeleted: false, cancellationToken);
        var all = await needs.AsOfAsync(where.ToString(), args, asOf, cancellationToken);
        return new NeedsReport(asOf, [.. Enum.GetValues<NeedKind>().Select(kind =>
        {
            var of = all.Where(n => n.Kind == kind).ToList();
            return new NeedFigures(
                kind,
                Needs.UnitOf(kind),
                of.Count,
                of.Select(n => n.DealId).Distinct().Count(),
                of.Sum(n => n.Quantity),
                of.Sum(n => n.ApprovedQuantity ?? 0m),
                of.Where(n => n.State == NeedState.Requested).Sum(n => n.Quantity),
                of.Where(n => n.State == NeedState.Refused).Sum(n => n.Quantity));
        })]);
    }
}
