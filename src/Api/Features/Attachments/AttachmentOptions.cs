using System.ComponentModel.DataAnnotations;

namespace DealPipeline.Api.Features.Attachments;

/// <summary>The <c>Attachments</c> configuration: how large an evidence file may be, and where files are kept.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>The largest file accepted, in bytes (10 MiB by default: a scanned receipt or report); a larger one is a 413.</summary>
    [Range(1024, 100L * 1024 * 1024, ErrorMessage = "Attachments:MaxBytes is between 1 KiB and 100 MiB.")]
    public long MaxBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>
    /// A directory to keep the files in, each named by its SHA-256; unset (the default), they are kept in the database. Either way
    /// the database holds each file's name, type, size and hash.
    /// </summary>
    public string? Directory { get; set; }
}
