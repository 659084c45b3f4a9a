using DealPipeline.Api.Features.Deals;

namespace DealPipeline.Api.Features.Reports;

/// <summary>A deal one of the performance figures counts: the day it counts on, and its amounts in its own currency.</summary>
public sealed record PerformanceDeal(long DealId, string Name, DateOnly On, long OwnerId, long? TeamId, long ParkId, string Currency, decimal IntendedInvestment, decimal? ContractedInvestment);

/// <summary>The deals behind one figure of the performance report, for the same period and filters: as many as the figure counts.</summary>
public sealed record PerformanceDeals(DateOnly From, DateOnly To, string Figure, int Count, IReadOnlyList<PerformanceDeal> Items);

public sealed record GetPerformanceDeals : PeriodReportQuery, IQuery<PerformanceDeals>, IFilteredReport
{
    public static readonly string[] Figures = ["newDeals", "signed", "landed", "lost", "constructionStarted", "productionStarted", "fundsInPlace"];

    /// <summary>Which figure: newDeals, signed, landed, lost, constructionStarted, productionStarted or fundsInPlace.</summary>
    public string? Figure { get; init; }
}

public sealed class GetPerformanceDealsValidator : AbstractValidator<GetPerformanceDeals>
{
    public GetPerformanceDealsValidator() =>
        RuleFor(x => x.Figure).Must(f => f is not null && GetPerformanceDeals.Figures.Contains(f))
            .WithMessage(ProblemTexts.FieldOneValues.With(("field", "figure"), ("values", string.Join(", ", GetPerformanceDeals.Figures))));
}

/// <summary>Each figure's deals by the very condition the performance report counts them with (<see cref="PerformanceFigures"/>).</summary>
public sealed class GetPerformanceDealsHandler(DbSession session, DealFilter dealFilter) : IRequestHandler<GetPerformanceDeals, PerformanceDeals>
{
    public async Task<PerformanceDeals> Handle(GetPerformanceDeals request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (from, to) = (request.Period.From, request.Period.To);
        var (where, args) = await dealFilter.WhereAsync(request.Filter, false, cancellationToken);
        args.Add("from", from);
        args.Add("to", to);
        args.Add("lost", (int)DealStatus.Lost);
        var (on, condition) = request.Figure switch
        {
            "newDeals" => ("d.opened_on", "d.opened_on >= @from AND d.opened_on <= @to"),
            "signed" => ("d.signed_on", "d.status <> @lost AND d.signed_on >= @from AND d.signed_on <= @to"),
            "landed" => ("d.landed_on", "d.status <> @lost AND d.landed_on >= @from AND d.landed_on <= @to"),
            "lost" => (
                $"(SELECT MIN(h.on_date) FROM deal_history h WHERE h.deal_id = d.id AND h.kind = {(int)HistoryKind.Status} AND h.to_value = @lost AND h.on_date >= @from AND h.on_date <= @to)",
                $"EXISTS (SELECT 1 FROM deal_history h WHERE h.deal_id = d.id AND h.kind = {(int)HistoryKind.Status} AND h.to_value = @lost AND h.on_date >= @from AND h.on_date <= @to)"),
            "constructionStarted" => ("d.construction_started_on", "d.construction_started_on >= @from AND d.construction_started_on <= @to"),
            "productionStarted" => ("d.production_started_on", "d.production_started_on >= @from AND d.production_started_on <= @to"),
            _ => (
                "(SELECT MIN(f.on_date) FROM funds_in_place f WHERE f.deal_id = d.id AND f.on_date >= @from AND f.on_date <= @to)",
                "EXISTS (SELECT 1 FROM funds_in_place f WHERE f.deal_id = d.id AND f.on_date >= @from AND f.on_date <= @to)"),
        };
        var rows = (await session.QueryAsync<Row>(
            $"SELECT d.id AS deal_id, d.name, {on} AS on_date, d.owner_id, d.team_id, d.park_id, d.currency, d.intended_minor, d.contracted_minor FROM deals d WHERE {where} AND {condition} ORDER BY on_date, d.id",
            args,
            cancellationToken)).ToList();
        return new PerformanceDeals(
            from,
            to,
            request.Figure!,
            rows.Count,
            [.. rows.Select(r => new PerformanceDeal(r.DealId, r.Name, r.OnDate, r.OwnerId, r.TeamId, r.ParkId, r.Currency.Trim(), Money.FromMinor(r.IntendedMinor), r.ContractedMinor is { } c ? Money.FromMinor(c) : null))]);
    }

    private sealed record Row
    {
        public long DealId { get; init; }

        public string Name { get; init; } = "";

        public DateOnly OnDate { get; init; }

        public long OwnerId { get; init; }

        public long? TeamId { get; init; }

        public long ParkId { get; init; }

        public string Currency { get; init; } = "";

        public long IntendedMinor { get; init; }

        public long? ContractedMinor { get; init; }
    }
}
