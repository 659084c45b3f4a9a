using DealPipeline.Api.Features.FxRates;

namespace DealPipeline.Api.Features.Events;

/// <summary>The letters signed at an event (or with its deals), in all and by type: 倡议书, 意向书, 聘书.</summary>
public sealed record LetterCounts(long Total, long Initiative, long Intent, long ExpertAppointment);

/// <summary>An event's yield, as the E-Town Boao article reports one: see <see cref="EventsModule"/> for each figure's definition.</summary>
public sealed record EventReport(
    long EventId,
    int? VisitorsReceived,
    long CompaniesEngaged,
    long Deals,
    decimal IntendedInvestment,
    long PlannedToLand,
    LetterCounts Letters,
    long SiteVisits,
    int PlannedWithinYears,
    string Currency);

public sealed record GetEventReport(long Id, int PlannedWithinYears) : IQuery<EventReport>;

public sealed class GetEventReportValidator : AbstractValidator<GetEventReport>
{
    public GetEventReportValidator()
    {
        RuleFor(x => x.PlannedWithinYears).InclusiveBetween(0, 50);
    }
}

public sealed class GetEventReportHandler(EventStore events, DbSession session, FxRateStore fxRates, DealAccess access) : IRequestHandler<GetEventReport, EventReport>
{
    public async Task<EventReport> Handle(GetEventReport request, CancellationToken cancellationToken)
    {
        var evt = await events.GetAsync(request.Id, cancellationToken);
        var args = new Dapper.DynamicParameters(new { id = evt.Id, horizon = evt.StartsOn.AddYears(request.PlannedWithinYears), start = evt.StartsOn, siteVisit = (int)ActivityType.SiteVisit });

        // The event's live deals that count: not lost, not deleted, and visible to the caller.
        var eventDeals = $"d.source_event_id = @id AND d.deleted_at IS NULL AND d.status <> {(int)DealStatus.Lost} AND {access.VisibleSql(args)}";
        var byCurrency = (await session.QueryAsync<CurrencyRow>(
            $"SELECT d.currency, COUNT(*) AS deals, {ExactSum.Of("d.intended_minor", "intended")}, " +
            "SUM(CASE WHEN d.planned_landing_on IS NOT NULL AND d.planned_landing_on <= @horizon THEN 1 ELSE 0 END) AS planned " +
            $"FROM deals d WHERE {eventDeals} GROUP BY d.currency",
            args,
            cancellationToken)).ToList();
        var companies = await session.ExecuteScalarAsync<long>($"SELECT COUNT(DISTINCT d.company_id) FROM deals d WHERE {eventDeals}", args, cancellationToken);
        var siteVisits = await session.ExecuteScalarAsync<long>(
            $"SELECT COUNT(DISTINCT d.company_id) FROM deals d WHERE {eventDeals} " +
            "AND EXISTS (SELECT 1 FROM activities a WHERE a.deal_id = d.id AND a.type = @siteVisit AND a.on_date >= @start)",
            args,
            cancellationToken);
        var letters = (await session.QueryAsync<LetterRow>("SELECT type, COUNT(*) AS letters FROM letters WHERE event_id = @id GROUP BY type", args, cancellationToken))
            .ToDictionary(r => (LetterType)r.Type, r => r.Letters);

        var rates = await fxRates.InForceAsync(evt.StartsOn, cancellationToken);
        var intended = byCurrency.Sum(r => rates.ToCny(r.Currency, r.Intended));
        return new EventReport(
            evt.Id,
            evt.VisitorsReceived,
            companies,
            byCurrency.Sum(r => r.Deals),
            Money.FromMinor(intended),
            byCurrency.Sum(r => r.Planned),
            new LetterCounts(
                letters.Values.Sum(),
                letters.GetValueOrDefault(LetterType.Initiative),
                letters.GetValueOrDefault(LetterType.Intent),
                letters.GetValueOrDefault(LetterType.ExpertAppointment)),
            siteVisits,
            request.PlannedWithinYears,
            RateTable.Cny);
    }

    private sealed record CurrencyRow
    {
        public string Currency { get; init; } = "";

        public long Deals { get; init; }

        public long IntendedHi { get; init; }

        public long IntendedLo { get; init; }

        public decimal Intended => ExactSum.Combine(IntendedHi, IntendedLo);

        public long Planned { get; init; }
    }

    private sealed record LetterRow
    {
        public int Type { get; init; }

        public long Letters { get; init; }
    }
}
