using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http;

namespace DealPipeline.Api.Features.Webhooks;

/// <summary>One event's delivery to one subscription, with every attempt made.</summary>
public sealed record WebhookDeliveryResponse : IHasId
{
    public long Id { get; init; }

    /// <summary>The event's id; the message is sent with <c>webhook-id: msg_{eventId}</c>, the same on every attempt.</summary>
    public long EventId { get; init; }

    public string Type { get; init; } = "";

    /// <summary>pending (waiting for its next attempt), succeeded, failed (gave up after Webhooks:RetryHours) or cancelled (the subscription was deleted).</summary>
    public string Status { get; init; } = "";

    public int Attempts { get; init; }

    public DateTimeOffset? NextAttemptAt { get; init; }

    public DateTimeOffset GiveUpAt { get; init; }

    public int? LastStatusCode { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public IReadOnlyList<WebhookAttemptResponse> History { get; init; } = [];
}

/// <summary>One attempt: when, how long it took, and the receiver's status code or the error.</summary>
public sealed record WebhookAttemptResponse
{
    public DateTimeOffset At { get; init; }

    public int DurationMs { get; init; }

    public int? StatusCode { get; init; }

    public string? Error { get; init; }

    public bool Succeeded { get; init; }
}

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
            .WithMessage($"'status' is one of {string.Join(", ", ListWebhookDeliveries.Statuses)}.");
    }
}

public sealed class ListWebhookDeliveriesHandler(DbSession session, Cursors cursors) : IRequestHandler<ListWebhookDeliveries, Page<WebhookDeliveryResponse>>
{
    public async Task<Page<WebhookDeliveryResponse>> Handle(ListWebhookDeliveries request, CancellationToken cancellationToken)
    {
        await WebhookRow.GetAsync(session, request.Id, cancellationToken);
        var page = await ListById.PageAsync<WebhookDeliveryResponse>(
            session,
            cursors,
            request,
            $"SELECT * FROM ({Deliveries.Select}) d WHERE {new SqlWhere("webhook_id = @webhookId").When(request.Status is not null, "status = @status")}",
            new { webhookId = request.Id, status = request.Status },
            cancellationToken);
        return await Deliveries.WithHistoryAsync(session, page, cancellationToken);
    }
}

/// <summary>Sends a delivery again (whatever its status): at once, with a new retry window.</summary>
public sealed record RedeliverWebhookDelivery(long Id, long DeliveryId) : ICommand<WebhookDeliveryResponse>, IAudited
{
    string IAudited.AuditEntity => "webhook";

    string? IAudited.AuditId => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class RedeliverWebhookDeliveryHandler(DbSession session, IClock clock, IOptions<WebhookOptions> options, WebhookSignal signal)
    : IRequestHandler<RedeliverWebhookDelivery, WebhookDeliveryResponse>
{
    public async Task<WebhookDeliveryResponse> Handle(RedeliverWebhookDelivery request, CancellationToken cancellationToken)
    {
        await WebhookRow.GetAsync(session, request.Id, cancellationToken);
        var now = clock.UtcNow;
        var updated = await session.ExecuteAsync(
            """
            UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = @now, give_up_at = @giveUpAt, completed_at = NULL, lease_owner = NULL, lease_until = NULL
            WHERE id = @deliveryId AND webhook_id = @id
            """,
            new { id = request.Id, deliveryId = request.DeliveryId, now, giveUpAt = now.AddHours(options.Value.RetryHours) },
            cancellationToken);
        if (updated == 0)
        {
            throw ProblemException.NotFound("delivery", request.DeliveryId);
        }

        signal.Notify();
        var delivery = await session.QuerySingleAsync<WebhookDeliveryResponse>($"SELECT * FROM ({Deliveries.Select}) d WHERE id = @deliveryId", new { deliveryId = request.DeliveryId }, cancellationToken);
        return (await Deliveries.WithHistoryAsync(session, new Page<WebhookDeliveryResponse>([delivery], null), cancellationToken)).Items[0];
    }
}

internal static class Deliveries
{
    public const string Select =
        """
        SELECT d.id, d.webhook_id, d.event_id, e.type, d.status, d.attempts,
               CASE WHEN d.status = 'pending' THEN d.next_attempt_at END AS next_attempt_at, d.give_up_at,
               d.last_status_code, d.last_error, d.created_at, d.completed_at
        FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
        """;

    public static async Task<Page<WebhookDeliveryResponse>> WithHistoryAsync(DbSession session, Page<WebhookDeliveryResponse> page, CancellationToken cancellationToken)
    {
        var ids = page.Items.Select(d => d.Id).ToArray();
        if (ids.Length == 0)
        {
            return page;
        }

        var attempts = (await session.QueryAsync<AttemptRow>(
                $"SELECT delivery_id, at, duration_ms, status_code, error, succeeded FROM webhook_attempts WHERE {session.Dialect.InList("delivery_id", "ids")} ORDER BY id", new { ids }, cancellationToken))
            .ToLookup(a => a.DeliveryId);
        return page.Select(d => d with
        {
            History = attempts[d.Id].Select(a => new WebhookAttemptResponse { At = a.At, DurationMs = a.DurationMs, StatusCode = a.StatusCode, Error = a.Error, Succeeded = a.Succeeded }).ToList(),
        });
    }

    private sealed class AttemptRow
    {
        public long DeliveryId { get; init; }

        public DateTimeOffset At { get; init; }

        public int DurationMs { get; init; }

        public int? StatusCode { get; init; }

        public string? Error { get; init; }

        public bool Succeeded { get; init; }
    }
}
