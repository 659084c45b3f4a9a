namespace DealPipeline.Api.Features.Ledgers;

/// <summary>Uploads a ledger and plans it (a dry run): the answer says per row what a commit would create, update or refuse and why; nothing but the import is written.</summary>
public sealed record ImportLedger(ImportKind Kind, string? FileName, byte[] Content) : ICommand<ImportResponse>, IAudited
{
    string IAudited.AuditEntity => "import";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
}

/// <summary>Commits a dry run's file: plans it again on the data as it is now, and writes every row that is not refused, in one transaction.</summary>
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
        return await imports.GetAsync(await imports.AddAsync(request.Kind, request.FileName, sheet, request.Content, outcomes, cancellationToken), cancellationToken);
    }

    public async Task<CommittedImport> Handle(CommitImport request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = await imports.GetAsync(request.Id, cancellationToken);
        if (request.ExpectedVersion?.Allows(current.Version) == false)
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
        var (outcomes, changed) = await RunAsync(current.Kind, sheet, write: true, cancellationToken);
        await imports.CommitAsync(current, outcomes, cancellationToken);
        return new CommittedImport(await imports.GetAsync(current.Id, cancellationToken)) { AlsoChanged = changed };
    }

    private Task<(IReadOnlyList<RowOutcome> Outcomes, IReadOnlyList<OtherChange> Changed)> RunAsync(ImportKind kind, Sheet sheet, bool write, CancellationToken cancellationToken) =>
        ledgers.Single(l => l.Kind == kind).RunAsync(sheet, write, cancellationToken);

    public Task<ImportResponse> Handle(GetImport request, CancellationToken cancellationToken) => imports.GetAsync(request.Id, cancellationToken);
}
