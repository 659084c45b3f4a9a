namespace DealPipeline.Api.Features.Common;

/// <summary>A page of a reference list in id order.</summary>
public interface IPagedRequest
{
    int Limit { get; }

    string? Cursor { get; }
}

public sealed class PagedRequestValidator : AbstractValidator<IPagedRequest>
{
    public PagedRequestValidator()
    {
        RuleFor(x => x.Limit).Limit();
    }
}

/// <summary>Pages of rows in id order: the paging of every list whose cursor is the last id.</summary>
public sealed class IdPages(DbSession session, Cursors cursors)
{
    public const string Sort = "id";

    /// <summary>
    /// Runs <paramref name="selectFrom"/> (a SELECT … FROM … WHERE …, ending in a condition) for the
    /// page after the request's cursor, in id order.
    /// </summary>
    public async Task<Page<T>> PageAsync<T>(IPagedRequest request, string selectFromWhere, object parameters, CancellationToken cancellationToken)
        where T : IHasId
    {
        ArgumentNullException.ThrowIfNull(request);
        var after = cursors.Read(request.Cursor, Sort)?.Id ?? 0;
        var sql = session.Dialect.Limit(selectFromWhere + " AND id > @after", "id");
        var args = new Dapper.DynamicParameters(parameters);
        args.Add("after", after);
        args.Add("take", request.Limit + 1);
        var rows = (await session.QueryAsync<T>(sql, args, cancellationToken)).ToList();
        return cursors.Page(rows, request.Limit, row => new Cursor(Sort, null, row.Id));
    }
}
