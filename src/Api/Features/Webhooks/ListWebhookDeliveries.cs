using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Webhooks;

public sealed record ListWebhookDeliveries(long Id, string? Status, int Limit = Cursor.DefaultLimit, string? Cursor = null)
    : IQuery<Page<WebhookDeliveryResponse>>, IPagedRequest
{
    public static readonly string[] Statuses = ["pending", "succeeded", "failed", "cancelled"];
}

public sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveries>
{
    public ListWebhookDeliveriesValidator()
    {
        RuleFor(x => x.Status).Must(s => s is null || ListWebhookDeliveries.Statuses.Contains(s))
            .WithMessage(ProblemTexts.FieldOneValues.With(("field", "status"), ("values", string.Join(", ", ListWebhookDeliveries.Statuses))));
    }
}

public sealed class ListWebhookDeliveriesHandler(IdPages pages, WebhookStore webhooks) : IRequestHandler<ListWebhookDeliveries, Page<WebhookDeliveryResponse>>
{
    public async Task<Page<WebhookDeliveryResponse>> Handle(ListWebhookDeliveries request, CancellationToken cancellationToken)
    {
        await webhooks.GetAsync(request.Id, cancellationToken);
        var page = await pages.PageAsync<WebhookDeliveryResponse>(request,
            $"SELECT * FROM ({WebhookStore.DeliveriesSelect}) d WHERE {new SqlWhere("webhook_id = @webhookId").When(request.Status is not null, "status = @status")}",
            new { webhookId = request.Id, status = request.Status },
            cancellationToken);
        return await webhooks.WithHistoryAsync(page, cancellationToken);
    }
}
