using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Webhooks;

public sealed record ListWebhooks(int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<WebhookResponse>>, IPagedRequest;

public sealed class ListWebhooksHandler(IdPages pages, IClock clock) : IRequestHandler<ListWebhooks, Page<WebhookResponse>>
{
    public async Task<Page<WebhookResponse>> Handle(ListWebhooks request, CancellationToken cancellationToken)
    {
        var page = await pages.PageAsync<WebhookRow>(request, $"{WebhookRow.Select} WHERE deleted_at IS NULL", new { }, cancellationToken);
        var now = clock.UtcNow;
        return page.Select(r => r.ToResponse(now));
    }
}
