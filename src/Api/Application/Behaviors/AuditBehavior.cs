using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;

namespace DealPipeline.Api.Application.Behaviors;

/// <summary>A command that names what it writes, for the audit log.</summary>
public interface IAudited
{
    /// <summary>The kind of thing written: deal, park, user, apiKey …</summary>
    string AuditEntity { get; }

    /// <summary>Its id when the command names it (null for a create: the id is taken from the answer).</summary>
    string? AuditId { get; }
}

/// <summary>A command that changes one existing deal: audited as the deal <see cref="Id"/>, with the deal as it was before.</summary>
public interface IChangesDeal : IAudited
{
    long Id { get; }

    string IAudited.AuditEntity => "deal";

    string? IAudited.AuditId => Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A deal as the caller may see it, for the audit log's "before"; null when there is no such deal for the caller.</summary>
public interface IDealSnapshots
{
    Task<object?> FindAsync(long dealId, CancellationToken cancellationToken);
}

/// <summary>
/// Writes one audit row for every command that succeeds, in the command's own transaction: who,
/// when, which command, on what, and the entity before (for deal changes) and after; and its row
/// in the change feed (<see cref="ChangeFeed"/>). Secrets in an answer (a new API key) are never written.
/// </summary>
public sealed class AuditBehavior<TRequest, TResponse>(DbSession session, ICurrentUser caller, IDealSnapshots deals, IClock clock, IOptions<JsonOptions> json, IEnumerable<IChangeOutbox> outboxes)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string Action = typeof(TRequest).Name;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (request is not IAudited audited)
        {
            return await next();
        }

        JsonObject? before = null;
        if (request is IChangesDeal change && await deals.FindAsync(change.Id, cancellationToken) is { } deal)
        {
            before = Serialize(deal);
        }

        var response = await next();
        var after = response is Unit or null ? null : Serialize(response);
        var id = audited.AuditId ?? Property<long>(response, "Id")?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var at = clock.UtcNow;
        await session.ExecuteAsync(
            "INSERT INTO audit_log (at, user_id, actor, action, entity, entity_id, before_json, after_json) VALUES (@at, @userId, @actor, @action, @entity, @entityId, @before, @after)",
            new
            {
                at,
                userId = caller.UserId,
                actor = caller.Actor,
                action = Action,
                entity = audited.AuditEntity,
                entityId = id,
                before = before?.ToJsonString(),
                after = after?.ToJsonString() ?? (response is Unit or null ? null : "null"),
            },
            cancellationToken);
        if (ChangeFeed.IsRecorded(audited.AuditEntity))
        {
            var dealId = (request as IChangesDeal)?.Id ?? Property<long>(response, "DealId") ?? (audited.AuditEntity == "deal" ? Property<long>(response, "Id") : null);
            var kind = ChangeFeed.KindOf(request, Action);
            var key = await ChangeFeed.RecordAsync(
                session,
                new ChangeFeed.Change(audited.AuditEntity, id, kind, Property<int>(response, "Version"), dealId, caller.UserId, caller.Actor, at),
                cancellationToken);
            foreach (var outbox in outboxes)
            {
                await outbox.RecordAsync(
                    session,
                    new CommittedChange(key, audited.AuditEntity, id, Action, kind, dealId, before, after, request, caller.UserId, caller.Actor, at),
                    cancellationToken);
            }
        }

        return response;
    }

    private static T? Property<T>(object? value, string name)
        where T : struct =>
        value?.GetType().GetProperty(name)?.GetValue(value) is T found ? found : null;

    /// <summary>The entity as JSON, without the secrets an answer may hold (a new API key, a webhook's signing secret).</summary>
    private JsonObject? Serialize(object value)
    {
        var node = JsonSerializer.SerializeToNode(value, value.GetType(), json.Value.SerializerOptions);
        if (node is JsonObject obj)
        {
            obj.Remove("apiKey");
            obj.Remove("secret");
        }

        return node as JsonObject;
    }
}
