using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Webhooks;

/// <summary>
/// The subscriptions and their deliveries as the API reads and changes them: every write of a webhook handler.
/// (What the dispatcher and the outbox write stands beside them: <see cref="WebhookDispatcher"/>, <see cref="WebhookOutbox"/>.)
/// </summary>
public sealed class WebhookStore(DbSession session, ReferenceStore rows, IClock clock, IOptions<WebhookOptions> options)
{
    /// <summary>The deliveries with their event type, as <see cref="WebhookDeliveryResponse"/> reads them.</summary>
    public const string DeliveriesSelect =
        """
        SELECT d.id, d.webhook_id, d.event_id, e.type, d.status, d.attempts,
               CASE WHEN d.status = 'pending' THEN d.next_attempt_at END AS next_attempt_at, d.give_up_at,
               d.last_status_code, d.last_error, d.created_at, d.completed_at
        FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
        """;

    /// <summary>The subscription, or a 404 (a deleted one is not found either).</summary>
    public async Task<WebhookRow> GetAsync(long id, CancellationToken cancellationToken) =>
        await session.QuerySingleOrDefaultAsync<WebhookRow>($"{WebhookRow.Select} WHERE id = @id AND deleted_at IS NULL", new { id }, cancellationToken)
        ?? throw ProblemException.NotFound("webhook", id);

    /// <summary>Adds a subscription with its signing secret; answers its id.</summary>
    public Task<long> AddAsync(Uri url, IReadOnlyList<string> events, string? description, bool paused, string secret, DateTimeOffset at, CancellationToken cancellationToken) =>
        session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId("webhooks", "url, events, description, paused, secret, version, created_at", "@url, @events, @description, @paused, @secret, 1, @at"),
            new { url = url.AbsoluteUri, events = string.Join(' ', events), description, paused, secret, at },
            cancellationToken);

    /// <summary>Writes the corrected subscription if nobody changed it meanwhile (412 otherwise); resumed, its waiting deliveries get a new retry window.</summary>
    public async Task UpdateAsync(WebhookResponse current, WebhookResponse changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(changed);
        await rows.UpdateAsync(
            "webhooks",
            "url = @Url, events = @Events, description = @Description, paused = @Paused",
            current,
            new { changed.Url, Events = string.Join(' ', changed.Events), changed.Description, changed.Paused },
            cancellationToken);
        if (current.Paused && !changed.Paused)
        {
            await session.ExecuteAsync(
                "UPDATE webhook_deliveries SET give_up_at = @giveUpAt WHERE webhook_id = @id AND status = 'pending'",
                new { id = current.Id, giveUpAt = clock.UtcNow.AddHours(options.Value.RetryHours) },
                cancellationToken);
        }
    }

    /// <summary>Ends the subscription if nobody changed it meanwhile (412 otherwise) and cancels its deliveries still waiting (their history stays).</summary>
    public async Task DeleteAsync(WebhookRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var at = clock.UtcNow;
        var deleted = await session.ExecuteAsync(
            "UPDATE webhooks SET deleted_at = @at, version = version + 1 WHERE id = @id AND version = @version AND deleted_at IS NULL",
            new { id = row.Id, version = row.Version, at },
            cancellationToken);
        if (deleted == 0)
        {
            throw ProblemException.PreconditionFailed(row.Version + 1);
        }

        await session.ExecuteAsync(
            "UPDATE webhook_deliveries SET status = 'cancelled', completed_at = @at WHERE webhook_id = @id AND status = 'pending'", new { id = row.Id, at }, cancellationToken);
    }

    /// <summary>Makes <paramref name="secret"/> the signing secret, the previous one signing as well until <paramref name="until"/>; a 412 if the row changed meanwhile.</summary>
    public async Task RotateSecretAsync(WebhookRow row, string secret, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var updated = await session.ExecuteAsync(
            "UPDATE webhooks SET previous_secret = secret, previous_secret_until = @until, secret = @secret, version = version + 1 WHERE id = @id AND version = @version",
            new { id = row.Id, version = row.Version, until, secret },
            cancellationToken);
        if (updated == 0)
        {
            throw ProblemException.PreconditionFailed(row.Version + 1);
        }
    }

    /// <summary>Sends a delivery of the subscription again, at once, with a new retry window; a 404 when it has no such delivery.</summary>
    public async Task<WebhookDeliveryResponse> RedeliverAsync(long webhookId, long deliveryId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var updated = await session.ExecuteAsync(
            """
            UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = @now, give_up_at = @giveUpAt, completed_at = NULL, lease_owner = NULL, lease_until = NULL
            WHERE id = @deliveryId AND webhook_id = @webhookId
            """,
            new { webhookId, deliveryId, now, giveUpAt = now.AddHours(options.Value.RetryHours) },
            cancellationToken);
        if (updated == 0)
        {
            throw ProblemException.NotFound("delivery", deliveryId);
        }

        var delivery = await session.QuerySingleAsync<WebhookDeliveryResponse>($"SELECT * FROM ({DeliveriesSelect}) d WHERE id = @deliveryId", new { deliveryId }, cancellationToken);
        return (await WithHistoryAsync(new Page<WebhookDeliveryResponse>([delivery], null), cancellationToken)).Items[0];
    }

    /// <summary>The deliveries of the page with their attempts, oldest first.</summary>
    public async Task<Page<WebhookDeliveryResponse>> WithHistoryAsync(Page<WebhookDeliveryResponse> page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
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
