using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DealPipeline.Api.Features.Webhooks;

/// <summary>
/// The OpenAPI document's <c>webhooks</c> (OpenAPI 3.1): for each event, the POST a receiver gets,
/// its Standard Webhooks headers and its JSON body's schema (see <see cref="WebhookPayloads"/>).
/// </summary>
public sealed class WebhookDocumentation : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> Summaries = new(StringComparer.Ordinal)
    {
        [WebhookEventTypes.DealCreated] = "A deal was created.",
        [WebhookEventTypes.DealUpdated] = "A deal's fields were corrected or a milestone recorded: data.changedFields names them.",
        [WebhookEventTypes.DealStageChanged] = "A deal moved to another stage: data.from, data.to, data.on.",
        [WebhookEventTypes.DealStatusChanged] = "A deal was put on hold, marked lost (data.reason) or reactivated: data.from, data.to.",
        [WebhookEventTypes.DealDeleted] = "A deal was deleted (data.deal is the deal as it was).",
        [WebhookEventTypes.ActivityCreated] = "An activity (call, visit, meeting …) was recorded on a deal.",
        [WebhookEventTypes.LetterCreated] = "A letter (倡议书, 意向书, 聘书) was recorded.",
        [WebhookEventTypes.EventCreated] = "A promotion event was created.",
        [WebhookEventTypes.EventUpdated] = "A promotion event was corrected.",
        [WebhookEventTypes.ClaimCreated] = "A unit registered a claim on a company's project (首报首谈); its evidence is not sent.",
        [WebhookEventTypes.ClaimUpdated] = "A claim was renewed, released, transferred (统筹流转) or overridden for another unit's deal: data.change says which.",
        [WebhookEventTypes.LeadCreated] = "A lead (线索) came in and was dispatched: data.lead says to whom (or the shared pool).",
        [WebhookEventTypes.LeadUpdated] = "A lead was taken, assigned, contacted, recycled to the pool, dropped or converted to a deal: data.change says which.",
        [WebhookEventTypes.MilestoneRecorded] = "A deal reached a milestone of the office's own steps (供地, 备案 …; 开工 and 投产 are fields of the deal: deal.updated).",
        [WebhookEventTypes.MilestoneRemoved] = "A deal moved back below landing or signing lost a milestone of that life (data.milestone as it was).",
        [WebhookEventTypes.NeedCreated] = "A project asked the park for land, energy, environmental capacity, water or power (要素保障).",
        [WebhookEventTypes.NeedDecided] = "A need was approved in full or in part, or refused: data.need.state says which.",
        [WebhookEventTypes.AttachmentCreated] = "An evidence file (bank receipt, capital verification report …) was kept on a deal: its name, kind, type, size and SHA-256, never its content (a confidential deal's without its name).",
        [WebhookEventTypes.LeadEscalated] = "A lead late on a deadline was escalated (its officer, the team's managers, flagged): data.notify lists the users to tell.",
    };

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var type in WebhookEventTypes.All)
        {
            var message = WebhookPayloads.MessageOf(type);
            if (!document.Components.Schemas.ContainsKey(message.Name))
            {
                var schema = await context.GetOrCreateSchemaAsync(message, null, cancellationToken);
                Unrequire(schema, WebhookOutbox.Revealing);
                document.Components.Schemas[message.Name] = schema;
            }

            var operation = new OpenApiOperation
            {
                OperationId = "Webhook_" + type.Replace('.', '_'),
                Tags = new HashSet<OpenApiTagReference> { new("Webhooks", document) },
                Summary = Summaries[type],
                Description =
                    "POSTed to each subscription that lists this event. Verify webhook-signature (Standard Webhooks: v1,base64 HMAC-SHA256 of " +
                    "webhook-id.webhook-timestamp.body with the secret's bytes after whsec_) and refuse timestamps older than a few minutes; " +
                    "deduplicate on webhook-id. Answer 2xx within 10 s; anything else is retried. A confidential deal carries its codeName, never its name.",
                Parameters =
                [
                    Header("webhook-id", "msg_{eventId}: the same on every attempt of this message."),
                    Header("webhook-timestamp", "When this attempt was signed, in Unix seconds."),
                    Header("webhook-signature", "v1,<base64 signature>, several separated by spaces while a rotated secret overlaps."),
                ],
                RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchemaReference(message.Name, document) } },
                },
                Responses = new OpenApiResponses { ["2XX"] = new OpenApiResponse { Description = "Received: the delivery is settled." } },
            };
            document.Webhooks[type] = new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Post] = operation } };
        }
    }

    /// <summary>For a confidential deal the outbox leaves out what would reveal it: those members are never required in a message.</summary>
    private static void Unrequire(IOpenApiSchema schema, IReadOnlyCollection<string> names)
    {
        if (schema is not OpenApiSchema inline)
        {
            return;
        }

        inline.Required?.ExceptWith(names);
        foreach (var member in (inline.Properties?.Values ?? []).Concat(inline.OneOf ?? []).Concat(inline.AnyOf ?? []))
        {
            Unrequire(member, names);
        }
    }

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = true,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
