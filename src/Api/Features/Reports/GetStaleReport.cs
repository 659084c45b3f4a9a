using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;

namespace DealPipeline.Api.Features.Reports;

/// <summary>
/// An idle deal. A confidential deal that the caller may not see is listed without its id and
/// company, under its code name (or 保密项目 / "Confidential project"): counted, never named.
/// </summary>
public sealed record StaleDeal(long? DealId, string Name, bool Confidential, long? CompanyId, long OwnerId, string OwnerName, long? TeamId, Stage Stage, DateOnly LastTouchOn, int IdleDays);

public sealed record StaleReport(int Days, DateOnly AsOf, IReadOnlyList<StaleDeal> Items, string? NextCursor);

/// <summary>
/// Active deals with no activity, stage change or status change for at least <see cref="Days"/>
/// days (China Standard Time), longest idle first: the rotting deals managers chase.
/// </summary>
public sealed record GetStaleReport : ReportFilterQuery, IQuery<StaleReport>, IFilteredReport
{
    public const int DefaultDays = 30;

    public int? Days { get; init; }

    public int? Limit { get; init; }

    public string? Cursor { get; init; }
}

public sealed class GetStaleReportValidator : AbstractValidator<GetStaleReport>
{
    public GetStaleReportValidator()
    {
        RuleFor(x => x.Days).InclusiveBetween(1, 3650);
        RuleFor(x => x.Limit ?? Http.Cursor.DefaultLimit).Limit().OverridePropertyName("limit");
    }
}

public sealed class GetStaleReportHandler(DbSession session, DealFilter dealFilter, DealAccess access, CallerLanguage language, IClock clock, Cursors cursors) : IRequestHandler<GetStaleReport, StaleReport>
{
    private const string Sort = "idle";
    private const string LastTouch = "(CASE WHEN d.last_activity_on IS NOT NULL AND d.last_activity_on > d.last_change_on THEN d.last_activity_on ELSE d.last_change_on END)";

    public async Task<StaleReport> Handle(GetStaleReport request, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var (days, limit) = (request.Days ?? GetStaleReport.DefaultDays, request.Limit ?? Http.Cursor.DefaultLimit);
        // Hidden deals stay in the list, without id, company or amount, under their code names (see below).
        var (where, args) = await dealFilter.WhereIncludingHiddenAsync(request.Filter, cancellationToken);
        // "+d.status": an index led by the status would be read a random row a deal (measured at 100,000 deals: 110 ms against 25 in row order).
        where.Append(CultureInfo.InvariantCulture, $" AND +d.status = {(int)DealStatus.Active} AND {LastTouch} <= @cutoff");
        args.Add("cutoff", today.AddDays(-days));
        args.Add("take", limit + 1);
        if (cursors.Read(request.Cursor, Sort) is { } cursor)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND ({LastTouch} > @afterTouch OR ({LastTouch} = @afterTouch AND d.id > @afterId))");
            args.Add("afterTouch", cursor.Day);
            args.Add("afterId", cursor.Id);
        }

        var sql = session.Dialect.Limit(
            $"SELECT d.id, d.name, d.code_name, d.confidential, d.company_id, d.owner_id, u.name AS owner_name, d.team_id, d.stage, {LastTouch} AS last_touch_on " +
            $"FROM deals d JOIN users u ON u.id = d.owner_id WHERE {where}",
            $"{LastTouch}, d.id");
        var rows = (await session.QueryAsync<Row>(sql, args, cancellationToken)).ToList();
        var page = cursors.Page(rows, limit, r => Cursor.AtDay(Sort, r.LastTouchOn, r.Id));
        var items = page.Items.Select(r =>
        {
            var visible = access.CanSee(r.Confidential, r.OwnerId, r.TeamId);
            return new StaleDeal(
                visible ? r.Id : null,
                visible ? r.Name : r.CodeName ?? (language.English ? "Confidential project" : "保密项目"),
                r.Confidential,
                visible ? r.CompanyId : null,
                r.OwnerId,
                r.OwnerName,
                r.TeamId,
                r.Stage,
                r.LastTouchOn,
                today.DayNumber - r.LastTouchOn.DayNumber);
        }).ToList();
        return new StaleReport(days, today, items, page.NextCursor);
    }

    private sealed record Row
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";

        public string? CodeName { get; init; }

        public bool Confidential { get; init; }

        public long CompanyId { get; init; }

        public long OwnerId { get; init; }

        public string OwnerName { get; init; } = "";

        public long? TeamId { get; init; }

        public Stage Stage { get; init; }

        public DateOnly LastTouchOn { get; init; }
    }
}
