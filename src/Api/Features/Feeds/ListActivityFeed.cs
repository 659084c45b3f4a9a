using DealPipeline.Api.Features.Activities;
using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Feeds;

/// <summary>Every activity on the deals the caller may see, in one feed.</summary>
public sealed record ListActivityFeed : FeedQuery, IQuery<Page<ActivityResponse>>;

public sealed class ListActivityFeedHandler(IdPages pages, DealAccess access) : IRequestHandler<ListActivityFeed, Page<ActivityResponse>>
{
    private const string Columns = "x.id, x.deal_id, x.type, x.on_date AS \"on\", x.summary, x.next_step, x.next_step_due, x.by_user_id, x.created_at";

    public Task<Page<ActivityResponse>> Handle(ListActivityFeed request, CancellationToken cancellationToken)
    {
        var (sql, args) = Feed.Of(Columns, "activities", "created_at", request, access);
        return pages.PageAsync<ActivityResponse>(request, sql, args, cancellationToken);
    }
}
