using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Webhooks;

public sealed record GetWebhook(long Id) : IQuery<WebhookResponse>;

public sealed class GetWebhookHandler(WebhookStore webhooks, IClock clock) : IRequestHandler<GetWebhook, WebhookResponse>
{
    public async Task<WebhookResponse> Handle(GetWebhook request, CancellationToken cancellationToken) =>
        (await webhooks.GetAsync(request.Id, cancellationToken)).ToResponse(clock.UtcNow);
}
