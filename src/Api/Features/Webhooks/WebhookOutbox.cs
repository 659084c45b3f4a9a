using System.Text.Json.Nodes;

namespace DealPipeline.Api.Features.Webhooks;

/// <summary>
/// The transactional outbox: for a write that announces an event some subscription listens to,
/// the event (its payload fixed now) and a pending delivery per such subscription are written in
/// the write's own transaction, after its change-feed row: an event commits exactly when its change
/// does, for every change some subscription listens to at that moment (no listener, no event row). Paused subscriptions get their deliveries too (sent when
/// resumed); deleted ones none. A confidential deal's events carry its code name, never its name,
/// its company or the free text of its activities and letters.
/// </summary>
public sealed class WebhookOutbox(IOptions<WebhookOptions> options, WebhookSignal signal) : IChangeOutbox
{
    /// <summary>The deal fields an event carries.</summary>
    private static readonly string[] DealFields =
    [
        "id", "name", "codeName", "confidential", "companyId", "parkId", "sectorId", "ownerId", "teamId", "source", "stage", "status", "lostReason",
        "isKeyProject", "intendedInvestment", "contractedInvestment", "currency", "plannedLandingOn", "signedOn", "landedOn", "version", "updatedAt",
    ];

    /// <summary>What identifies a confidential deal, or speaks of it in free text.</summary>
    internal static readonly string[] Revealing = ["name", "companyId", "referrerCompanyId", "summary", "nextStep", "counterparty", "fileName"];

    /// <summary>Chinese text as UTF-8, not \u escapes: receivers (and people reading their logs) see names as written.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions PayloadJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The free text of a need, never sent for a confidential deal.</summary>
    private static readonly string[] FreeText = ["note", "decisionNote"];

    private static readonly HashSet<string> NotAField = new(StringComparer.Ordinal) { "version", "updatedAt" };

    public async Task RecordAsync(DbSession session, CommittedChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(change);
        var type = WebhookEventTypes.Of(change.Entity, change.Command, change.Kind);
        if (type is null || (type == WebhookEventTypes.DealUpdated && ChangedFields(change.Before, change.After).Count == 0))
        {
            // A deal.updated names the fields that changed: a write that moved only the deal's version on (a milestone of the office's
            // own steps, announced as milestone.recorded) announces none.
            return;
        }

        var subscribers = (await session.QueryAsync<Subscriber>("SELECT id, events FROM webhooks WHERE deleted_at IS NULL", null, cancellationToken))
            .Where(s => s.Events.Split(' ').Contains(type, StringComparer.Ordinal))
            .ToList();
        if (subscribers.Count == 0)
        {
            return;
        }

        var payload = new JsonObject
        {
            ["type"] = type,
            ["timestamp"] = change.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["data"] = await DataAsync(session, type, change, cancellationToken),
        };
        var orderingKey = change.DealId is { } deal ? $"deal:{deal}" : $"{change.Entity}:{change.EntityId}";
        var eventId = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId(
                "webhook_events", "change_sequence, type, ordering_key, deal_id, payload, created_at", "@changeKey, @type, @orderingKey, @dealId, @payload, @at"),
            new { changeKey = change.ChangeKey, type, orderingKey, dealId = change.DealId, payload = payload.ToJsonString(PayloadJson), at = change.At },
            cancellationToken);
        foreach (var subscriber in subscribers)
        {
            await session.ExecuteAsync(
                """
                INSERT INTO webhook_deliveries (webhook_id, event_id, ordering_key, status, attempts, next_attempt_at, give_up_at, created_at)
                VALUES (@webhookId, @eventId, @orderingKey, 'pending', 0, @at, @giveUpAt, @at)
                """,
                new { webhookId = subscriber.Id, eventId, orderingKey, at = change.At, giveUpAt = change.At.AddHours(options.Value.RetryHours) },
                cancellationToken);
        }

        // Wakes this instance's worker; if the write rolls back, it finds nothing and sleeps again.
        signal.Notify();
    }

    private static async Task<JsonObject> DataAsync(DbSession session, string type, CommittedChange change, CancellationToken cancellationToken)
    {
        var by = new JsonObject { ["userId"] = change.UserId, ["actor"] = change.Actor };
        var explained = change.Request as IExplainedChange;
        var on = (explained?.Dated ?? ChinaTime.DateOf(change.At)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var before = change.Before;
        var after = change.After;
        switch (type)
        {
            case WebhookEventTypes.DealStageChanged:
                return new JsonObject
                {
                    ["deal"] = Deal(after), ["from"] = Copy(before, "stage"), ["to"] = Copy(after, "stage"), ["on"] = on,
                    ["reason"] = Confidential(after) ? null : explained?.Why, ["by"] = by,
                };
            case WebhookEventTypes.DealStatusChanged:
                return new JsonObject
                {
                    ["deal"] = Deal(after), ["from"] = Copy(before, "status"), ["to"] = Copy(after, "status"), ["reason"] = Copy(after, "lostReason"),
                    ["note"] = Confidential(after) ? null : explained?.Why, ["on"] = on, ["by"] = by,
                };
            case WebhookEventTypes.DealUpdated:
                return new JsonObject { ["deal"] = Deal(after), ["changedFields"] = ChangedFields(before, after), ["by"] = by };
            case WebhookEventTypes.DealCreated:
                return new JsonObject { ["deal"] = Deal(after), ["by"] = by };
            case WebhookEventTypes.DealDeleted:
                return new JsonObject { ["deal"] = Deal(before ?? new JsonObject { ["id"] = change.DealId }), ["by"] = by };
            case WebhookEventTypes.ActivityCreated:
            case WebhookEventTypes.LetterCreated:
                var item = (JsonObject?)after?.DeepClone() ?? [];
                var dealOf = change.DealId is { } dealId ? await DealOfAsync(session, dealId, cancellationToken) : null;
                if (dealOf?["confidential"]?.GetValue<bool>() == true)
                {
                    foreach (var field in Revealing)
                    {
                        item.Remove(field);
                    }
                }

                return new JsonObject { [type == WebhookEventTypes.ActivityCreated ? "activity" : "letter"] = item, ["deal"] = dealOf, ["by"] = by };
            case WebhookEventTypes.MilestoneRecorded:
            case WebhookEventTypes.MilestoneRemoved:
            case WebhookEventTypes.NeedCreated:
            case WebhookEventTypes.NeedDecided:
            case WebhookEventTypes.AttachmentCreated:
                var row = (JsonObject?)(after ?? before)?.DeepClone() ?? [];
                var ofDeal = change.DealId is { } owner ? await DealOfAsync(session, owner, cancellationToken) : null;
                if (ofDeal?["confidential"]?.GetValue<bool>() == true)
                {
                    row.Remove("fileName");
                    foreach (var text in FreeText.Where(row.ContainsKey))
                    {
                        row[text] = null;
                    }
                }

                return new JsonObject { [type.Split('.')[0]] = row, ["deal"] = ofDeal, ["by"] = by };
            case WebhookEventTypes.ClaimCreated:
            case WebhookEventTypes.ClaimUpdated:
                var claim = (JsonObject?)after?.DeepClone() ?? [];
                claim["evidence"] = null;
                return new JsonObject { ["claim"] = claim, ["change"] = change.Kind, ["by"] = by };
            case WebhookEventTypes.LeadCreated:
            case WebhookEventTypes.LeadUpdated:
            case WebhookEventTypes.LeadEscalated:
                var notify = type == WebhookEventTypes.LeadEscalated && after?["history"] is JsonArray { Count: > 0 } history ? history[^1]?["notifiedUserIds"]?.DeepClone() : null;
                return new JsonObject { ["lead"] = after?.DeepClone(), ["change"] = change.Kind, ["notify"] = notify, ["by"] = by };
            default:
                return new JsonObject { ["event"] = after?.DeepClone(), ["by"] = by };
        }
    }

    private static bool Confidential(JsonObject? deal) => deal?["confidential"] is JsonValue v && v.GetValue<bool>();

    private static JsonNode? Copy(JsonObject? from, string field) => from?[field]?.DeepClone();

    /// <summary>The deal's fields an event carries; a confidential deal's without what names it.</summary>
    private static JsonObject Deal(JsonObject? deal)
    {
        var summary = new JsonObject();
        if (deal is null)
        {
            return summary;
        }

        foreach (var field in DealFields)
        {
            if (deal.TryGetPropertyValue(field, out var value))
            {
                summary[field] = value?.DeepClone();
            }
        }

        if (Confidential(deal))
        {
            foreach (var field in Revealing)
            {
                summary.Remove(field);
            }
        }

        return summary;
    }

    private static JsonArray ChangedFields(JsonObject? before, JsonObject? after)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in after ?? [])
        {
            if (!NotAField.Contains(name) && !JsonNode.DeepEquals(value, before?[name]))
            {
                names.Add(name);
            }
        }

        return [.. names.Select(n => (JsonNode?)n)];
    }

    private static async Task<JsonObject?> DealOfAsync(DbSession session, long dealId, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<DealRow>("SELECT id, confidential, code_name FROM deals WHERE id = @dealId", new { dealId }, cancellationToken);
        return row is null ? null : new JsonObject { ["id"] = row.Id, ["confidential"] = row.Confidential, ["codeName"] = row.CodeName };
    }

    private sealed class Subscriber
    {
        public long Id { get; init; }

        public string Events { get; init; } = "";
    }

    private sealed class DealRow
    {
        public long Id { get; init; }

        public bool Confidential { get; init; }

        public string? CodeName { get; init; }
    }
}

/// <summary>Wakes the delivery worker of this instance when an event was written (it also polls, for other instances' events).</summary>
public sealed class WebhookSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // already signalled
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => await _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
