using DealPipeline.Api.Features.Common;

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
