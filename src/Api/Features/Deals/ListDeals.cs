using System.Text;
using Dapper;
using DealPipeline.Api.Features.Sectors;

namespace DealPipeline.Api.Features.Deals;

/// <summary>
/// The deal filters shared by the list, the export and the reports. <c>stage</c>, <c>status</c>
/// and <c>source</c> take one name or several separated by commas; <c>sectorId</c> includes
/// the sector's descendants.
/// </summary>
public interface IDealFilter
{
    string? Stage { get; }

    string? Status { get; }

    long? ParkId { get; }

    long? SectorId { get; }

    long? OwnerId { get; }

    long? TeamId { get; }

    string? Source { get; }

    long? SourceEventId { get; }

    bool? IsKeyProject { get; }

    string? Q { get; }

    /// <summary>Bands of the deals' latest evaluation, comma-separated (band keys, or vetoed).</summary>
    string? Band { get; }
}

/// <summary>The list's filters as a query string: shared by the list and the CSV export.</summary>
public record DealFilterQuery : IDealFilter
{
    public string? Stage { get; init; }

    public string? Status { get; init; }

    public long? ParkId { get; init; }

    public long? SectorId { get; init; }

    public long? OwnerId { get; init; }

    public long? TeamId { get; init; }

    public string? Source { get; init; }

    public long? SourceEventId { get; init; }

    public bool? IsKeyProject { get; init; }

    public string? Q { get; init; }

    /// <summary>Deals of an industry-chain link or a link below it: attached to it, or of a company attached to it.</summary>
    public long? ChainLinkId { get; init; }

    /// <summary>Deals whose latest evaluation falls in one of these bands (band keys, comma-separated; vetoed for the vetoed).</summary>
    public string? Band { get; init; }

    /// <summary>The deal with this number in the office's own ledger (台账编号), exactly.</summary>
    public string? ExternalRef { get; init; }

    /// <summary>Deals changed at or after this instant (ISO 8601 with an offset or Z).</summary>
    public DateTimeOffset? UpdatedSince { get; init; }

    /// <summary>Deals changed before this instant: with updatedSince, the half-open window since ≤ updatedAt &lt; before that BI incremental refresh pushes down.</summary>
    public DateTimeOffset? UpdatedBefore { get; init; }
}

public sealed class DealFilterQueryValidator : AbstractValidator<DealFilterQuery>
{
    public DealFilterQueryValidator()
    {
        RuleFor(x => x.UpdatedBefore).AfterSince(x => x.UpdatedSince);
        RuleFor(x => x.ChainLinkId).Id();
        RuleFor(x => x.ExternalRef).MaximumLength(DealTerms.MaxExternalRefLength);
    }
}

public sealed record ListDeals : DealFilterQuery, IQuery<Page<DealListItem>>
{
    /// <summary>With true, deleted deals come back as tombstones {id, deleted: true, updatedAt}.</summary>
    public bool? IncludeDeleted { get; init; }

    /// <summary>updatedAt, openedOn, intendedInvestment, name or id, '-' first for descending. Default: id, or updatedAt when updatedSince is given.</summary>
    public string? Sort { get; init; }

    /// <summary>1 to 500; default 50.</summary>
    public int? Limit { get; init; }

    public string? Cursor { get; init; }
}

public sealed class DealFilterValidator : AbstractValidator<IDealFilter>
{
    public DealFilterValidator()
    {
        RuleFor(x => x.Stage).Must(ListOf<Stage>).WithMessage(Message<Stage>("stage"));
        RuleFor(x => x.Status).Must(ListOf<DealStatus>).WithMessage(Message<DealStatus>("status"));
        RuleFor(x => x.Source).Must(ListOf<DealSource>).WithMessage(Message<DealSource>("source"));
        RuleFor(x => x.ParkId).Id();
        RuleFor(x => x.SectorId).Id();
        RuleFor(x => x.OwnerId).Id();
        RuleFor(x => x.TeamId).Id();
        RuleFor(x => x.SourceEventId).Id();
        RuleFor(x => x.Q).MaximumLength(Validation.MaxNameLength);
        RuleFor(x => x.Band).MaximumLength(Validation.MaxNameLength);
    }

    public static bool ListOf<TEnum>(string? text)
        where TEnum : struct, Enum =>
        text is null || text.Split(',').All(part => Names.TryParse<TEnum>(part.Trim(), out _));

    public static IReadOnlyList<int>? Parse<TEnum>(string? text)
        where TEnum : struct, Enum =>
        text?.Split(',').Select(part => Names.TryParse<TEnum>(part.Trim(), out var value) ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : 0).Distinct().ToList();

    private static Message Message<TEnum>(string field)
        where TEnum : struct, Enum =>
        ProblemTexts.FieldOneMoreCommaSeparatedValues.With(("field", field), ("values", string.Join(", ", Enum.GetValues<TEnum>().Select(Names.Of))));
}

public sealed class ListDealsValidator : AbstractValidator<ListDeals>
{
    public ListDealsValidator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, Cursor.MaxLimit).WithMessage(Paging.LimitMessage);
        RuleFor(x => x.Sort).Must(s => s is null || DealSorts.TryGet(s, out _))
            .WithMessage(ProblemTexts.SortOneUpdatedAtOpenedOnIntendedInvestmentName);
    }
}

/// <summary>
/// The deal filters as SQL, for the caller of the request: lists, exports and every report ask it
/// for their WHERE clause, so that no figure counts a deal its caller cannot list.
/// </summary>
public sealed class DealFilter(DbSession session, DealAccess access, IChainLinkScope chainLinks, SectorStore sectors)
{
    /// <summary>The filters' condition on alias d, keeping only the deals the caller may see (deleted ones too when asked).</summary>
    public Task<(StringBuilder Where, DynamicParameters Args)> WhereAsync(IDealFilter filter, bool includeDeleted, CancellationToken cancellationToken) =>
        BuildAsync(filter, includeDeleted, access, cancellationToken);

    /// <summary>The filters' condition on alias d over every live deal, those the caller may not see included: for the one report that shows them under their code names.</summary>
    public Task<(StringBuilder Where, DynamicParameters Args)> WhereIncludingHiddenAsync(IDealFilter filter, CancellationToken cancellationToken) =>
        BuildAsync(filter, includeDeleted: false, visibleTo: null, cancellationToken);

    /// <summary>
    /// The filters' condition on alias d, keeping only the deals <paramref name="visibleTo"/> may see.
    /// Lists, exports and every report figure pass the caller's access, so that no figure counts a deal
    /// its caller cannot list; null keeps every deal, for the one report that shows hidden deals under
    /// their code names (the stale report).
    /// </summary>
    private async Task<(StringBuilder Where, DynamicParameters Args)> BuildAsync(
        IDealFilter filter, bool includeDeleted, DealAccess? visibleTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var where = new StringBuilder(includeDeleted ? "1 = 1" : "d.deleted_at IS NULL");
        var args = new DynamicParameters();
        if (visibleTo is not null)
        {
            where.Append(" AND ").Append(visibleTo.VisibleSql(args));
        }

        if (filter is DealFilterQuery { UpdatedSince: var since, UpdatedBefore: var before, ChainLinkId: var link, ExternalRef: var externalRef })
        {
            Add("d.external_ref = @externalRef", "externalRef", string.IsNullOrWhiteSpace(externalRef) ? null : externalRef.Trim());
            Add("d.updated_at >= @updatedSince", "updatedSince", since);
            Add("d.updated_at < @updatedBefore", "updatedBefore", before);
            if (link is { } linkId)
            {
                Add(
                    $"(EXISTS (SELECT 1 FROM chain_link_deals x WHERE x.deal_id = d.id AND {session.Dialect.InList("x.link_id", "chainLinks")}) " +
                    $"OR EXISTS (SELECT 1 FROM chain_link_companies x WHERE x.company_id = d.company_id AND {session.Dialect.InList("x.link_id", "chainLinks")}))",
                    "chainLinks",
                    await chainLinks.SubtreeAsync(linkId, "chainLinkId", cancellationToken));
            }
        }

        void Add(string condition, string name, object? value)
        {
            if (value is not null)
            {
                where.Append(" AND ").Append(condition);
                args.Add(name, value);
            }
        }

        Add(session.Dialect.InList("d.stage", "stages"), "stages", DealFilterValidator.Parse<Stage>(filter.Stage));
        Add(session.Dialect.InList("d.status", "statuses"), "statuses", DealFilterValidator.Parse<DealStatus>(filter.Status));
        Add(session.Dialect.InList("d.source", "sources"), "sources", DealFilterValidator.Parse<DealSource>(filter.Source));
        Add("d.park_id = @parkId", "parkId", filter.ParkId);
        Add("d.owner_id = @ownerId", "ownerId", filter.OwnerId);
        Add("d.team_id = @teamId", "teamId", filter.TeamId);
        Add("d.source_event_id = @sourceEventId", "sourceEventId", filter.SourceEventId);
        Add("d.is_key_project = @isKeyProject", "isKeyProject", filter.IsKeyProject);
        Add(
            session.Dialect.InList("(SELECT s.band FROM deal_scores s WHERE s.id = (SELECT MAX(x.id) FROM deal_scores x WHERE x.deal_id = d.id))", "bands"),
            "bands",
            string.IsNullOrWhiteSpace(filter.Band) ? null : filter.Band.Split(',').Select(b => b.Trim()).Where(b => b.Length > 0).Distinct().ToArray());
        if (filter.SectorId is { } sectorId)
        {
            Add(
                "d.sector_id IN (SELECT s.id FROM sectors s WHERE s.path LIKE @sectorPath)",
                "sectorPath",
                await sectors.SubtreePatternAsync(sectorId, "sectorId", cancellationToken));
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            Add(
                $"(d.name {session.Dialect.CaseInsensitiveLike} @q ESCAPE '\\' OR EXISTS (SELECT 1 FROM companies c WHERE c.id = d.company_id AND c.name {session.Dialect.CaseInsensitiveLike} @q ESCAPE '\\'))",
                "q",
                SqlDialect.Contains(filter.Q.Trim()));
        }

        return (where, args);
    }
}

/// <summary>The sort orders of the deals list: API name, column, and how its cursor value round-trips.</summary>
public sealed record DealSorts(string Name, string Column, bool Descending, Func<DealRow, string?> ValueOf, Func<string, object> Parse)
{
    private static readonly Dictionary<string, (string Column, Func<DealRow, string?> ValueOf, Func<string, object> Parse)> Known = new(StringComparer.Ordinal)
    {
        ["id"] = ("d.id", _ => null, _ => 0),
        ["updatedAt"] = ("d.updated_at", r => r.UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), v => new DateTimeOffset(long.Parse(v, CultureInfo.InvariantCulture), TimeSpan.Zero)),
        ["openedOn"] = ("d.opened_on", r => r.OpenedOn.DayNumber.ToString(CultureInfo.InvariantCulture), v => DateOnly.FromDayNumber(int.Parse(v, CultureInfo.InvariantCulture))),
        ["intendedInvestment"] = ("d.intended_minor", r => r.IntendedMinor.ToString(CultureInfo.InvariantCulture), v => long.Parse(v, CultureInfo.InvariantCulture)),
        ["name"] = ("d.name", r => r.Name, v => v),
    };

    public static bool TryGet(string text, out DealSorts sort)
    {
        ArgumentNullException.ThrowIfNull(text);
        var descending = text.StartsWith('-');
        var name = descending ? text[1..] : text;
        if (Known.TryGetValue(name, out var known))
        {
            sort = new DealSorts(name, known.Column, descending, known.ValueOf, known.Parse);
            return true;
        }

        sort = null!;
        return false;
    }

    /// <summary>The cursor's own name for the sort, so a cursor is refused under another sort.</summary>
    public string Key => Descending ? "-" + Name : Name;

    public string OrderBy
    {
        get
        {
            var direction = Descending ? " DESC" : "";
            return Name == "id" ? "d.id" + direction : $"{Column}{direction}, d.id{direction}";
        }
    }
}

public sealed class ListDealsHandler(DbSession session, DealFilter dealFilter, Cursors cursors) : IRequestHandler<ListDeals, Page<DealListItem>>
{
    public async Task<Page<DealListItem>> Handle(ListDeals request, CancellationToken cancellationToken)
    {
        DealSorts.TryGet(request.Sort ?? (request.UpdatedSince is null ? "id" : "updatedAt"), out var sort);
        var limit = request.Limit ?? Cursor.DefaultLimit;
        var (where, args) = await dealFilter.WhereAsync(request, request.IncludeDeleted == true, cancellationToken);

        if (cursors.Read(request.Cursor, sort.Key) is { } cursor)
        {
            var op = sort.Descending ? "<" : ">";
            if (sort.Name == "id")
            {
                where.Append(CultureInfo.InvariantCulture, $" AND d.id {op} @afterId");
            }
            else
            {
                where.Append(CultureInfo.InvariantCulture, $" AND ({sort.Column} {op} @afterValue OR ({sort.Column} = @afterValue AND d.id {op} @afterId))");
                args.Add("afterValue", ParseValue(sort, cursor.Value));
            }

            args.Add("afterId", cursor.Id);
        }

        args.Add("take", limit + 1);
        var sql = session.Dialect.Limit($"SELECT {DealRow.Columns} FROM {DealRow.From} WHERE {where}", sort.OrderBy);
        var rows = (await session.QueryAsync<DealRow>(sql, args, cancellationToken)).ToList();
        var page = cursors.Page(rows, limit, row => new Cursor(sort.Key, sort.ValueOf(row), row.Id));
        return page.Select(r => r.ToListItem());
    }

    private static object ParseValue(DealSorts sort, string? value)
    {
        try
        {
            return sort.Parse(value ?? throw new FormatException());
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw ProblemException.Invalid("cursor", ProblemTexts.CursorNotOneAPIReturned);
        }
    }
}
