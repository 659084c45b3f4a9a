using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;

namespace DealPipeline.Api.Application.Behaviors;

/// <summary>A command that names what it writes, for the audit log.</summary>
public interface IAudited
{
    /// <summary>The kind of thing written: deal, park, user, apiKey …</summary>
    string AuditEntity { get; }

    /// <summary>Its id when the command names it (null for a create: the id is taken from the answer, an <see cref="IHasId"/>).</summary>
    string? AuditId { get; }

    /// <summary>What the command did, for the change feed and webhooks: one of <see cref="ChangeKinds"/> or a kind of its own (stageChanged …).</summary>
    string ChangeKind { get; }
}

/// <summary>The kinds of change most commands make; a command that does more names its own (a deal's stage moved: stageChanged).</summary>
public static class ChangeKinds
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
}

/// <summary>A command that changes one existing row, named by its <see cref="Id"/>: audited under that id, as an update unless it says otherwise.</summary>
public interface IChangesOne : IAudited
{
    long Id { get; }

    string? IAudited.AuditId => Id.ToString(CultureInfo.InvariantCulture);

    string IAudited.ChangeKind => ChangeKinds.Updated;
}

/// <summary>A command that changes one existing deal: audited as the deal <see cref="IChangesOne.Id"/>, with the deal as it was before.</summary>
public interface IChangesDeal : IChangesOne
{
    string IAudited.AuditEntity => "deal";
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
        var id = audited.AuditId ?? (response as IHasId)?.Id.ToString(CultureInfo.InvariantCulture);
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
            var dealId = (request as IChangesDeal)?.Id ?? (response as IDealScoped)?.DealOf ?? (audited.AuditEntity == "deal" ? (response as IHasId)?.Id : null);
            var kind = audited.ChangeKind;
            var key = await ChangeFeed.RecordAsync(
                session,
                new ChangeFeed.Change(audited.AuditEntity, id, kind, (response as IVersioned)?.Version, dealId, caller.UserId, caller.Actor, at),
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
