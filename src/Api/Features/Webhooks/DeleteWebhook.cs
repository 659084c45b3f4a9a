namespace DealPipeline.Api.Features.Webhooks;

/// <summary>Ends a subscription: nothing more is sent to it, and its deliveries still waiting are cancelled (their history stays).</summary>
public sealed record DeleteWebhook(long Id, IfMatch? ExpectedVersion) : ICommand<Unit>, IChangesOne
{
    string IAudited.AuditEntity => "webhook";

    string IAudited.ChangeKind => ChangeKinds.Deleted;
}

public sealed class DeleteWebhookHandler(WebhookStore webhooks) : IRequestHandler<DeleteWebhook, Unit>
{
    public async Task<Unit> Handle(DeleteWebhook request, CancellationToken cancellationToken)
    {
        var row = await webhooks.GetAsync(request.Id, cancellationToken);
        if (request.ExpectedVersion?.Allows(row.Version) == false)
        {
            throw ProblemException.PreconditionFailed(row.Version);
        }

        await webhooks.DeleteAsync(row, cancellationToken);
        return Unit.Value;
    }
}
