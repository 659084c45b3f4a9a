namespace DealPipeline.Api.Features.Ledgers;

/// <summary>Uploads a ledger and plans it (a dry run): the import, its rows' outcomes stored (what a commit would create, update or refuse and why); nothing else is written.</summary>
public sealed record ImportLedger(ImportKind Kind, string? FileName, byte[] Content) : ICommand<ImportResponse>, IAudited
{
    string IAudited.AuditEntity => "import";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
}

/// <summary>
/// Commits the next batch of a dry run's file (Imports:BatchRows rows, each batch its own transaction): plans those rows again on the
/// data as it is now and writes every one not refused; the import is committed once its last batch is. A row the dry run refused as a
/// second row of the same entry stays refused, however the file is cut into batches.
/// </summary>
public sealed record CommitImport(long Id, IfMatch? ExpectedVersion) : ICommand<CommittedImport>, IChangesOne, IImportWrite
{
    long IImportWrite.ImportId => Id;

    string IAudited.AuditEntity => "import";

    string IAudited.ChangeKind => "committed";
}

/// <summary>A commit's answer: the import, and (for the audit log and the change feed) every company it created or updated.</summary>
public sealed record CommittedImport(ImportResponse Import) : IAlsoChanged, IVersioned
{
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<OtherChange> AlsoChanged { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public long Id => Import.Id;

    [System.Text.Json.Serialization.JsonIgnore]
    public int Version => Import.Version;
}

public sealed record GetImport(long Id) : IQuery<ImportResponse>;

public sealed class ImportLedgerHandlers(ImportStore imports, IEnumerable<ILedger> ledgers, IOptions<ImportOptions> options)
    : IRequestHandler<ImportLedger, ImportResponse>, IRequestHandler<CommitImport, CommittedImport>, IRequestHandler<GetImport, ImportResponse>
{
    public async Task<ImportResponse> Handle(ImportLedger request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sheet = Sheets.Read(request.Content, options.Value, options.Value.MaxRows);
        var (outcomes, _) = await RunAsync(request.Kind, sheet, write: false, cancellationToken);
        // Without its rows: the audit log keeps what the import is, not 100,000 rows' outcomes (GET /imports/{id} reads them).
        return await imports.GetAsync(await imports.AddAsync(request.Kind, request.FileName, sheet, request.Content, outcomes, cancellationToken), cancellationToken, rows: false);
    }

    public async Task<CommittedImport> Handle(CommitImport request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = await imports.GetAsync(request.Id, cancellationToken);
        if (current.Status == ImportStatus.DryRun && request.ExpectedVersion?.Allows(current.Version) == false)
        {
            throw ProblemException.PreconditionFailed(current.Version);
        }

        if (current.Status == ImportStatus.Committed)
        {
            throw new ProblemException(StatusCodes.Status409Conflict, ProblemTexts.Conflict, ProblemTexts.ImportAlreadyCommitted.With(("id", current.Id), ("at", current.CommittedAt)))
            {
                Code = "import.committed",
            };
        }

        var sheet = Sheets.Read(await imports.ContentAsync(current.Id, cancellationToken), options.Value, options.Value.MaxRows);
        var batch = sheet.Rows.Skip(current.RowsDone).Take(options.Value.BatchRows).ToList();
        var kept = await imports.FileRefusalsAsync(current.Id, cancellationToken);
        var (planned, changed) = await RunAsync(current.Kind, sheet with { Rows = batch.Where(r => !kept.ContainsKey(r.Number)) }, write: true, cancellationToken);
        var outcomes = batch.Where(r => kept.ContainsKey(r.Number)).Select(r => kept[r.Number]).Concat(planned).OrderBy(o => o.Row).ToList();
        await imports.RecordBatchAsync(current, outcomes, sheet.RowCount, current.RowsDone + batch.Count, cancellationToken);
        return new CommittedImport(await imports.GetAsync(current.Id, cancellationToken, rows: false)) { AlsoChanged = changed };
    }

    private Task<(IReadOnlyList<RowOutcome> Outcomes, IReadOnlyList<OtherChange> Changed)> RunAsync(ImportKind kind, Sheet sheet, bool write, CancellationToken cancellationToken) =>
        ledgers.Single(l => l.Kind == kind).RunAsync(sheet, write, cancellationToken);

    public Task<ImportResponse> Handle(GetImport request, CancellationToken cancellationToken) => imports.GetAsync(request.Id, cancellationToken);
}
