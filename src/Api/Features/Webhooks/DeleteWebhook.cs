namespace DealPipeline.Api.Features.Webhooks;

/// <summary>Ends a subscription: nothing more is sent to it, and its deliveries still waiting are cancelled (their history stays).</summary>
public sealed record DeleteWebhook(long Id, IfMatch? ExpectedVersion) : ICommand<Unit>, IAudited
{
    string IAudited.AuditEntity => "webhook";

    string? IAudited.AuditId => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class DeleteWebhookHandler(DbSession session, IClock clock) : IRequestHandler<DeleteWebhook, Unit>
{
    public async Task<Unit> Handle(DeleteWebhook request, CancellationToken cancellationToken)
    {
        var row = await WebhookRow.GetAsync(session, request.Id, cancellationToken);
        if (request.ExpectedVersion?.Allows(row.Version) == false)
        {
            throw ProblemException.PreconditionFailed(row.Version);
        }

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
        return Unit.Value;
    }
}
