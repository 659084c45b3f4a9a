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

/// <summary>
/// An answer whose command changed other rows beside the one it names (a company merge moves the company's deals):
/// each is audited, and in the change feed and webhooks, as a write of its own by the same command.
/// </summary>
public interface IAlsoChanged
{
    IReadOnlyList<OtherChange> AlsoChanged { get; }
}

/// <summary>A row a command changed beside the one it names: what it is, its new version, and the row before and after.</summary>
/// <summary>A command that writes on behalf of a ledger import: its audit and change-feed rows carry the import's id.</summary>
public interface IImportWrite
{
    long ImportId { get; }
}

public sealed record OtherChange(string Entity, long Id, string Kind, int? Version, long? DealId, object? Before, object? After);

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
        var dealId = (request as IChangesDeal)?.Id ?? (response as IDealScoped)?.DealOf ?? (audited.AuditEntity == "deal" ? (response as IHasId)?.Id : null);
        await RecordAsync(
            request,
            new Written(audited.AuditEntity, id, audited.ChangeKind, (response as IVersioned)?.Version, dealId, before, after, response is Unit or null ? null : after?.ToJsonString() ?? "null"),
            at,
            cancellationToken);
        foreach (var other in (response as IAlsoChanged)?.AlsoChanged ?? [])
        {
            var otherAfter = other.After is null ? null : Serialize(other.After);
            await RecordAsync(
                request,
                new Written(other.Entity, other.Id.ToString(CultureInfo.InvariantCulture), other.Kind, other.Version, other.DealId, other.Before is null ? null : Serialize(other.Before), otherAfter, otherAfter?.ToJsonString()),
                at,
                cancellationToken);
        }

        return response;
    }

    /// <summary>One written entity: its audit row, and its change-feed row and outbox entries unless it is left out of the feed.</summary>
    private async Task RecordAsync(TRequest request, Written written, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(
            "INSERT INTO audit_log (at, user_id, actor, action, entity, entity_id, before_json, after_json, import_id) VALUES (@at, @userId, @actor, @action, @entity, @entityId, @before, @after, @importId)",
            new
            {
                at,
                userId = caller.UserId,
                actor = caller.Actor,
                action = Action,
                entity = written.Entity,
                entityId = written.Id,
                before = written.Before?.ToJsonString(),
                after = written.AfterText,
                importId = (request as IImportWrite)?.ImportId,
            },
            cancellationToken);
        if (!ChangeFeed.IsRecorded(written.Entity))
        {
            return;
        }

        var key = await ChangeFeed.RecordAsync(
            session,
            new ChangeFeed.Change(written.Entity, written.Id, written.Kind, written.Version, written.DealId, caller.UserId, caller.Actor, at, (request as IImportWrite)?.ImportId),
            cancellationToken);
        foreach (var outbox in outboxes)
        {
            await outbox.RecordAsync(
                session,
                new CommittedChange(key, written.Entity, written.Id, Action, written.Kind, written.DealId, written.Before, written.After, request!, caller.UserId, caller.Actor, at),
                cancellationToken);
        }
    }

    private sealed record Written(string Entity, string? Id, string Kind, int? Version, long? DealId, JsonObject? Before, JsonObject? After, string? AfterText);

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
