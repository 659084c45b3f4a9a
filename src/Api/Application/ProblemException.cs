using Microsoft.AspNetCore.Http;

namespace DealPipeline.Api.Application;

/// <summary>
/// A failure the client can act on, answered as a ProblemDetails with <see cref="Status"/>.
/// Thrown by handlers; the exception handler turns it into the response.
/// </summary>
public sealed class ProblemException(int status, string title, string? detail = null, IDictionary<string, string[]>? errors = null)
    : Exception(detail ?? title)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public string? Detail { get; } = detail;

    public IDictionary<string, string[]>? Errors { get; } = errors;

    public static ProblemException NotFound(string resource, long id) =>
        new(StatusCodes.Status404NotFound, "Not found", $"There is no {resource} {id}.");

    public static ProblemException Conflict(string detail) =>
        new(StatusCodes.Status409Conflict, "Conflict", detail);

    public static ProblemException PreconditionFailed(int currentVersion) =>
        new(
            StatusCodes.Status412PreconditionFailed,
            "Precondition failed",
            $"If-Match does not match the current version (ETag \"{currentVersion}\"): read the resource again and reapply your change.");

    /// <summary>A 400 about one field of the input.</summary>
    public static ProblemException Invalid(string field, string message) =>
        new(
            StatusCodes.Status400BadRequest,
            "One or more validation errors occurred.",
            message,
            new Dictionary<string, string[]> { [field] = [message] });
}
