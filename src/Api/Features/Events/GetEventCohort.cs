using DealPipeline.Api.Features.FxRates;
using DealPipeline.Api.Features.Reports;

namespace DealPipeline.Api.Features.Events;

/// <summary>
/// A deal of an event's cohort: signed at (from) the event, with its stage dates up to the cohort's day and its funds in place. counted is
/// false for the same project signed again (priorKind resigning) when its earlier deal came from an event: it counts for that first
/// signing event only. countedInvestment is what the cohort adds up: none for an upgrade, the increment over the earlier deal for a
/// capital increase, the contracted (else intended) investment otherwise, in CNY at the cohort day's rates.
/// </summary>
public sealed record CohortDeal(
    long DealId, string Name, DealStatus Status, DateOnly SignedOn, DateOnly? LandedOn, DateOnly? ConstructionStartedOn, DateOnly? ProductionStartedOn, string Currency,
    decimal ContractedInvestment, decimal FundsInPlace, PriorKind? PriorKind, long? PriorDealId, bool Counted, decimal CountedInvestment);

/// <summary>
/// An event's cohort (签约项目) re-measured on a day, as fairs report their editions years later: the deals signed from the event, and of
/// them how many landed (履约率), started construction (开工率) and production (投产率), and the funds in place against the contracted
/// investment (到位率), in CNY.
/// </summary>
public sealed record EventCohort(
    long? EventId, string? Name, DateOnly? StartsOn, DateOnly AsOf, string Currency, long Signed, decimal ContractedInvestment, long Landed, long ConstructionStarted,
    long ProductionStarted, decimal FundsInPlace, PublishedRate FulfilmentRate, PublishedRate ConstructionRate, PublishedRate ProductionRate, PublishedRate FundsRate,
    IReadOnlyList<CohortDeal> Deals);

/// <summary>A series of events (a fair's editions): each edition's cohort, and the series' total (each deal counts once: for the one event it came from).</summary>
public sealed record EventCohortSeries(DateOnly AsOf, IReadOnlyList<EventCohort> Editions, EventCohort Total);

/// <summary>Reads cohorts: rates cut as the office publishes them (Reports:RateRounding, Reports:RateDecimals) unless the request says.</summary>
public abstract record CohortQuery
{
    /// <summary>The day re-measured (YYYY-MM-DD, China Standard Time); today by default.</summary>
    public string? AsOf { get; init; }

    /// <summary>round or truncate; the office's Reports:RateRounding by default.</summary>
    public string? Rounding { get; init; }

    public DateOnly? AsOfDay => QueryValues.Date(AsOf, "asOf");
}

public sealed record GetEventCohort : CohortQuery, IQuery<EventCohort>
{
    [Microsoft.AspNetCore.Mvc.FromRoute]
    public long Id { get; init; }
}

public sealed record GetEventCohorts : CohortQuery, IQuery<EventCohortSeries>
{
    /// <summary>The editions, comma-separated event ids (at most 50).</summary>
    public string? EventIds { get; init; }

    public IReadOnlyList<long>? Ids =>
        EventIds?.Split(',').Select(p => long.TryParse(p.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : 0).ToList() is { Count: > 0 and <= 50 } ids && ids.All(i => i > 0)
            ? ids.Distinct().ToList()
            : null;
}

public sealed class CohortQueryValidator : AbstractValidator<CohortQuery>
{
    public CohortQueryValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.AsOf).Day();
        RuleFor(x => x.Rounding).Must(r => r is null || Names.TryParse<RateRounding>(r, out _)).WithMessage(ProblemTexts.FieldOneValues.With(("field", "rounding"), ("values", "round, truncate")));
        RuleFor(x => x).AsOfNotInFuture(q => q.AsOfDay, clock);
    }
}

public sealed class GetEventCohortsValidator : AbstractValidator<GetEventCohorts>
{
    public GetEventCohortsValidator()
    {
        RuleFor(x => x.EventIds).Must((q, _) => q.Ids is not null).WithMessage(ProblemTexts.EventIdsList.With());
    }
}

public sealed class EventCohortHandlers(EventStore events, DbSession session, FxRateStore fxRates, DealAccess access, IClock clock, IOptions<ReportOptions> options)
    : IRequestHandler<GetEventCohort, EventCohort>, IRequestHandler<GetEventCohorts, EventCohortSeries>
{
    public async Task<EventCohort> Handle(GetEventCohort request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var evt = await events.GetAsync(request.Id, cancellationToken);
        var asOf = request.AsOfDay ?? clock.Today;
        return Figures(evt, asOf, await DealsAsync([evt.Id], asOf, cancellationToken), request);
    }

    public async Task<EventCohortSeries> Handle(GetEventCohorts request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asOf = request.AsOfDay ?? clock.Today;
        var editions = new List<EventResponse>();
        foreach (var id in request.Ids!)
        {
            editions.Add(await events.GetAsync(id, cancellationToken));
        }

        var deals = await DealsAsync([.. editions.Select(e => e.Id)], asOf, cancellationToken);
        return new EventCohortSeries(
            asOf,
            [.. editions.OrderBy(e => e.StartsOn).ThenBy(e => e.Id).Select(e => Figures(e, asOf, [.. deals.Where(d => d.EventId == e.Id)], request))],
            Figures(null, asOf, deals, request));
    }

    /// <summary>The deals signed from these events by the day (lost ones too: a signing not fulfilled counts against the rates), as the caller may see them.</summary>
    private async Task<List<Row>> DealsAsync(IReadOnlyList<long> eventIds, DateOnly asOf, CancellationToken cancellationToken)
    {
        var args = new Dapper.DynamicParameters(new { asOf, events = eventIds });
        var rows = (await session.QueryAsync<Row>(
            "SELECT d.id, d.name, d.source_event_id AS event_id, d.status, d.signed_on, d.landed_on, d.construction_started_on, d.production_started_on, d.currency, " +
            "d.contracted_minor, d.intended_minor, (SELECT CAST(SUM(f.amount_minor) AS BIGINT) FROM funds_in_place f WHERE f.deal_id = d.id AND f.on_date <= @asOf) AS funds_minor, " +
            "d.prior_deal_id, d.prior_kind, p.source_event_id AS prior_event_id, p.currency AS prior_currency, COALESCE(p.contracted_minor, p.intended_minor) AS prior_minor " +
            $"FROM deals d LEFT JOIN deals p ON p.id = d.prior_deal_id WHERE {session.Dialect.InList("d.source_event_id", "events")} AND d.deleted_at IS NULL AND d.signed_on IS NOT NULL AND d.signed_on <= @asOf AND {access.VisibleSql(args)} ORDER BY d.id",
            args,
            cancellationToken)).ToList();
        var rates = await fxRates.InForceAsync(asOf, cancellationToken);
        foreach (var row in rows)
        {
            var own = rates.ToCny(row.Currency, row.ContractedMinor ?? row.IntendedMinor);
            row.Counted = !(row.PriorKind == PriorKind.Resigning && row.PriorEventId is not null);
            row.ContractedCny = !row.Counted ? 0 : row.PriorKind switch
            {
                PriorKind.Upgrade => 0,
                PriorKind.CapitalIncrease => Math.Max(0, own - rates.ToCny(row.PriorCurrency ?? row.Currency, row.PriorMinor ?? 0)),
                _ => own,
            };
            row.FundsCny = row.Counted ? rates.ToCny(row.Currency, row.FundsMinor ?? 0) : 0;
        }

        return rows;
    }

    private EventCohort Figures(EventResponse? evt, DateOnly asOf, List<Row> deals, CohortQuery query)
    {
        var rounding = query.Rounding is { } r && Names.TryParse<RateRounding>(r, out var asked) ? asked : options.Value.RateRounding;
        var decimals = options.Value.RateDecimals;
        var counted = deals.Where(d => d.Counted).ToList();
        long Reached(Func<Row, DateOnly?> on) => counted.Count(d => on(d) is { } day && day <= asOf);
        var (signed, landed, started, producing) = (counted.Count, Reached(d => d.LandedOn), Reached(d => d.ConstructionStartedOn), Reached(d => d.ProductionStartedOn));
        var contracted = deals.Sum(d => d.ContractedCny); // fen
        var funds = deals.Sum(d => d.FundsCny);
        return new EventCohort(
            evt?.Id,
            evt?.Name,
            evt?.StartsOn,
            asOf,
            RateTable.Cny,
            signed,
            contracted / 100m,
            landed,
            started,
            producing,
            funds / 100m,
            PublishedRate.Of(landed, signed, rounding, decimals),
            PublishedRate.Of(started, signed, rounding, decimals),
            PublishedRate.Of(producing, signed, rounding, decimals),
            PublishedRate.Of(funds, contracted, rounding, decimals),
            [.. deals.Select(d => new CohortDeal(
                d.Id, d.Name, d.Status, d.SignedOn, d.LandedOn <= asOf ? d.LandedOn : null, d.ConstructionStartedOn <= asOf ? d.ConstructionStartedOn : null,
                d.ProductionStartedOn <= asOf ? d.ProductionStartedOn : null, d.Currency, Money.FromMinor(d.ContractedMinor ?? d.IntendedMinor), Money.FromMinor(d.FundsMinor ?? 0),
                d.PriorKind, d.PriorDealId, d.Counted, d.ContractedCny / 100m))]);
    }

    private sealed record Row
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";

        public long EventId { get; init; }

        public DealStatus Status { get; init; }

        public DateOnly SignedOn { get; init; }

        public DateOnly? LandedOn { get; init; }

        public DateOnly? ConstructionStartedOn { get; init; }

        public DateOnly? ProductionStartedOn { get; init; }

        public string Currency { get; init; } = "";

        public long? ContractedMinor { get; init; }

        public long IntendedMinor { get; init; }

        public long? FundsMinor { get; init; }

        public long? PriorDealId { get; init; }

        public PriorKind? PriorKind { get; init; }

        public long? PriorEventId { get; init; }

        public string? PriorCurrency { get; init; }

        public long? PriorMinor { get; init; }

        public bool Counted { get; set; }

        /// <summary>What the cohort adds up for the deal, in CNY fen (see <see cref="CohortDeal"/>).</summary>
        public decimal ContractedCny { get; set; }

        public decimal FundsCny { get; set; }
    }
}
