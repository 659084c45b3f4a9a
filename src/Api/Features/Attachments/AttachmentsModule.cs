using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Attachments;

/// <summary>Evidence files on deals (佐证材料): bank receipts, capital verification reports, FX certificates, contracts, registrations.</summary>
public sealed class AttachmentsModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AttachmentStore>();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/deals/{id:long}/attachments").WithTags("Deals");
        group.MapPost("/", async (long id, string? kind, string? fileName, string? note, HttpRequest request, IMediator mediator, IOptions<AttachmentOptions> options, CancellationToken ct) =>
            {
                var content = await Http.RequestFiles.ReadAsync(request, options.Value.MaxBytes, ct);
                var attachment = await mediator.Send(new AddDealAttachment(id, kind, fileName, request.ContentType, content, note), ct);
                return TypedResults.Created($"/api/v1/deals/{id}/attachments/{attachment.Id}", attachment);
            })
            .WithMetadata(new Http.BodyLimitedByEndpoint())
            .Accepts<byte[]>("application/pdf", "image/png", "image/jpeg")
            .WithMetadata(new Http.FileBody(
                "The file itself: a PDF, PNG or JPEG document, sent with its own type.",
                new Dictionary<string, string> { ["application/pdf"] = "(a PDF: a scanned bank receipt, a capital verification report …)" }))
            .Describe("AddDealAttachment", Policies.WorkDeals, "Keeps an evidence file (佐证材料) on a deal: a bank receipt, a capital verification report, an FX certificate, a contract or a registration, as a PDF, PNG or JPEG.")
            .WithProse("""
                The body is the file; Content-Type says its type, which its content must be (a PDF, PNG or JPEG by its signature; anything else,
                or a type other than the declared one, is a 415: attachment.type, attachment.typeDiffers). Query: kind (bankReceipt 银行回单,
                capitalVerification 验资报告, fxCertificate 外汇登记凭证, contract, registration 营业执照/税务登记, other), fileName (required, 1 to 200
                characters, no path, with the type's extension: .pdf, .png, .jpg or .jpeg), note. A file over Attachments:MaxBytes (10 MiB) is a
                413, an empty one a 400. Files are kept in the database, or in Attachments:Directory named by their SHA-256. Only those who may
                change the deal add files (403 otherwise).
                """)
            .WithProblems(400, 404, 413, 415);
        group.MapQuery<ListDealAttachments, IReadOnlyList<AttachmentResponse>>("/")
            .Describe("ListDealAttachments", Policies.Read, "The deal's evidence files in the order they were kept: name, kind, type, size and SHA-256, never the content.")
            .WithProblems(400, 404);
        group.MapGet("/{attachmentId:long}/content", async (long id, long attachmentId, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var file = await mediator.Send(new GetAttachmentFile(id, attachmentId), ct);
                // A download, never shown in the page: a browser saves it; like every API answer it is not cached, sniffed nor allowed
                // to run anything (nosniff, no-store, a sandboxing Content-Security-Policy: ApiResponseHeaders).
                return TypedResults.File(file.Content, file.Attachment.ContentType, file.Attachment.FileName);
            })
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf", "image/png", "image/jpeg")
            .Describe("GetAttachmentContent", Policies.Read, "Downloads an evidence file, as an attachment (Content-Disposition: attachment), never to be shown inline.")
            .WithProse("""
                Anyone who may see the deal may download its files (a confidential deal's only those who may see it: 404 otherwise). The answer
                is the file with its checked type, Content-Disposition attachment with its name, X-Content-Type-Options nosniff and a sandboxing
                Content-Security-Policy. A file kept in Attachments:Directory that is missing or altered there is a 404 (attachment.fileMissing).
                """)
            .WithProblems(404);
    }
}
