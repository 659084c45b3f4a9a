using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Ledgers;

/// <summary>The imports and their rows: the file kept for the commit, each phase's outcomes, the counts.</summary>
public sealed class ImportStore(DbSession session, IClock clock, ICurrentUser caller, CallerLanguage language)
{
    private const string Columns = "id, kind, file_name, format, encoding, size_bytes, sha256, status, rows_total, rows_create, rows_update, rows_unchanged, rows_refused, by_user_id, created_at, committed_at, version";

    private static readonly JsonSerializerOptions ErrorsJson = new(JsonSerializerDefaults.Web);

    public async Task<long> AddAsync(ImportKind kind, string? fileName, Sheet sheet, byte[] content, IReadOnlyList<RowOutcome> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(content);
        var counts = CountsOf(outcomes);
        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId(
                "imports",
                "kind, file_name, format, encoding, size_bytes, sha256, content, status, rows_total, rows_create, rows_update, rows_unchanged, rows_refused, by_user_id, created_at, committed_at, version",
                "@kind, @fileName, @Format, @Encoding, @size, @sha, @content, @status, @Rows, @Create, @Update, @Unchanged, @Refused, @by, @now, NULL, 1"),
            new
            {
                kind = Names.Of(kind),
                fileName,
                sheet.Format,
                sheet.Encoding,
                size = (long)content.Length,
                sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
                content,
                status = (int)ImportStatus.DryRun,
                counts.Rows,
                counts.Create,
                counts.Update,
                counts.Unchanged,
                counts.Refused,
                by = caller.UserId,
                now = clock.UtcNow,
            },
            cancellationToken);
        await AddRowsAsync(id, ImportStatus.DryRun, outcomes, cancellationToken);
        return id;
    }

    /// <summary>Marks the import committed with what the commit did (412 if it changed meanwhile).</summary>
    public async Task CommitAsync(ImportResponse current, IReadOnlyList<RowOutcome> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var counts = CountsOf(outcomes);
        var updated = await session.ExecuteAsync(
            "UPDATE imports SET status = @status, rows_total = @Rows, rows_create = @Create, rows_update = @Update, rows_unchanged = @Unchanged, rows_refused = @Refused, " +
            "committed_at = @now, version = version + 1 WHERE id = @Id AND version = @Version AND status = @dryRun",
            new { status = (int)ImportStatus.Committed, counts.Rows, counts.Create, counts.Update, counts.Unchanged, counts.Refused, now = clock.UtcNow, current.Id, current.Version, dryRun = (int)ImportStatus.DryRun },
            cancellationToken);
        if (updated == 0)
        {
            throw ProblemException.PreconditionFailed(current.Version + 1);
        }

        await AddRowsAsync(current.Id, ImportStatus.Committed, outcomes, cancellationToken);
    }

    public async Task<ImportResponse> GetAsync(long id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<ImportRow>($"SELECT {Columns} FROM imports WHERE id = @id", new { id }, cancellationToken)
            ?? throw ProblemException.NotFound("import", id);
        var outcomes = await session.QueryAsync<OutcomeRow>(
            "SELECT row_no, action, entity_id, code, errors FROM import_rows WHERE import_id = @importId AND phase = @phase ORDER BY row_no", new { importId = id, phase = row.Status }, cancellationToken);
        var chinese = !language.English;
        return new ImportResponse
        {
            Version = row.Version,
            Id = row.Id,
            Kind = Names.TryParse<ImportKind>(row.Kind, out var kind) ? kind : ImportKind.Companies,
            Status = (ImportStatus)row.Status,
            FileName = row.FileName,
            Format = row.Format,
            Encoding = row.Encoding,
            SizeBytes = row.SizeBytes,
            Sha256 = row.Sha256,
            Counts = new ImportCounts(row.RowsTotal, row.RowsCreate, row.RowsUpdate, row.RowsUnchanged, row.RowsRefused),
            Rows = [.. outcomes.Select(o => new ImportRowResponse(
                o.RowNo,
                (RowAction)o.Action,
                o.EntityId,
                o.Code,
                o.Errors is null ? null : JsonSerializer.Deserialize<List<RowError>>(o.Errors, ErrorsJson)!.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => chinese ? e.Zh : e.En).ToArray())))],
            ByUserId = row.ByUserId,
            CreatedAt = row.CreatedAt,
            CommittedAt = row.CommittedAt,
        };
    }

    /// <summary>The file as uploaded, for the commit to read again.</summary>
    public async Task<byte[]> ContentAsync(long id, CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<byte[]>("SELECT content FROM imports WHERE id = @id", new { id }, cancellationToken) ?? throw ProblemException.NotFound("import", id);

    private static ImportCounts CountsOf(IReadOnlyList<RowOutcome> outcomes) =>
        new(outcomes.Count, outcomes.Count(o => o.Action == RowAction.Create), outcomes.Count(o => o.Action == RowAction.Update), outcomes.Count(o => o.Action == RowAction.Unchanged), outcomes.Count(o => o.Action == RowAction.Refused));

    private async Task AddRowsAsync(long id, ImportStatus phase, IReadOnlyList<RowOutcome> outcomes, CancellationToken cancellationToken)
    {
        foreach (var o in outcomes)
        {
            await session.ExecuteAsync(
                "INSERT INTO import_rows (import_id, phase, row_no, action, entity_id, code, errors) VALUES (@id, @phase, @Row, @action, @EntityId, @Code, @errors)",
                new { id, phase = (int)phase, o.Row, action = (int)o.Action, o.EntityId, o.Code, errors = o.Errors.Count == 0 ? null : JsonSerializer.Serialize(o.Errors, ErrorsJson) },
                cancellationToken);
        }
    }

    private sealed record ImportRow
    {
        public long Id { get; init; }

        public string Kind { get; init; } = "";

        public string? FileName { get; init; }

        public string Format { get; init; } = "";

        public string? Encoding { get; init; }

        public long SizeBytes { get; init; }

        public string Sha256 { get; init; } = "";

        public int Status { get; init; }

        public int RowsTotal { get; init; }

        public int RowsCreate { get; init; }

        public int RowsUpdate { get; init; }

        public int RowsUnchanged { get; init; }

        public int RowsRefused { get; init; }

        public long? ByUserId { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset? CommittedAt { get; init; }

        public int Version { get; init; }
    }

    private sealed record OutcomeRow
    {
        public int RowNo { get; init; }

        public int Action { get; init; }

        public long? EntityId { get; init; }

        public string? Code { get; init; }

        public string? Errors { get; init; }
    }
}
