using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Webhooks;

public sealed class WebhooksModule : IModule
{
    private const string Signing =
        "Each event is POSTed as JSON {type, timestamp, data} with the Standard Webhooks headers webhook-id (msg_{eventId}, the same on every " +
        "attempt: deduplicate on it), webhook-timestamp (Unix seconds) and webhook-signature (v1,base64 HMAC-SHA256 over id.timestamp.body with " +
        "the secret's bytes after whsec_); see docs/webhooks.md. Delivery is at least once, in order per deal; a 2xx within Webhooks:TimeoutSeconds " +
        "(10) settles it, anything else is retried with exponential back-off and jitter for Webhooks:RetryHours (24), then the delivery is failed. " +
        "Redirects are not followed. The address must be https and public; an operator lists internal receivers in Webhooks:AllowedNetworks.";

    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.AllowedNetworks.All(WebhookOptions.IsNetworkOrHost), "Webhooks:AllowedNetworks lists CIDR networks (10.20.0.0/16) or host names.")
            .ValidateOnStart();
        services.AddScoped<WebhookStore>();
        services.AddSingleton<WebhookDestinations>();
        services.AddSingleton<WebhookSignal>();
        services.AddScoped<IChangeOutbox, WebhookOutbox>();
        services.AddHostedService<WebhookDispatcher>();

        // The webhooks section of the OpenAPI document: configured before the document's own transformers run.
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.AddDocumentTransformer<WebhookDocumentation>());
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/webhooks").WithTags("Webhooks");
        group.MapCreate<CreateWebhook, WebhookWithSecretResponse>()
            .WithName("CreateWebhook").Allow(Policies.Admin).WithMetadata(new SecretResponse())
            .WithSummary("Subscribes a receiver to events; the answer holds the signing secret (whsec_…), shown only this once.")
            .WithDescription($"Events: {string.Join(", ", WebhookEventTypes.All)}. {Signing}")
            .WithProblems(400);
        group.MapQuery<ListWebhooks, Page<WebhookResponse>>("/")
            .Describe("ListWebhooks", Policies.Admin, "Lists the subscriptions in id order (never their secrets).")
            .WithProblems(400);
        group.MapReadAndCorrect<WebhookResponse, CreateWebhook>("webhook", Policies.Admin, id => new GetWebhook(id), (id, patch, ifMatch) => new PatchWebhook(id, patch, ifMatch), readPolicy: Policies.Admin)
            .WithDescription("Changes url, events, description or paused. While paused, events are kept; on resuming, they are sent in order with a new retry window.");
        group.MapDelete("/{id:long}", async (long id, IMediator mediator, HttpRequest request, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteWebhook(id, ETags.ExpectedVersion(request)), ct);
                return TypedResults.NoContent();
            })
            .Describe("DeleteWebhook", Policies.Admin, "Ends a subscription: nothing more is sent, deliveries still waiting are cancelled; their history stays readable.")
            .WithProblems(404, 412);
        group.MapPost("/{id:long}/rotate-secret", async (long id, RotateBody? body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var webhook = await mediator.Send(new RotateWebhookSecret(id, body?.OverlapHours), ct);
                return ETags.Ok(response, webhook, webhook.Version);
            })
            .WithName("RotateWebhookSecret").Allow(Policies.Admin).WithMetadata(new SecretResponse())
            .WithSummary("Makes a new signing secret (answered once); the previous one keeps signing too for overlapHours (default 24, 0-168).")
            .WithProblems(400, 404, 412);
        group.MapQuery<ListWebhookDeliveries, Page<WebhookDeliveryResponse>>("/{id:long}/deliveries")
            .Describe("ListWebhookDeliveries", Policies.Admin, "Lists a subscription's deliveries in id order, each with every attempt (time, duration, status code or error); status filters.")
            .WithProblems(400, 404);
        group.MapPost("/{id:long}/deliveries/{deliveryId:long}/redeliver", async (long id, long deliveryId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries", await mediator.Send(new RedeliverWebhookDelivery(id, deliveryId), ct)))
            .Describe("RedeliverWebhookDelivery", Policies.Admin, "Sends a delivery again, whatever its status, with the same webhook-id: at once, then retried like a new one.")
            .WithProblems(404);
    }
}
