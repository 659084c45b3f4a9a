using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Features.FxRates;
using DealPipeline.Api.Features.Reports;

namespace DealPipeline.Api.Features.Counting;

/// <summary>The rule set a figure was counted by: its id, name and the version in force.</summary>
public sealed record CountedBy(long Id, string Name, int Version);

/// <summary>A deal counted as attracted (引进成功): the day it met the last requirement, and its investment (contracted, else intended), own and CNY.</summary>
public sealed record CountedDeal(long DealId, string Name, long OwnerId, long? TeamId, long ParkId, DateOnly SignedOn, DateOnly CountedOn, string Currency, decimal Investment, decimal InvestmentCny);

/// <summary>A deal signed within the window that does not count: excluded (reason), or still missing requirements by the period's end.</summary>
public sealed record UncountedDeal(long DealId, string Name, DateOnly SignedOn, CountingExclusion? Excluded, IReadOnlyList<string> Missing);

/// <summary>
/// The projects a rule set counts as attracted in a period: how many and their CNY investment, each deal counted, and the deals signed
/// within the window that it does not count, with why.
/// </summary>
public sealed record CountedReport(DateOnly From, DateOnly To, CountedBy CountedBy, int Count, decimal Investment, IReadOnlyList<CountedDeal> Items, IReadOnlyList<UncountedDeal> NotCounted);

public sealed record GetCountedReport : PeriodReportQuery, IQuery<CountedReport>, IFilteredReport
{
    /// <summary>The rule set to count by; the office's first enabled one by default.</summary>
    public long? CountingRulesId { get; init; }
}

public sealed class GetCountedReportValidator : AbstractValidator<GetCountedReport>
{
    public GetCountedReportValidator() => RuleFor(x => x.CountingRulesId).Id();
}

/// <summary>The deal's standing under the office's counting rules today: counted on a day, excluded (why), or what it still needs.</summary>
public sealed record DealCounting(long DealId, CountedBy CountedBy, DateOnly AsOf, DateOnly? CountedOn, CountingExclusion? Excluded, IReadOnlyList<string> Missing);

public sealed record GetDealCounting(long Id) : IQuery<DealCounting>;

/// <summary>
/// Evaluates signed deals under a rule set as they stood at the end of a day: funds in place and 开工 up to it, the investment
/// (contracted, else intended) in CNY at the rates in force then, the company's credit code, the deal's ledger number.
/// </summary>
public sealed class CountingCheck(DbSession session, DealFilter filter, FxRateStore fxRates)
{
    public async Task<IReadOnlyList<(Candidate Deal, decimal InvestmentCny, CountingOutcome Outcome)>> RunAsync(
        CountingRules rules, IDealFilter dealFilter, DateOnly signedFrom, DateOnly through, long? dealId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var (where, args) = await filter.WhereAsync(dealFilter, includeDeleted: false, cancellationToken);
        where.Append(CultureInfo.InvariantCulture, $" AND d.signed_on IS NOT NULL AND d.signed_on >= @signedFrom AND d.signed_on <= @through AND d.stage >= {(int)Stage.Signed}");
        args.Add("signedFrom", signedFrom);
        args.Add("through", through);
        if (dealId is { } id)
        {
            where.Append(" AND d.id = @dealId");
            args.Add("dealId", id);
        }

        var deals = (await session.QueryAsync<Candidate>(
            "SELECT d.id, d.name, d.owner_id, d.team_id, d.park_id, d.status, d.signed_on, d.construction_started_on, d.currency, d.contracted_minor, d.intended_minor, " +
            "d.prior_kind, d.external_ref, c.credit_code, s.path AS sector_path, f.first_funds_on " +
            "FROM deals d JOIN companies c ON c.id = d.company_id JOIN sectors s ON s.id = d.sector_id " +
            "LEFT JOIN (SELECT deal_id, MIN(on_date) AS first_funds_on FROM funds_in_place WHERE on_date <= @through GROUP BY deal_id) f ON f.deal_id = d.id " +
            $"WHERE {where} ORDER BY d.id",
            args,
            cancellationToken)).ToList();
        var excludedPaths = rules.ExcludedSectorIds.Count == 0 ? [] : (await session.QueryAsync<string>(
            $"SELECT path FROM sectors WHERE {session.Dialect.InList("id", "ids")}", new { ids = rules.ExcludedSectorIds.ToArray() }, cancellationToken)).ToList();
        var rates = await fxRates.InForceAsync(through, cancellationToken);
        return [.. deals.Select(d =>
        {
            var cny = rates.ToCny(d.Currency, d.ContractedMinor ?? d.IntendedMinor);
            var facts = new CountingFacts(
                d.SignedOn,
                d.Status == DealStatus.Lost,
                (long)cny,
                excludedPaths.Any(p => d.SectorPath.StartsWith(p, StringComparison.Ordinal)),
                d.PriorKind,
                !string.IsNullOrWhiteSpace(d.CreditCode),
                !string.IsNullOrWhiteSpace(d.ExternalRef),
                d.FirstFundsOn,
                d.ConstructionStartedOn <= through ? d.ConstructionStartedOn : null);
            return (d, Money.FromMinor(cny), rules.Evaluate(facts));
        })];
    }

    public sealed record Candidate
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";

        public long OwnerId { get; init; }

        public long? TeamId { get; init; }

        public long ParkId { get; init; }

        public DealStatus Status { get; init; }

        public DateOnly SignedOn { get; init; }

        public DateOnly? ConstructionStartedOn { get; init; }

        public string Currency { get; init; } = "";

        public long? ContractedMinor { get; init; }

        public long IntendedMinor { get; init; }

        public PriorKind? PriorKind { get; init; }

        public string? ExternalRef { get; init; }

        public string? CreditCode { get; init; }

        public string SectorPath { get; init; } = "";

        public DateOnly? FirstFundsOn { get; init; }
    }
}

public sealed class CountingQueries(CountingCheck check, CountingRuleStore store, DealReader reader, IClock clock)
    : IRequestHandler<GetCountedReport, CountedReport>, IRequestHandler<GetDealCounting, DealCounting>
{
    public async Task<CountedReport> Handle(GetCountedReport request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (from, to) = (request.Period.From, request.Period.To);
        var rules = (await store.InForceAsync(request.CountingRulesId, cancellationToken)).ToRules();
        // A deal counted in the period met its last requirement in it, within the window after its signing: signed no earlier than that.
        var evaluated = await check.RunAsync(rules, request.Filter, from.AddMonths(-rules.WindowMonths), to, null, cancellationToken);
        var counted = evaluated.Where(e => e.Outcome.CountedOn is { } on && on >= from && on <= to).ToList();
        return new CountedReport(
            from,
            to,
            new CountedBy(rules.Id, rules.Name, rules.Version),
            counted.Count,
            counted.Sum(e => e.InvestmentCny),
            [.. counted.Select(e => new CountedDeal(
                e.Deal.Id, e.Deal.Name, e.Deal.OwnerId, e.Deal.TeamId, e.Deal.ParkId, e.Deal.SignedOn, e.Outcome.CountedOn!.Value, e.Deal.Currency.Trim(),
                Money.FromMinor(e.Deal.ContractedMinor ?? e.Deal.IntendedMinor), e.InvestmentCny))],
            [.. evaluated.Where(e => e.Outcome.CountedOn is null).Select(e => new UncountedDeal(e.Deal.Id, e.Deal.Name, e.Deal.SignedOn, e.Outcome.Excluded, [.. e.Outcome.Missing.Select(Names.Of)]))]);
    }

    public async Task<DealCounting> Handle(GetDealCounting request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var deal = await reader.GetAsync(request.Id, cancellationToken);
        var rules = (await store.InForceAsync(null, cancellationToken)).ToRules();
        var today = clock.Today;
        var by = new CountedBy(rules.Id, rules.Name, rules.Version);
        if (deal.SignedOn is null || deal.Stage < Stage.Signed)
        {
            return new DealCounting(deal.Id, by, today, null, null, [Names.Of(CountingRequirement.Contract)]);
        }

        var outcome = (await check.RunAsync(rules, ReportFilter.None, deal.SignedOn.Value, today, deal.Id, cancellationToken)).Single().Outcome;
        return new DealCounting(deal.Id, by, today, outcome.CountedOn, outcome.Excluded, [.. outcome.Missing.Select(Names.Of)]);
    }
}
