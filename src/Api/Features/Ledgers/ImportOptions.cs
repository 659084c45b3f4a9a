using System.ComponentModel.DataAnnotations;

namespace DealPipeline.Api.Features.Ledgers;

/// <summary>The <c>Imports</c> configuration section: how large a ledger file may be, and how many rows it may have.</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>The largest file accepted, in bytes (50 MiB by default: 100,000 deal rows in CSV); a larger one is a 413.</summary>
    [Range(1024, 256L * 1024 * 1024, ErrorMessage = "Imports:MaxBytes is between 1 KiB and 256 MiB.")]
    public long MaxBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>The most rows a file may have (a larger ledger is split).</summary>
    [Range(1, 1_000_000, ErrorMessage = "Imports:MaxRows is between 1 and 1000000.")]
    public int MaxRows { get; set; } = 100_000;

    /// <summary>
    /// How many rows a commit writes per transaction (1,000 by default): a file up to that many is committed at once; a larger one batch
    /// by batch, each batch its own transaction with its rows' outcomes and the import's progress, so that a commit cut short resumes
    /// after the last batch written, never writing a row twice.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = "Imports:BatchRows is between 1 and 100000.")]
    public int BatchRows { get; set; } = 1_000;

    /// <summary>The most an XLSX may hold once unzipped, in bytes (a zip bomb is refused before it is read).</summary>
    [Range(1024, 2L * 1024 * 1024 * 1024, ErrorMessage = "Imports:MaxUnzippedBytes is between 1 KiB and 2 GiB.")]
    public long MaxUnzippedBytes { get; set; } = 200L * 1024 * 1024;
}
