using System.Text.Json.Nodes;

namespace DealPipeline.Api.Application;

/// <summary>A write about to commit, as the audit behavior saw it: what it was, on what, by whom, and the entity before and after.</summary>
public sealed record CommittedChange(
    long ChangeKey,
    string Entity,
    string? EntityId,
    string Command,
    string Kind,
    long? DealId,
    JsonObject? Before,
    JsonObject? After,
    object Request,
    long? UserId,
    string Actor,
    DateTimeOffset At);

/// <summary>
/// Told of every audited write inside the write's own transaction (after its change-feed row), so
/// that what it records commits or rolls back with the write: the webhook outbox.
/// </summary>
public interface IChangeOutbox
{
    Task RecordAsync(DbSession session, CommittedChange change, CancellationToken cancellationToken);
}

/// <summary>A command that carries the business date of what it records and a free-text reason, for the events that announce it.</summary>
public interface IExplainedChange
{
    /// <summary>The business date it records (null: today, China Standard Time).</summary>
    DateOnly? Dated { get; }

    string? Why { get; }
}
