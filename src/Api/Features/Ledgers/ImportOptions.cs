using System.ComponentModel.DataAnnotations;

namespace DealPipeline.Api.Features.Ledgers;

/// <summary>The <c>Imports</c> configuration section: how large a ledger file may be, and how many rows it may have.</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>The largest file accepted, in bytes (20 MiB by default); a larger one is a 413.</summary>
    [Range(1024, 256L * 1024 * 1024, ErrorMessage = "Imports:MaxBytes is between 1 KiB and 256 MiB.")]
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>The most rows a file may have (a larger ledger is split); the whole file is planned and committed in one transaction.</summary>
    [Range(1, 100_000, ErrorMessage = "Imports:MaxRows is between 1 and 100000.")]
    public int MaxRows { get; set; } = 10_000;

    /// <summary>The most an XLSX may hold once unzipped, in bytes (a zip bomb is refused before it is read).</summary>
    [Range(1024, 2L * 1024 * 1024 * 1024, ErrorMessage = "Imports:MaxUnzippedBytes is between 1 KiB and 2 GiB.")]
    public long MaxUnzippedBytes { get; set; } = 200L * 1024 * 1024;
}
