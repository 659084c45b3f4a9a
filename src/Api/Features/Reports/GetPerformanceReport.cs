using System.Text;
using Dapper;
using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Features.FxRates;
using DealPipeline.Api.Features.Targets;

namespace DealPipeline.Api.Features.Reports;

public sealed record CountAndInvestment(long Count, long Companies, decimal IntendedInvestment, decimal ContractedInvestment);


public sealed record LetterTotals(long Total, long Initiative, long Intent, long ExpertAppointment);

public sealed record EventTotals(long Total, long Promotion, long Forum, long OutboundTrip, long Exhibition, long Webinar, long Other);

public sealed record Negotiation(long Count, long KeyProjects, decimal IntendedInvestment);

/// <summary>
/// A target, what was achieved against it, the completion ratio (完成率; null when the target is 0), and the pace against the
/// time elapsed (序时进度: completion / timeElapsed; 1 or more is on schedule; null when either is missing or no time has elapsed).
/// </summary>
public sealed record TargetProgress(decimal Target, decimal Actual, decimal? Completion, decimal? Pace);

/// <summary>
/// Progress against the year's targets, and the share of the year elapsed (序时进度) through <see cref="ElapsedThrough"/>, the report's
/// end or today, whichever is earlier: in calendar days and in working days on the office's calendar.
/// </summary>
public sealed record TargetsProgress(
    int Year,
    long? ParkId,
    long? TeamId,
    TargetProgress? SignedCount,
    TargetProgress? LandedCount,
    TargetProgress? SignedInvestment,
    TargetProgress? LandedInvestment,
    DateOnly ElapsedThrough,
    decimal TimeElapsed,
    decimal WorkingTimeElapsed);

/// <summary>A period's figures, as managers report them monthly; see the endpoint's description for each definition.</summary>
public sealed record PerformanceReport(
    DateOnly From,
    DateOnly To,
    string Currency,
    long NewDeals,
    LetterTotals Letters,
    CountAndInvestment Signed,
    CountAndInvestment Landed,
    CountOnly Lost,
    CountOnly ConstructionStarted,
    CountOnly ProductionStarted,
    EventTotals Events,
    long SiteVisits,
    Negotiation InNegotiation,
    decimal ExpectedAnnualTax,
    FundsInPlace FundsInPlace,
    TargetsProgress? Targets);

public sealed record CountOnly(long Count);

/// <summary>Funds in place (到位资金) in CNY: the deals that received funds in the period, what they received then, and everything received up to the period's end.</summary>
public sealed record FundsInPlace(long Deals, decimal InPeriod, decimal ToDate);

public sealed record GetPerformanceReport : PeriodReportQuery, IQuery<PerformanceReport>, IFilteredReport;

public sealed class GetPerformanceReportHandler(PerformanceFigures figures) : IRequestHandler<GetPerformanceReport, PerformanceReport>
{
    public Task<PerformanceReport> Handle(GetPerformanceReport request, CancellationToken cancellationToken) =>
        figures.ComputeAsync(request.Period, request.Filter, cancellationToken);
}

/// <summary>A period's performance figures under the report filters: one report, and each row of the series.</summary>
public sealed class PerformanceFigures(DbSession session, FxRateStore fxRates, DealFilter dealFilter, DealAccess access, TargetStore targets, Deadlines.CalendarStore calendars, IClock clock)
{
    public async Task<PerformanceReport> ComputeAsync(ReportPeriod period, ReportFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(filter);
        var (from, to) = (period.From, period.To);
        var (where, args) = await dealFilter.WhereAsync(filter, false, cancellationToken);
        args.Add("from", from);
        args.Add("to", to);
        args.Add("lost", (int)DealStatus.Lost);
        var rates = await fxRates.InForceAsync(to, cancellationToken);

        var newDeals = await session.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM deals d WHERE {where} AND d.opened_on >= @from AND d.opened_on <= @to", args, cancellationToken);
        var signed = await MilestoneAsync("signed_on", where, args, rates, cancellationToken);
        var landed = await MilestoneAsync("landed_on", where, args, rates, cancellationToken);
        var lost = await session.ExecuteScalarAsync<long>(
            $"SELECT COUNT(DISTINCT h.deal_id) FROM deal_history h JOIN deals d ON d.id = h.deal_id WHERE {where} AND h.kind = {(int)HistoryKind.Status} AND h.to_value = @lost AND h.on_date >= @from AND h.on_date <= @to",
            args,
            cancellationToken);
        var construction = await session.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM deals d WHERE {where} AND d.construction_started_on >= @from AND d.construction_started_on <= @to", args, cancellationToken);
        var production = await session.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM deals d WHERE {where} AND d.production_started_on >= @from AND d.production_started_on <= @to", args, cancellationToken);
        args.Add("siteVisit", (int)ActivityType.SiteVisit);
        var siteVisits = await session.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM activities a JOIN deals d ON d.id = a.deal_id WHERE {where} AND a.type = @siteVisit AND a.on_date >= @from AND a.on_date <= @to",
            args,
            cancellationToken);

        // Letters: with no deal filter every letter of the period counts (an expert's appointment has no deal)
        // but those of deals hidden from the caller; with one, the letters of the matching deals.
        var letterSql = !filter.IsEmpty
            ? $"SELECT l.type AS kind, COUNT(*) AS total FROM letters l JOIN deals d ON d.id = l.deal_id WHERE {where} AND l.signed_on >= @from AND l.signed_on <= @to GROUP BY l.type"
            : "SELECT l.type AS kind, COUNT(*) AS total FROM letters l LEFT JOIN deals d ON d.id = l.deal_id " +
              $"WHERE (l.deal_id IS NULL OR {access.VisibleSql(args)}) AND l.signed_on >= @from AND l.signed_on <= @to GROUP BY l.type";
        var letters = (await session.QueryAsync<ByKind>(letterSql, args, cancellationToken)).ToDictionary(r => r.Kind, r => r.Total);

        // Events belong to a park at most: only the park filter applies to them.
        var events = (await session.QueryAsync<ByKind>(
            $"SELECT type AS kind, COUNT(*) AS total FROM events WHERE {new SqlWhere("starts_on >= @from", "starts_on <= @to").When(filter.ParkId is not null, "park_id = @eventPark")} GROUP BY type",
            new { from, to, eventPark = filter.ParkId },
            cancellationToken)).ToDictionary(r => r.Kind, r => r.Total);

        var funds = await FundsAsync(where, args, rates, cancellationToken);
        var (negotiation, tax) = await AsOfAsync(where, args, to, clock.Today, rates, cancellationToken);
        var targets = await TargetsAsync(period, filter, signed, landed, cancellationToken);
        long Letter(LetterType t) => letters.GetValueOrDefault((int)t);
        long Event(EventType t) => events.GetValueOrDefault((int)t);
        return new PerformanceReport(
            from,
            to,
            RateTable.Cny,
            newDeals,
            new LetterTotals(letters.Values.Sum(), Letter(LetterType.Initiative), Letter(LetterType.Intent), Letter(LetterType.ExpertAppointment)),
            signed,
            landed,
            new CountOnly(lost),
            new CountOnly(construction),
            new CountOnly(production),
            new EventTotals(events.Values.Sum(), Event(EventType.Promotion), Event(EventType.Forum), Event(EventType.OutboundTrip), Event(EventType.Exhibition), Event(EventType.Webinar), Event(EventType.Other)),
            siteVisits,
            negotiation,
            tax,
            funds,
            targets);
    }

    /// <summary>Deals (not lost) whose signing or landing date falls in the period: count, distinct companies, CNY sums.</summary>
    private async Task<CountAndInvestment> MilestoneAsync(string column, StringBuilder where, DynamicParameters args, RateTable rates, CancellationToken cancellationToken)
    {
        // Sums per currency, then the distinct companies: two passes over the covering index on the date (migration 0032);
        // one grouped by (currency, company) would hand a row per company to the service.
        var condition = $"{where} AND d.status <> @lost AND d.{column} >= @from AND d.{column} <= @to";
        var rows = (await session.QueryAsync<Sums>(
            $"SELECT d.currency, COUNT(*) AS deals, {ExactSum.Of("d.intended_minor", "intended")}, {ExactSum.Of("COALESCE(d.contracted_minor, 0)", "contracted")} " +
            $"FROM deals d WHERE {condition} GROUP BY d.currency",
            args,
            cancellationToken)).ToList();
        var companies = rows.Count == 0 ? 0 : await session.ExecuteScalarAsync<long>($"SELECT COUNT(DISTINCT d.company_id) FROM deals d WHERE {condition}", args, cancellationToken);
        return new CountAndInvestment(
            rows.Sum(r => r.Deals),
            companies,
            Money.FromMinor(rows.Sum(r => rates.ToCny(r.Currency, r.Intended))),
            Money.FromMinor(rows.Sum(r => rates.ToCny(r.Currency, r.Contracted))));
    }

    /// <summary>
    /// Funds in place of the matching deals (lost ones included: money that arrived stays arrived),
    /// dated up to the period's end; each currency's sum converted at the rates in force then.
    /// </summary>
    private async Task<FundsInPlace> FundsAsync(StringBuilder where, DynamicParameters args, RateTable rates, CancellationToken cancellationToken)
    {
        // Summed per deal first (over the covering index on deal_id), then joined to the deals that match: one lookup a deal,
        // not one a record. A deal with funds in the period has a positive sum in it.
        var rows = (await session.QueryAsync<FundsRow>(
            $"SELECT d.currency, SUM(CASE WHEN p.in_period > 0 THEN 1 ELSE 0 END) AS deals, {ExactSum.Of("p.in_period", "in_period")}, {ExactSum.Of("p.to_date", "to_date")} " +
            "FROM (SELECT f.deal_id, CAST(SUM(CASE WHEN f.on_date >= @from THEN f.amount_minor ELSE 0 END) AS BIGINT) AS in_period, " +
            "CAST(SUM(f.amount_minor) AS BIGINT) AS to_date FROM funds_in_place f WHERE f.on_date <= @to GROUP BY f.deal_id) p " +
            $"JOIN deals d ON d.id = p.deal_id WHERE {where} GROUP BY d.currency",
            args,
            cancellationToken)).ToList();
        return new FundsInPlace(
            rows.Sum(r => r.Deals),
            Money.FromMinor(rows.Sum(r => rates.ToCny(r.Currency.Trim(), r.InPeriod))),
            Money.FromMinor(rows.Sum(r => rates.ToCny(r.Currency.Trim(), r.ToDate))));
    }

    /// <summary>Reserve projects (active, in negotiation or letters) and the expected annual tax of active deals, at the end of <paramref name="day"/>.</summary>
    private async Task<(Negotiation, decimal)> AsOfAsync(StringBuilder where, DynamicParameters args, DateOnly day, DateOnly today, RateTable rates, CancellationToken cancellationToken)
    {
        args.Add("keyProject", true);
        var state = DealStateSource.At(day, today, args);

        // Today grouped in the order of ix_deals_by_stage, which covers every column read here.
        var sql = $"SELECT {state.Stage} AS stage, d.currency, SUM(CASE WHEN d.is_key_project = @keyProject THEN 1 ELSE 0 END) AS key_projects, COUNT(*) AS deals, " +
                  $"{ExactSum.Of("d.intended_minor", "intended")}, {ExactSum.Of("COALESCE(d.expected_tax_minor, 0)", "tax")} " +
                  $"FROM {state.From} WHERE {state.Where(where.ToString(), $"{state.Status} = {(int)DealStatus.Active}")} GROUP BY {state.Stage}, d.currency";

        var rows = (await session.QueryAsync<StateRow>(sql, args, cancellationToken)).ToList();
        var negotiating = rows.Where(r => r.Stage is (int)Stage.Negotiation or (int)Stage.Letters).ToList();
        var negotiation = new Negotiation(
            negotiating.Sum(r => r.Deals),
            negotiating.Sum(r => r.KeyProjects),
            Money.FromMinor(negotiating.GroupBy(r => r.Currency).Sum(g => rates.ToCny(g.Key, g.Sum(r => r.Intended)))));
        var tax = Money.FromMinor(rows.GroupBy(r => r.Currency).Sum(g => rates.ToCny(g.Key, g.Sum(r => r.Tax))));
        return (negotiation, tax);
    }

    /// <summary>
    /// Progress against the year's targets when the period lies in one calendar year and the
    /// report is for the office, one park or one team (no other filter).
    /// </summary>
    private async Task<TargetsProgress?> TargetsAsync(ReportPeriod period, ReportFilter filter, CountAndInvestment signed, CountAndInvestment landed, CancellationToken cancellationToken)
    {
        var (from, to) = (period.From, period.To);
        if (from.Year != to.Year || filter != ReportFilter.None with { ParkId = filter.ParkId, TeamId = filter.TeamId } || (filter.ParkId is not null && filter.TeamId is not null))
        {
            return null;
        }

        var target = await targets.FindAsync(from.Year, filter.ParkId, filter.TeamId, cancellationToken);
        if (target is null)
        {
            return null;
        }

        // 序时进度: the share of the target's year gone by the report's end (or today, if earlier), in days and in working days.
        var (start, end) = (new DateOnly(from.Year, 1, 1), new DateOnly(from.Year, 12, 31));
        var through = to < clock.Today ? to : clock.Today;
        var calendar = await calendars.WorkCalendarAsync(start, end, cancellationToken);
        static decimal Ratio(int part, int whole) => whole == 0 ? 0 : decimal.Round((decimal)Math.Clamp(part, 0, whole) / whole, 4, MidpointRounding.AwayFromZero);
        var elapsed = Ratio(through.DayNumber - start.DayNumber + 1, end.DayNumber - start.DayNumber + 1);
        var working = Ratio(calendar.WorkingDaysBetween(start.AddDays(-1), through), calendar.WorkingDaysBetween(start.AddDays(-1), end));

        TargetProgress? Progress(decimal? goal, decimal actual)
        {
            if (goal is null)
            {
                return null;
            }

            decimal? completion = goal == 0 ? null : decimal.Round(actual / goal.Value, 4, MidpointRounding.AwayFromZero);
            return new TargetProgress(goal.Value, actual, completion, completion is { } c && elapsed > 0 ? decimal.Round(c / elapsed, 4, MidpointRounding.AwayFromZero) : null);
        }

        return new TargetsProgress(
            target.Year,
            filter.ParkId,
            filter.TeamId,
            Progress(target.SignedCount, signed.Count),
            Progress(target.LandedCount, landed.Count),
            Progress(Money.FromMinor(target.SignedMinor), signed.IntendedInvestment),
            Progress(Money.FromMinor(target.LandedMinor), landed.IntendedInvestment),
            through < start ? start.AddDays(-1) : through,
            elapsed,
            working);
    }

    private sealed record Sums
    {
        public string Currency { get; init; } = "";

        public long Deals { get; init; }

        public long IntendedHi { get; init; }

        public long IntendedLo { get; init; }

        public long ContractedHi { get; init; }

        public long ContractedLo { get; init; }

        public decimal Intended => ExactSum.Combine(IntendedHi, IntendedLo);

        public decimal Contracted => ExactSum.Combine(ContractedHi, ContractedLo);
    }

    private sealed record FundsRow
    {
        public string Currency { get; init; } = "";

        public long Deals { get; init; }

        public long InPeriodHi { get; init; }

        public long InPeriodLo { get; init; }

        public long ToDateHi { get; init; }

        public long ToDateLo { get; init; }

        public decimal InPeriod => ExactSum.Combine(InPeriodHi, InPeriodLo);

        public decimal ToDate => ExactSum.Combine(ToDateHi, ToDateLo);
    }

    private sealed record StateRow
    {
        public string Currency { get; init; } = "";

        public long Stage { get; init; }

        public long KeyProjects { get; init; }

        public long Deals { get; init; }

        public long IntendedHi { get; init; }

        public long IntendedLo { get; init; }

        public long TaxHi { get; init; }

        public long TaxLo { get; init; }

        public decimal Intended => ExactSum.Combine(IntendedHi, IntendedLo);

        public decimal Tax => ExactSum.Combine(TaxHi, TaxLo);
    }

    private sealed record ByKind
    {
        public int Kind { get; init; }

        public long Total { get; init; }
    }
}
