using Microsoft.AspNetCore.Mvc;

namespace DealPipeline.Api.Http;

/// <summary>
/// Makes the service's problem answers: the strings in English, and the <see cref="Message"/>s they
/// came from kept beside them until <see cref="ProblemWriter"/> writes the answer in the caller's
/// language (and drops them: they never reach the wire).
/// </summary>
public static class Problems
{
    private const string SaidMember = "\u0000said";

    public static ProblemDetails Of(int status, Message title, Message? detail = null, string? code = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title.English, Detail = detail?.English };
        problem.Extensions[SaidMember] = new Said(title, detail, null);
        if (code is not null)
        {
            problem.Extensions[ProblemWriter.CodeMember] = code;
        }

        return problem;
    }

    /// <summary>A 400 (or <paramref name="status"/>) about fields of the input: each field and what is wrong with it.</summary>
    public static ValidationProblemDetails Invalid(IDictionary<string, Message[]> errors, Message? detail, int status = StatusCodes.Status400BadRequest, string? code = null)
    {
        var problem = new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.English).ToArray()))
        {
            Status = status,
            Title = ProblemTexts.ValidationFailed.English,
            Detail = detail?.English,
        };
        problem.Extensions[SaidMember] = new Said(ProblemTexts.ValidationFailed, detail, errors);
        if (code is not null)
        {
            problem.Extensions[ProblemWriter.CodeMember] = code;
        }

        return problem;
    }

    /// <summary>The messages a problem was made with, taken off it; null for a problem the framework made.</summary>
    internal static Said? TakeSaid(ProblemDetails problem) =>
        problem.Extensions.Remove(SaidMember, out var said) ? said as Said : null;

    internal sealed record Said(Message Title, Message? Detail, IDictionary<string, Message[]>? Errors);
}

/// <summary>
/// A JSON value one of the service's converters refuses, with what it says about it: why (a date out of range), or,
/// when <see cref="IsKind"/>, what the value must be ("one of: contact, negotiation, …").
/// </summary>
public sealed class SaidJsonException(Message said, bool isKind = false) : JsonException(said.English)
{
    public Message Said { get; } = said;

    public bool IsKind { get; } = isKind;
}
