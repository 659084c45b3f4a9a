using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Ledgers;

/// <summary>The imports and their rows: the file kept for the commit, each phase's outcomes, the counts.</summary>
public sealed class ImportStore(DbSession session, IClock clock, ICurrentUser caller, CallerLanguage language)
{
    private const string Columns = "id, kind, file_name, format, encoding, size_bytes, sha256, status, rows_total, rows_create, rows_update, rows_unchanged, rows_refused, rows_done, by_user_id, created_at, committed_at, version";

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

    /// <summary>
    /// Records a batch of the commit: its rows' outcomes, the counts so far and the rows done, and the import committed once
    /// <paramref name="rowsDone"/> reaches the file's <paramref name="rows"/> (412 if another commit moved it meanwhile).
    /// </summary>
    public async Task RecordBatchAsync(ImportResponse current, IReadOnlyList<RowOutcome> outcomes, int rows, int rowsDone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var before = current.Status == ImportStatus.DryRun ? new ImportCounts(0, 0, 0, 0, 0) : current.Counts;
        var batch = CountsOf(outcomes);
        var finished = rowsDone >= rows;
        var updated = await session.ExecuteAsync(
            "UPDATE imports SET status = @status, rows_total = @rows, rows_create = @create, rows_update = @update, rows_unchanged = @unchanged, rows_refused = @refused, " +
            "rows_done = @rowsDone, committed_at = @committedAt, version = version + 1 WHERE id = @Id AND version = @Version AND status <> @committed",
            new
            {
                status = (int)(finished ? ImportStatus.Committed : ImportStatus.Committing),
                rows,
                create = before.Create + batch.Create,
                update = before.Update + batch.Update,
                unchanged = before.Unchanged + batch.Unchanged,
                refused = before.Refused + batch.Refused,
                rowsDone,
                committedAt = finished ? clock.UtcNow : (DateTimeOffset?)null,
                current.Id,
                current.Version,
                committed = (int)ImportStatus.Committed,
            },
            cancellationToken);
        if (updated == 0)
        {
            throw ProblemException.PreconditionFailed(current.Version + 1);
        }

        await AddRowsAsync(current.Id, ImportStatus.Committed, outcomes, cancellationToken);
    }

    /// <summary>The outcome codes of the dry run's rows that are refused by the file itself (a second row of the same entry), which a commit keeps.</summary>
    public async Task<IReadOnlyDictionary<int, RowOutcome>> FileRefusalsAsync(long id, CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync<OutcomeRow>(
            "SELECT row_no, action, entity_id, code, errors FROM import_rows WHERE import_id = @id AND phase = @phase AND code = @code",
            new { id, phase = (int)ImportStatus.DryRun, code = "import.duplicateRow" },
            cancellationToken);
        return rows.ToDictionary(r => r.RowNo, r => new RowOutcome(r.RowNo, RowAction.Refused, null, r.Code, r.Errors is null ? [] : JsonSerializer.Deserialize<List<RowError>>(r.Errors, ErrorsJson)!));
    }

    /// <summary>The import; with <paramref name="rows"/> false, without its rows' outcomes (what the audit log keeps of each batch).</summary>
    public async Task<ImportResponse> GetAsync(long id, CancellationToken cancellationToken, bool rows = true)
    {
        var row = await session.QuerySingleOrDefaultAsync<ImportRow>($"SELECT {Columns} FROM imports WHERE id = @id", new { id }, cancellationToken)
            ?? throw ProblemException.NotFound("import", id);
        var outcomes = !rows ? [] : await session.QueryAsync<OutcomeRow>(
            "SELECT row_no, action, entity_id, code, errors FROM import_rows WHERE import_id = @importId AND phase = @phase ORDER BY row_no",
            new { importId = id, phase = row.Status == (int)ImportStatus.DryRun ? (int)ImportStatus.DryRun : (int)ImportStatus.Committed },
            cancellationToken);
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
            RowsDone = row.RowsDone,
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

        public int RowsDone { get; init; }

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
