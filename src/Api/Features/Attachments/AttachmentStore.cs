using System.Security.Cryptography;

namespace DealPipeline.Api.Features.Attachments;

/// <summary>An evidence file on a deal, as listed: never its content, which is downloaded on its own.</summary>
public sealed record AttachmentResponse : IHasId, IDealScoped
{
    long? IDealScoped.DealOf => DealId;

    public long Id { get; init; }

    public long DealId { get; init; }

    public EvidenceKind Kind { get; init; }

    public string FileName { get; init; } = "";

    /// <summary>application/pdf, image/png or image/jpeg: what the content is, checked on upload.</summary>
    public string ContentType { get; init; } = "";

    public long SizeBytes { get; init; }

    /// <summary>The content's SHA-256, in hex: the same file uploaded twice has the same hash.</summary>
    public string Sha256 { get; init; } = "";

    public string? Note { get; init; }

    public long? ByUserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The deal_attachments table, and the files themselves in it or in Attachments:Directory.</summary>
public sealed class AttachmentStore(DbSession session, IClock clock, IOptions<AttachmentOptions> options)
{
    private const string Columns = "id, deal_id, kind, file_name, content_type, size_bytes, sha256, note, by_user_id, created_at";

    public async Task<long> AddAsync(long dealId, EvidenceKind kind, string fileName, string contentType, byte[] content, string? note, long? byUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        byte[]? inDatabase = content;
        if (options.Value.Directory is { Length: > 0 } directory)
        {
            // Named by content: a rolled-back upload leaves at most a file another upload of the same bytes would reuse.
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, sha);
            if (!File.Exists(path))
            {
                var temporary = path + "." + Guid.NewGuid().ToString("N") + ".part";
                await File.WriteAllBytesAsync(temporary, content, cancellationToken);
                File.Move(temporary, path, overwrite: true);
            }

            inDatabase = null;
        }

        return await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId(
                "deal_attachments",
                "deal_id, kind, file_name, content_type, size_bytes, sha256, content, note, by_user_id, created_at",
                "@dealId, @kind, @fileName, @contentType, @size, @sha, @content, @note, @byUserId, @now"),
            new
            {
                dealId,
                kind = Names.Of(kind),
                fileName,
                contentType,
                size = (long)content.Length,
                sha,
                content = inDatabase,
                note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
                byUserId,
                now = clock.UtcNow,
            },
            cancellationToken);
    }

    public async Task<AttachmentResponse> GetAsync(long dealId, long id, CancellationToken cancellationToken) =>
        (await session.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM deal_attachments WHERE id = @id AND deal_id = @dealId", new { id, dealId }, cancellationToken))?.ToResponse()
        ?? throw ProblemException.NotFound("attachment", id);

    public async Task<IReadOnlyList<AttachmentResponse>> OfDealAsync(long dealId, CancellationToken cancellationToken) =>
        [.. (await session.QueryAsync<Row>($"SELECT {Columns} FROM deal_attachments WHERE deal_id = @dealId ORDER BY id", new { dealId }, cancellationToken)).Select(r => r.ToResponse())];

    /// <summary>The file's bytes, from the database or the directory (a file missing or altered there is a 404 for it, and logged by the caller's 404).</summary>
    public async Task<byte[]> ContentAsync(AttachmentResponse attachment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var stored = await session.ExecuteScalarAsync<byte[]?>("SELECT content FROM deal_attachments WHERE id = @Id", new { attachment.Id }, cancellationToken);
        if (stored is not null)
        {
            return stored;
        }

        var path = options.Value.Directory is { Length: > 0 } directory ? Path.Combine(directory, attachment.Sha256) : null;
        var bytes = path is not null && File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
        return bytes is not null && Convert.ToHexStringLower(SHA256.HashData(bytes)) == attachment.Sha256
            ? bytes
            : throw new ProblemException(StatusCodes.Status404NotFound, ProblemTexts.NotFound, ProblemTexts.AttachmentFileMissing.With(("id", attachment.Id))) { Code = "attachment.fileMissing" };
    }

    private sealed record Row
    {
        public long Id { get; init; }

        public long DealId { get; init; }

        public string Kind { get; init; } = "";

        public string FileName { get; init; } = "";

        public string ContentType { get; init; } = "";

        public long SizeBytes { get; init; }

        public string Sha256 { get; init; } = "";

        public string? Note { get; init; }

        public long? ByUserId { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public AttachmentResponse ToResponse() => new()
        {
            Id = Id,
            DealId = DealId,
            Kind = Names.TryParse<EvidenceKind>(Kind.Trim(), out var kind) ? kind : EvidenceKind.Other,
            FileName = FileName,
            ContentType = ContentType.Trim(),
            SizeBytes = SizeBytes,
            Sha256 = Sha256.Trim(),
            Note = Note,
            ByUserId = ByUserId,
            CreatedAt = CreatedAt,
        };
    }
}
