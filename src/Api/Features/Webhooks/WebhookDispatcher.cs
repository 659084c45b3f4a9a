using System.Diagnostics;
using System.Text;

namespace DealPipeline.Api.Features.Webhooks;

/// <summary>
/// Delivers the outbox, at least once. Each round takes the due deliveries that are first in line
/// for their subscription and deal (an event is not sent before the earlier ones of the same deal
/// are settled), leases each one (a conditional UPDATE: of several instances on one database, one
/// wins the row, and a lease left by a crashed instance expires), POSTs it signed with a timeout,
/// and records the attempt. A 2xx settles it; anything else (an error status, a redirect, which is
/// never followed, a timeout, a refused address) schedules the next attempt after an exponential,
/// jittered delay, until <see cref="WebhookOptions.RetryHours"/> have passed: then it is failed.
/// The schedule lives in the database, not in an in-process retry loop, so a restart loses none.
/// </summary>
public sealed partial class WebhookDispatcher(
    Database database, WebhookDestinations destinations, WebhookSignal signal, IClock clock, IOptions<WebhookOptions> options, ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    public const int BatchSize = 8;

    private static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);

    private readonly string _instance = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    private HttpClient? _client;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Deliver)
        {
            return;
        }

        _client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            ConnectCallback = destinations.ConnectAsync,
            ConnectTimeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds),
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("DealPipeline-Webhooks/1.0");
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await RunOnceAsync(stoppingToken);
            }
#pragma warning disable CA1031 // The worker outlives any one failed round: it logs and tries again, and a round's leases expire.
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                RoundFailed(logger, e);
                sent = 0;
            }
#pragma warning restore CA1031

            if (sent == 0)
            {
                try
                {
                    await signal.WaitAsync(TimeSpan.FromMilliseconds(options.Value.PollMilliseconds), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    public override void Dispose()
    {
        _client?.Dispose();
        base.Dispose();
    }

    /// <summary>One round: claims up to <see cref="BatchSize"/> due deliveries and sends them; answers how many it sent.</summary>
    private async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        List<Due> due;
        await using (var session = new DbSession(database))
        {
            due = (await session.QueryAsync<Due>(
                database.Dialect.Limit(
                    """
                    SELECT d.id, d.event_id, d.attempts, d.give_up_at, w.url, w.secret, w.previous_secret, w.previous_secret_until, e.payload
                    FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id JOIN webhook_events e ON e.id = d.event_id
                    WHERE d.status = 'pending' AND d.next_attempt_at <= @now AND (d.lease_until IS NULL OR d.lease_until < @now)
                      AND w.paused = @paused AND w.deleted_at IS NULL
                      AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p
                                      WHERE p.webhook_id = d.webhook_id AND p.ordering_key = d.ordering_key AND p.status = 'pending' AND p.id < d.id)
                    """,
                    "d.id"),
                new { now, take = BatchSize, paused = false },
                cancellationToken)).ToList();
        }

        var mine = new List<Due>();
        foreach (var delivery in due)
        {
            if (await ClaimAsync(delivery.Id, now, cancellationToken))
            {
                mine.Add(delivery);
            }
        }

        await Task.WhenAll(mine.Select(d => DeliverAsync(d, cancellationToken)));
        return mine.Count;
    }

    private async Task<bool> ClaimAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claimed = 0;
        var until = now.AddSeconds(options.Value.TimeoutSeconds + 30);
        await database.WriteAsync(
            async (session, ct) => claimed = await session.ExecuteAsync(
                "UPDATE webhook_deliveries SET lease_owner = @owner, lease_until = @until WHERE id = @id AND status = 'pending' AND (lease_until IS NULL OR lease_until < @now)",
                new { id, owner = _instance, until, now },
                ct),
            cancellationToken);
        return claimed == 1;
    }

    private async Task DeliverAsync(Due delivery, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var messageId = $"msg_{delivery.EventId}";
        var timestamp = now.ToUnixTimeSeconds();
        var secrets = delivery.PreviousSecret is { } previous && delivery.PreviousSecretUntil > now ? new[] { delivery.Secret, previous } : [delivery.Secret];
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", messageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Header(secrets, messageId, timestamp, delivery.Payload));

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        var started = Stopwatch.GetTimestamp();
        int? status = null;
        string? error = null;
        try
        {
            using var response = await _client!.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            status = (int)response.StatusCode;
            if (status is >= 300 and < 400)
            {
                error = "Redirects are not followed: answer 2xx at the subscribed URL.";
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the lease runs out and this delivery is attempted again (here after a restart, or by another instance).
            return;
        }
        catch (OperationCanceledException)
        {
            error = $"No answer within {options.Value.TimeoutSeconds} s.";
        }
        catch (HttpRequestException e)
        {
            error = (e.InnerException as WebhookRefusedException)?.Message ?? e.Message;
        }

        var duration = (int)Math.Min(int.MaxValue, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var succeeded = status is >= 200 and < 300;
        var finished = clock.UtcNow;
        var attempts = delivery.Attempts + 1;
        var gaveUp = !succeeded && finished >= delivery.GiveUpAt;
        var next = finished + Backoff(attempts);
        error = error?.Length > 500 ? error[..500] : error;
        await database.WriteAsync(
            async (session, ct) =>
            {
                await session.ExecuteAsync(
                    "INSERT INTO webhook_attempts (delivery_id, at, duration_ms, status_code, error, succeeded) VALUES (@id, @now, @duration, @status, @error, @succeeded)",
                    new { id = delivery.Id, now, duration, status, error, succeeded },
                    ct);
                await session.ExecuteAsync(
                    """
                    UPDATE webhook_deliveries
                    SET attempts = @attempts, last_status_code = @status, last_error = @error, lease_owner = NULL, lease_until = NULL,
                        status = @outcome, next_attempt_at = @next, completed_at = @completedAt
                    WHERE id = @id AND lease_owner = @owner
                    """,
                    new
                    {
                        id = delivery.Id,
                        attempts,
                        status,
                        error,
                        outcome = succeeded ? "succeeded" : gaveUp ? "failed" : "pending",
                        next = succeeded || gaveUp ? finished : next,
                        completedAt = succeeded || gaveUp ? finished : (DateTimeOffset?)null,
                        owner = _instance,
                    },
                    ct);
            },
            CancellationToken.None);
        if (!succeeded)
        {
            AttemptFailed(logger, delivery.Id, attempts, status, error, gaveUp);
        }
    }

    /// <summary>The wait before attempt <paramref name="attempts"/> + 1: doubling from the base, capped at an hour, between half and all of it (jitter spreads retries of many deliveries).</summary>
    internal TimeSpan Backoff(int attempts)
    {
        var full = Math.Min(MaxDelay.TotalSeconds, options.Value.RetryBaseSeconds * Math.Pow(2, Math.Min(30, attempts - 1)));
        return TimeSpan.FromSeconds(full * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} attempt {Attempt} failed (status {Status}): {Error}; gave up: {GaveUp}")]
    private static partial void AttemptFailed(ILogger logger, long deliveryId, int attempt, int? status, string? error, bool gaveUp);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "A webhook delivery round failed; the next round retries it")]
    private static partial void RoundFailed(ILogger logger, Exception exception);

    private sealed class Due
    {
        public long Id { get; init; }

        public long EventId { get; init; }

        public int Attempts { get; init; }

        public DateTimeOffset GiveUpAt { get; init; }

        public string Url { get; init; } = "";

        public string Secret { get; init; } = "";

        public string? PreviousSecret { get; init; }

        public DateTimeOffset? PreviousSecretUntil { get; init; }

        public string Payload { get; init; } = "";
    }
}
