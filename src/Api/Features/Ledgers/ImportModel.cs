namespace DealPipeline.Api.Features.Ledgers;

/// <summary>What a ledger holds: companies (upserted by credit code), activities on deals, deals (by id or ledger number), letters (三书) or funds in place; an exported one re-imports as it is.</summary>
public enum ImportKind
{
    Companies = 1,
    Activities = 2,
    Deals = 3,
    Letters = 4,
    Funds = 5,
}

/// <summary>A kind of ledger: its columns (for its template), and what each of a sheet's rows would do, or does when <c>write</c> is true.</summary>
public interface ILedger
{
    ImportKind Kind { get; }

    /// <summary>The template's sheet name, in Chinese.</summary>
    string SheetName { get; }

    IReadOnlyList<LedgerColumn> Columns { get; }

    /// <summary>The values a column may take, by column key, for its template's drop-down lists (stages, parks, owners, 是/否).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ChoicesAsync(CancellationToken cancellationToken);

    Task<(IReadOnlyList<RowOutcome> Outcomes, IReadOnlyList<OtherChange> Changed)> RunAsync(Sheet sheet, bool write, CancellationToken cancellationToken);
}

public enum ImportStatus
{
    /// <summary>Uploaded and planned: nothing was written but the import itself.</summary>
    DryRun = 1,

    Committed = 2,

    /// <summary>Being committed, batch by batch: <c>rowsDone</c> rows so far; POST /imports/{id}/commit again resumes after them.</summary>
    Committing = 3,
}

/// <summary>What a row would do (dry run) or did (commit).</summary>
public enum RowAction
{
    Create = 1,
    Update = 2,
    Unchanged = 3,
    Refused = 4,
}

/// <summary>One thing wrong with a row's cell: the field, and what the API says of it in both languages.</summary>
public sealed record RowError(string Field, string En, string Zh);

/// <summary>A row's outcome: what it does, to which entity, and why it is refused.</summary>
public sealed record RowOutcome(int Row, RowAction Action, long? EntityId, string? Code, IReadOnlyList<RowError> Errors);

/// <summary>A row's outcome as the API answers it: its refusal in the caller's language.</summary>
public sealed record ImportRowResponse(int Row, RowAction Action, long? EntityId, string? Code, IReadOnlyDictionary<string, string[]>? Errors);

public sealed record ImportCounts(int Rows, int Create, int Update, int Unchanged, int Refused);

/// <summary>An import (导入): the file, its dry run or commit, the counts and every row's outcome.</summary>
public sealed record ImportResponse : IVersioned
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; }

    public long Id { get; init; }

    public ImportKind Kind { get; init; }

    public ImportStatus Status { get; init; }

    public string? FileName { get; init; }

    /// <summary>csv or xlsx.</summary>
    public string Format { get; init; } = "";

    /// <summary>A CSV's encoding as read: utf-8 or gb18030.</summary>
    public string? Encoding { get; init; }

    public long SizeBytes { get; init; }

    /// <summary>The file's SHA-256, hex.</summary>
    public string Sha256 { get; init; } = "";

    /// <summary>The dry run's counts, or once committed (or while committing, so far) what the commit did; rows is the file's.</summary>
    public ImportCounts Counts { get; init; } = new(0, 0, 0, 0, 0);

    /// <summary>How many of the file's rows the commit has carried out: 0 for a dry run, counts.rows once committed; the progress while committing.</summary>
    public int RowsDone { get; init; }

    /// <summary>Each data row (the header is row 1; blank rows are skipped), in file order.</summary>
    public IReadOnlyList<ImportRowResponse> Rows { get; init; } = [];

    public long? ByUserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CommittedAt { get; init; }
}
