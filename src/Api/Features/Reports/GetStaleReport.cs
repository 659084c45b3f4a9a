using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Http;

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
public sealed record GetStaleReport : IQuery<StaleReport>, IFilteredReport
{
    public ReportFilter Filter { get; init; } = ReportFilter.None;

    public int Days { get; init; } = 30;

    public int Limit { get; init; } = Http.Cursor.DefaultLimit;

    public string? Cursor { get; init; }

    public bool English { get; init; }
}

public sealed class GetStaleReportValidator : AbstractValidator<GetStaleReport>
{
    public GetStaleReportValidator()
    {
        RuleFor(x => x.Days).InclusiveBetween(1, 3650);
        RuleFor(x => x.Limit).Limit();
    }
}

public sealed class GetStaleReportHandler(DbSession session, DealFilter dealFilter, DealAccess access, IClock clock, Cursors cursors) : IRequestHandler<GetStaleReport, StaleReport>
{
    private const string Sort = "idle";
    private const string LastTouch = "(CASE WHEN d.last_activity_on IS NOT NULL AND d.last_activity_on > d.last_change_on THEN d.last_activity_on ELSE d.last_change_on END)";

    public async Task<StaleReport> Handle(GetStaleReport request, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        // Hidden deals stay in the list, without id, company or amount, under their code names (see below).
        var (where, args) = await dealFilter.WhereIncludingHiddenAsync(request.Filter, cancellationToken);
        where.Append(CultureInfo.InvariantCulture, $" AND d.status = {(int)DealStatus.Active} AND {LastTouch} <= @cutoff");
        args.Add("cutoff", today.AddDays(-request.Days));
        args.Add("take", request.Limit + 1);
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
        var page = cursors.Page(rows, request.Limit, r => Cursor.AtDay(Sort, r.LastTouchOn, r.Id));
        var items = page.Items.Select(r =>
        {
            var visible = access.CanSee(r.Confidential, r.OwnerId, r.TeamId);
            return new StaleDeal(
                visible ? r.Id : null,
                visible ? r.Name : r.CodeName ?? (request.English ? "Confidential project" : "保密项目"),
                r.Confidential,
                visible ? r.CompanyId : null,
                r.OwnerId,
                r.OwnerName,
                r.TeamId,
                r.Stage,
                r.LastTouchOn,
                today.DayNumber - r.LastTouchOn.DayNumber);
        }).ToList();
        return new StaleReport(request.Days, today, items, page.NextCursor);
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
