using DealPipeline.Api.Features.Deals;

namespace DealPipeline.Api.Features.Attachments;

/// <summary>Keeps an evidence file on a deal: its content checked (PDF, PNG or JPEG, as declared) before anything is written.</summary>
public sealed record AddDealAttachment(long DealId, string? Kind, string? FileName, string? ContentType, byte[] Content, string? Note) : ICommand<AttachmentResponse>, IAudited
{
    string IAudited.AuditEntity => "dealAttachment";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
}

public sealed class AddDealAttachmentValidator : AbstractValidator<AddDealAttachment>
{
    public AddDealAttachmentValidator()
    {
        RuleFor(x => x.Kind).Must(k => Names.TryParse<EvidenceKind>(k, out _))
            .WithMessage(ProblemTexts.FieldOneValues.With(("field", "kind"), ("values", string.Join(", ", Enum.GetValues<EvidenceKind>().Select(Names.Of)))));
        RuleFor(x => x.Note).MaximumLength(Validation.MaxTextLength);
    }
}

public sealed class AddDealAttachmentHandler(DealReader reader, AttachmentStore attachments, ICurrentUser caller) : IRequestHandler<AddDealAttachment, AttachmentResponse>
{
    public async Task<AttachmentResponse> Handle(AddDealAttachment request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await reader.LoadAsync(request.DealId, null, cancellationToken); // 404, or 403 for a deal the caller may not change
        string type;
        try
        {
            type = EvidenceFiles.Check(request.Content, request.ContentType, request.FileName);
        }
        catch (DomainException wrong) when (wrong.Field is null)
        {
            // Not a document kept here, or not what it claims to be: the media type is at fault.
            throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, ProblemTexts.UnsupportedMediaType, wrong.Said) { Code = wrong.Code };
        }

        var kind = QueryValues.Enum(request.Kind, EvidenceKind.Other, "kind");
        var id = await attachments.AddAsync(request.DealId, kind, request.FileName!.Trim(), type, request.Content, request.Note, caller.UserId, cancellationToken);
        return await attachments.GetAsync(request.DealId, id, cancellationToken);
    }
}

public sealed record ListDealAttachments(long Id) : IQuery<IReadOnlyList<AttachmentResponse>>;

/// <summary>One file with its bytes, for a download.</summary>
public sealed record AttachmentFile(AttachmentResponse Attachment, byte[] Content);

public sealed record GetAttachmentFile(long DealId, long Id) : IQuery<AttachmentFile>;

public sealed class AttachmentQueries(DealReader reader, AttachmentStore attachments)
    : IRequestHandler<ListDealAttachments, IReadOnlyList<AttachmentResponse>>, IRequestHandler<GetAttachmentFile, AttachmentFile>
{
    public async Task<IReadOnlyList<AttachmentResponse>> Handle(ListDealAttachments request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await reader.GetAsync(request.Id, cancellationToken); // the deal's own visibility: 404 for one the caller may not see
        return await attachments.OfDealAsync(request.Id, cancellationToken);
    }

    public async Task<AttachmentFile> Handle(GetAttachmentFile request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await reader.GetAsync(request.DealId, cancellationToken);
        var attachment = await attachments.GetAsync(request.DealId, request.Id, cancellationToken);
        return new AttachmentFile(attachment, await attachments.ContentAsync(attachment, cancellationToken));
    }
}
