using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Feeds;

/// <summary>
/// A bulk feed's window and page: rows written at or after <see cref="UpdatedSince"/> and before
/// <see cref="UpdatedBefore"/> (half-open, as BI incremental refreshes push it down), in id order.
/// </summary>
public abstract record FeedQuery : IPagedRequest
{
    public DateTimeOffset? UpdatedSince { get; init; }

    public DateTimeOffset? UpdatedBefore { get; init; }

    /// <summary>1 to 500; default 50.</summary>
    public int? Limit { get; init; }

    public string? Cursor { get; init; }

    int IPagedRequest.Limit => Limit ?? Http.Cursor.DefaultLimit;
}

public sealed class FeedQueryValidator : AbstractValidator<FeedQuery>
{
    public FeedQueryValidator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, Http.Cursor.MaxLimit).WithMessage(Http.Paging.LimitMessage);
        RuleFor(x => x.UpdatedBefore).AfterSince(x => x.UpdatedSince);
    }
}

/// <summary>The SQL of a feed over rows that belong to deals: the deal must be live and visible to the caller, the row's timestamp in the window.</summary>
public static class Feed
{
    public static (string SelectFromWhere, Dapper.DynamicParameters Args) Of(string columns, string table, string timestamp, FeedQuery query, DealAccess access)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(access);
        var args = new Dapper.DynamicParameters(new { since = query.UpdatedSince, before = query.UpdatedBefore });

        // The inner query joins the deal; the outer one is what IdPages pages by id.
        return (
            $"SELECT * FROM (SELECT {columns} FROM {table} x JOIN deals d ON d.id = x.deal_id " +
            $"WHERE {new SqlWhere("d.deleted_at IS NULL", access.VisibleSql(args)).When(query.UpdatedSince is not null, $"x.{timestamp} >= @since").When(query.UpdatedBefore is not null, $"x.{timestamp} < @before")}) f WHERE 1 = 1",
            args);
    }
}
