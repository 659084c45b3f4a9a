using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;

namespace DealPipeline.Api.Features.Feeds;

/// <summary>Every stage and status change of the deals the caller may see, in one feed (instead of one call per deal).</summary>
public sealed record ListHistoryFeed : FeedQuery, IQuery<Page<DealHistoryItem>>;

public sealed class ListHistoryFeedHandler(IdPages pages, DealAccess access) : IRequestHandler<ListHistoryFeed, Page<DealHistoryItem>>
{
    private const string Columns = "x.id, x.deal_id, x.kind, x.from_value, x.to_value, x.on_date, x.at, x.reason, x.note, x.by_user_id";

    public async Task<Page<DealHistoryItem>> Handle(ListHistoryFeed request, CancellationToken cancellationToken)
    {
        var (sql, args) = Feed.Of(Columns, "deal_history", "at", request, access);
        var page = await pages.PageAsync<HistoryRow>(request, sql, args, cancellationToken);
        return page.Select(r => r.ToItem());
    }
}
