using Microsoft.AspNetCore.Http;

namespace DealPipeline.Api.Application;

/// <summary>
/// A failure the client can act on, answered as a ProblemDetails with <see cref="Status"/>.
/// Thrown by handlers; the exception handler turns it into the response. What it says are
/// <see cref="Message"/>s, answered in the caller's language.
/// </summary>
public sealed class ProblemException(int status, Message title, Message? detail = null, IDictionary<string, Message[]>? errors = null)
    : Exception((detail ?? title).English)
{
    public int Status { get; } = status;

    public Message Title { get; } = title;

    public Message? Detail { get; } = detail;

    public IDictionary<string, Message[]>? Errors { get; } = errors;

    /// <summary>The stable code the answer carries instead of its status's generic one (company.merged …).</summary>
    public string? Code { get; init; }

    /// <summary>Where the resource is now, answered as the Location header (a 301 to a merged company's survivor).</summary>
    public string? Location { get; init; }

    /// <summary>Members the answer carries beside the standard ones (survivorId …), for a client to act on.</summary>
    public IReadOnlyDictionary<string, object>? Extensions { get; init; }

    public static ProblemException NotFound(string resource, long id) =>
        new(StatusCodes.Status404NotFound, ProblemTexts.NotFound, ProblemTexts.NoSuch.With(("what", resource), ("id", id)));

    public static ProblemException Conflict(Message detail) =>
        new(StatusCodes.Status409Conflict, ProblemTexts.Conflict, detail);

    public static ProblemException PreconditionFailed(int currentVersion) =>
        new(StatusCodes.Status412PreconditionFailed, ProblemTexts.PreconditionFailed, ProblemTexts.IfMatchStale.With(("version", currentVersion)));

    /// <summary>A 400 about one field of the input.</summary>
    public static ProblemException Invalid(string field, Message message) =>
        new(
            StatusCodes.Status400BadRequest,
            ProblemTexts.ValidationFailed,
            message.And("field", field),
            new Dictionary<string, Message[]> { [field] = [message.And("field", field)] });
}
