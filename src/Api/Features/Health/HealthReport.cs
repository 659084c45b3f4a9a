using DealPipeline.Api.Features.Deadlines;
using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Features.Reports;

namespace DealPipeline.Api.Features.Health;

/// <summary>A rule a deal is flagged by: since the day its period ran out, and for how many days by the report's day.</summary>
public sealed record HealthFlag(long RuleId, string Rule, HealthRuleKind Kind, DateOnly Since, int Days);

/// <summary>
/// A flagged deal: its owner, team and stage dates, its funds in place (到位资金) up to the report's day in its own currency, and
/// fundsRate, those funds as a percentage of its contracted (else intended) investment, truncated to two decimals.
/// </summary>
public sealed record HealthDeal(
    long DealId, string Name, long OwnerId, string OwnerName, long? TeamId, long ParkId, Stage Stage, DealStatus Status, DateOnly SignedOn,
    DateOnly? ConstructionStartedOn, DateOnly? ProductionStartedOn, string Currency, decimal FundsInPlace, decimal FundsBase, decimal FundsRate, IReadOnlyList<HealthFlag> Flags);

public sealed record HealthRuleCount(long RuleId, string Name, HealthRuleKind Kind, bool Enabled, int Deals);

public sealed record HealthCount(long? Id, string? Name, int Deals);

/// <summary>The health check (项目体检) of the signed deals on a day: how many were checked and flagged, by rule, owner and team, and each flagged deal.</summary>
public sealed record HealthReport(DateOnly AsOf, int Checked, int Flagged, IReadOnlyList<HealthRuleCount> Rules, IReadOnlyList<HealthCount> ByOwner, IReadOnlyList<HealthCount> ByTeam, IReadOnlyList<HealthDeal> Items);

public sealed record GetHealthReport : ReportFilterQuery, IQuery<HealthReport>, IFilteredReport
{
    /// <summary>The day checked (YYYY-MM-DD, China Standard Time); today by default.</summary>
    public string? AsOf { get; init; }

    /// <summary>Only the deals this rule flags.</summary>
    public long? RuleId { get; init; }

    public DateOnly? AsOfDay => QueryValues.Date(AsOf, "asOf");
}

public sealed class GetHealthReportValidator : AbstractValidator<GetHealthReport>
{
    public GetHealthReportValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.AsOf).Day();
        RuleFor(x => x.RuleId).Id();
        RuleFor(x => x).AsOfNotInFuture(q => q.AsOfDay, clock);
    }
}

/// <summary>The deal's health-check flags today: each enabled rule it breaks, since when.</summary>
public sealed record GetDealHealth(long Id) : IQuery<DealHealth>;

public sealed record DealHealth(long DealId, DateOnly AsOf, IReadOnlyList<HealthFlag> Flags);

/// <summary>
/// Checks signed deals (signed or landed, active or on hold: a lost project is no longer being fulfilled) against the office's
/// rules on a day: each deal's funds in place up to that day, its milestones up to that day, and the office's calendar for
/// periods in working days.
/// </summary>
public sealed class HealthCheck(DbSession session, DealFilter filter, HealthRuleStore rules, CalendarStore calendars)
{
    public async Task<(IReadOnlyList<HealthRule> Rules, IReadOnlyList<(Candidate Deal, IReadOnlyList<HealthFlag> Flags)> Checked)> RunAsync(
        IDealFilter dealFilter, DateOnly asOf, long? dealId, CancellationToken cancellationToken)
    {
        var (where, args) = await filter.WhereAsync(dealFilter, includeDeleted: false, cancellationToken);
        SignedDeals.SignedBy(where, args, asOf);
        if (dealId is { } id)
        {
            where.Append(" AND d.id = @dealId");
            args.Add("dealId", id);
        }

        var deals = (await session.QueryAsync<Candidate>(
            $"SELECT {SignedDeals.Columns}, d.currency, d.contracted_minor, d.intended_minor, f.funds_minor, f.last_funds_on FROM {SignedDeals.From} " +
            "LEFT JOIN (SELECT deal_id, CAST(SUM(amount_minor) AS BIGINT) AS funds_minor, MAX(on_date) AS last_funds_on FROM funds_in_place WHERE on_date <= @asOf GROUP BY deal_id) f ON f.deal_id = d.id " +
            $"WHERE {where} ORDER BY d.id",
            args,
            cancellationToken)).ToList();
        var all = await rules.AllAsync(cancellationToken);
        var earliest = deals.Count == 0 ? asOf : deals.Min(d => d.SignedOn);
        var calendar = await calendars.WorkCalendarAsync(earliest, asOf, cancellationToken);
        var result = deals.Select(d =>
        {
            var facts = d.Facts(asOf);
            IReadOnlyList<HealthFlag> flags = [.. all.Select(r => (Rule: r, Since: r.FlaggedSince(facts, asOf, calendar)))
                .Where(x => x.Since is not null)
                .Select(x => new HealthFlag(x.Rule.Id, x.Rule.Name, x.Rule.Kind, x.Since!.Value, asOf.DayNumber - x.Since.Value.DayNumber))];
            return (d, flags);
        }).ToList();
        return (all, result);
    }

    /// <summary>A signed deal with its amounts and its funds in place up to the day checked.</summary>
    public sealed record Candidate : SignedDealRow
    {
        public string Currency { get; init; } = "";

        public long? ContractedMinor { get; init; }

        public long IntendedMinor { get; init; }

        public long? FundsMinor { get; init; }

        public DateOnly? LastFundsOn { get; init; }

        public HealthFacts Facts(DateOnly asOf) => new(
            SignedOn,
            ConstructionStartedOn <= asOf ? ConstructionStartedOn : null,
            ProductionStartedOn <= asOf ? ProductionStartedOn : null,
            LastFundsOn,
            FundsMinor ?? 0,
            ContractedMinor,
            IntendedMinor);
    }
}

public sealed class HealthQueries(HealthCheck check, DealReader reader, IClock clock) : IRequestHandler<GetHealthReport, HealthReport>, IRequestHandler<GetDealHealth, DealHealth>
{
    public async Task<HealthReport> Handle(GetHealthReport request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asOf = request.AsOfDay ?? clock.Today;
        var (rules, deals) = await check.RunAsync(request.Filter, asOf, null, cancellationToken);
        if (request.RuleId is { } ruleId && rules.All(r => r.Id != ruleId))
        {
            throw ProblemException.Invalid("ruleId", ProblemTexts.NoSuch.With(("what", "health rule"), ("id", ruleId)));
        }

        var flagged = deals.Where(d => d.Flags.Count > 0 && (request.RuleId is null || d.Flags.Any(f => f.RuleId == request.RuleId))).ToList();
        var items = flagged.Select(x =>
        {
            var (d, flags) = x;
            var facts = d.Facts(asOf);
            var rate = facts.BaseMinor == 0 ? 0m : decimal.Truncate(facts.FundsMinor * 10_000m / facts.BaseMinor) / 100m;
            return new HealthDeal(
                d.Id, d.Name, d.OwnerId, d.OwnerName, d.TeamId, d.ParkId, d.Stage, d.Status, d.SignedOn, facts.ConstructionStartedOn, facts.ProductionStartedOn, d.Currency,
                Money.FromMinor(facts.FundsMinor), Money.FromMinor(facts.BaseMinor), rate, flags);
        }).ToList();
        return new HealthReport(
            asOf,
            deals.Count,
            items.Count,
            [.. rules.Select(r => new HealthRuleCount(r.Id, r.Name, r.Kind, r.Enabled, deals.Count(d => d.Flags.Any(f => f.RuleId == r.Id))))],
            [.. items.GroupBy(i => (i.OwnerId, i.OwnerName)).Select(g => new HealthCount(g.Key.OwnerId, g.Key.OwnerName, g.Count())).OrderByDescending(c => c.Deals).ThenBy(c => c.Id)],
            [.. flagged.GroupBy(x => (x.Deal.TeamId, x.Deal.TeamName)).Select(g => new HealthCount(g.Key.TeamId, g.Key.TeamName, g.Count())).OrderByDescending(c => c.Deals).ThenBy(c => c.Id)],
            items);
    }

    public async Task<DealHealth> Handle(GetDealHealth request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await reader.GetAsync(request.Id, cancellationToken); // 404 for a deal the caller may not see
        var asOf = clock.Today;
        var (_, deals) = await check.RunAsync(ReportFilter.None, asOf, request.Id, cancellationToken);
        return new DealHealth(request.Id, asOf, deals.SingleOrDefault().Flags ?? []);
    }
}
