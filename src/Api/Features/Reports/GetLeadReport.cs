using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Reports;

/// <summary>
/// The leads of one source received in the period and where they are now: open (in the shared pool, in a team's queue, with an
/// officer; flagged among them), dropped, converted to a deal, and of those converted how many deals were signed and landed. Rates
/// are ratios rounded half away from zero to four decimals, null when their denominator is 0: conversion (converted / received),
/// signing (signed / converted), landing (landed / signed) and the whole way (landed / received).
/// </summary>
public sealed record LeadSourceFigures(
    LeadSource? Source,
    string Label,
    long Received,
    long Pool,
    long Queued,
    long Assigned,
    long Flagged,
    long Dropped,
    long Converted,
    long Signed,
    long Landed,
    decimal? ConversionRate,
    decimal? SigningRate,
    decimal? LandingRate,
    decimal? LeadToLanded);

/// <summary>Intake by source and the conversion lead → deal → signed → landed, over the leads received in the period.</summary>
public sealed record LeadReport(DateOnly From, DateOnly To, long? TeamId, IReadOnlyList<LeadSourceFigures> Sources, LeadSourceFigures Total);

/// <summary>The leads received from <c>from</c> to <c>to</c> (or in <c>year</c>), of one team when <c>teamId</c> is given.</summary>
public sealed record GetLeadReport(string? From = null, string? To = null, int? Year = null, long? TeamId = null) : IQuery<LeadReport>;

public sealed class GetLeadReportValidator : AbstractValidator<GetLeadReport>
{
    public GetLeadReportValidator()
    {
        RuleFor(x => x.From).Day();
        RuleFor(x => x.To).Day();
        RuleFor(x => x.TeamId).Id();
    }
}

public sealed class GetLeadReportHandler(DbSession session, DealAccess access, CallerLanguage language) : IRequestHandler<GetLeadReport, LeadReport>
{
    public async Task<LeadReport> Handle(GetLeadReport request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var period = ReportPeriod.Resolve(request.From, request.To, request.Year);
        var args = new Dapper.DynamicParameters();
        args.Add("from", period.From);
        args.Add("to", period.To);
        args.Add("teamId", request.TeamId);
        args.Add("flagged", (int)Escalation.Flagged);
        var where = new SqlWhere("l.received_on >= @from", "l.received_on <= @to", $"(l.deal_id IS NULL OR {access.VisibleSql(args)})")
            .When(request.TeamId is not null, "l.team_id = @teamId");

        // One row per (source, status, queued, flagged, signed, landed): the converted lead's deal counts as signed or landed once it
        // reached that stage and while it is not deleted. A lead converted to a deal the caller may not see is left out.
        var buckets = await session.QueryAsync<Bucket>(
            $"""
            SELECT x.source, x.status, x.queued, x.flagged, x.signed, x.landed, COUNT(*) AS leads FROM (
                SELECT l.source, l.status,
                       CASE WHEN l.owner_id IS NULL AND l.team_id IS NOT NULL THEN 1 ELSE 0 END AS queued,
                       CASE WHEN l.escalation = @flagged THEN 1 ELSE 0 END AS flagged,
                       CASE WHEN d.id IS NOT NULL AND d.deleted_at IS NULL AND d.signed_on IS NOT NULL THEN 1 ELSE 0 END AS signed,
                       CASE WHEN d.id IS NOT NULL AND d.deleted_at IS NULL AND d.landed_on IS NOT NULL THEN 1 ELSE 0 END AS landed
                FROM leads l LEFT JOIN deals d ON d.id = l.deal_id
                WHERE {where}
            ) x
            GROUP BY x.source, x.status, x.queued, x.flagged, x.signed, x.landed
            """,
            args,
            cancellationToken);
        var bySource = buckets.ToLookup(b => (LeadSource)b.Source);
        var english = language.English;
        var sources = Enum.GetValues<LeadSource>().Select(s => Figures(s, Labels.Of(s, english), bySource[s])).ToList();
        return new LeadReport(period.From, period.To, request.TeamId, sources, Figures(null, Labels.Total(english), bySource.SelectMany(g => g)));
    }

    private static LeadSourceFigures Figures(LeadSource? source, string label, IEnumerable<Bucket> buckets)
    {
        var rows = buckets.ToList();
        long Count(Func<Bucket, bool> which) => rows.Where(which).Sum(b => b.Leads);
        var open = (Func<Bucket, bool>)(b => (LeadStatus)b.Status is LeadStatus.Pool or LeadStatus.Assigned);
        var received = Count(_ => true);
        var converted = Count(b => (LeadStatus)b.Status == LeadStatus.Converted);
        var signed = Count(b => b.Signed == 1);
        var landed = Count(b => b.Landed == 1);
        return new LeadSourceFigures(
            source,
            label,
            received,
            Count(b => (LeadStatus)b.Status == LeadStatus.Pool && b.Queued == 0),
            Count(b => (LeadStatus)b.Status == LeadStatus.Pool && b.Queued == 1),
            Count(b => (LeadStatus)b.Status == LeadStatus.Assigned),
            Count(b => open(b) && b.Flagged == 1),
            Count(b => (LeadStatus)b.Status == LeadStatus.Dropped),
            converted,
            signed,
            landed,
            Ratio(converted, received),
            Ratio(signed, converted),
            Ratio(landed, signed),
            Ratio(landed, received));
    }

    private static decimal? Ratio(long part, long whole) => whole == 0 ? null : decimal.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);

    private sealed record Bucket
    {
        public int Source { get; init; }

        public int Status { get; init; }

        public int Queued { get; init; }

        public int Flagged { get; init; }

        public int Signed { get; init; }

        public int Landed { get; init; }

        public long Leads { get; init; }
    }
}
