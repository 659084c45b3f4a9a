using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Webhooks;

/// <summary>Sends a delivery again (whatever its status): at once, with a new retry window.</summary>
public sealed record RedeliverWebhookDelivery(long Id, long DeliveryId) : ICommand<WebhookDeliveryResponse>, IChangesOne
{
    string IAudited.AuditEntity => "webhook";
}

public sealed class RedeliverWebhookDeliveryHandler(WebhookStore webhooks, WebhookSignal signal) : IRequestHandler<RedeliverWebhookDelivery, WebhookDeliveryResponse>
{
    public async Task<WebhookDeliveryResponse> Handle(RedeliverWebhookDelivery request, CancellationToken cancellationToken)
    {
        await webhooks.GetAsync(request.Id, cancellationToken);
        var delivery = await webhooks.RedeliverAsync(request.Id, request.DeliveryId, cancellationToken);
        signal.Notify();
        return delivery;
    }
}
