using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Webhooks;

/// <summary>Changes a subscription with a merge patch of the fields it was made with: url, events, description, paused.</summary>
public sealed record PatchWebhook(long Id, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<WebhookResponse>, IChangesOne
{
    string IAudited.AuditEntity => "webhook";
}

/// <summary>
/// A new address is checked like a new subscription's. Resuming a paused subscription gives its
/// waiting deliveries a full retry window again, counted from now.
/// </summary>
public sealed class PatchWebhookHandler(
    WebhookStore webhooks, IValidator<CreateWebhook> validator, WebhookDestinations destinations, IClock clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IRequestHandler<PatchWebhook, WebhookResponse>
{
    public async Task<WebhookResponse> Handle(PatchWebhook request, CancellationToken cancellationToken)
    {
        var row = await webhooks.GetAsync(request.Id, cancellationToken);
        var now = clock.UtcNow;
        var current = row.ToResponse(now);
        var fields = await ReferenceData.MergeAsync(
            new CreateWebhook(current.Url, current.Events, current.Description, current.Paused),
            current.Version,
            request.Patch,
            request.ExpectedVersion,
            validator,
            json.Value.SerializerOptions,
            cancellationToken);
        var url = new Uri(fields.Url!.Trim());
        if (url.AbsoluteUri != current.Url && await destinations.CheckAsync(url, cancellationToken) is { } refusal)
        {
            throw ProblemException.Invalid("url", refusal);
        }

        var changed = current with
        {
            Url = url.AbsoluteUri,
            Events = fields.Events!,
            Description = string.IsNullOrWhiteSpace(fields.Description) ? null : fields.Description.Trim(),
            Paused = fields.Paused ?? false,
            Version = current.Version + 1,
        };
        await webhooks.UpdateAsync(current, changed, cancellationToken);

        return changed;
    }
}
