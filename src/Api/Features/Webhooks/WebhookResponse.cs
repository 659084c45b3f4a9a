using System.Text.Json.Serialization;
using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Webhooks;

/// <summary>A webhook subscription. Its signing secret is answered once, when made or rotated.</summary>
public record WebhookResponse : IHasId, IVersioned
{
    /// <summary>The subscription's version: answered as the ETag, not in the body.</summary>
    [JsonIgnore]
    public int Version { get; init; } = 1;

    public long Id { get; init; }

    /// <summary>Where events are POSTed.</summary>
    public string Url { get; init; } = "";

    /// <summary>The event types sent (deal.created, deal.stageChanged …).</summary>
    public IReadOnlyList<string> Events { get; init; } = [];

    public string? Description { get; init; }

    /// <summary>While paused, events are kept and sent when it resumes.</summary>
    public bool Paused { get; init; }

    /// <summary>After a rotation, until when the previous secret still signs too.</summary>
    public DateTimeOffset? PreviousSecretExpiresAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A subscription as made or rotated, with the secret that signs its events (shown only now).</summary>
public sealed record WebhookWithSecretResponse : WebhookResponse
{
    /// <summary>The signing secret in the Standard Webhooks form: whsec_ + base64 of 32 bytes.</summary>
    public string Secret { get; init; } = "";
}

/// <summary>A subscription's row as stored.</summary>
public sealed class WebhookRow : IHasId
{
    public const string Select =
        "SELECT id, url, events, description, paused, secret, previous_secret, previous_secret_until, version, created_at FROM webhooks";

    public long Id { get; init; }

    public string Url { get; init; } = "";

    public string Events { get; init; } = "";

    public string? Description { get; init; }

    public bool Paused { get; init; }

    public string Secret { get; init; } = "";

    public string? PreviousSecret { get; init; }

    public DateTimeOffset? PreviousSecretUntil { get; init; }

    public int Version { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public WebhookResponse ToResponse(DateTimeOffset now) => new()
    {
        Id = Id,
        Url = Url,
        Events = Events.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        Description = Description,
        Paused = Paused,
        PreviousSecretExpiresAt = PreviousSecretUntil > now ? PreviousSecretUntil : null,
        CreatedAt = CreatedAt,
        Version = Version,
    };
}

