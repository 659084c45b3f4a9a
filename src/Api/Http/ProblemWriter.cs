using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace DealPipeline.Api.Http;

/// <summary>
/// Writes every problem as <c>application/problem+json</c>, whatever the request's <c>Accept</c>
/// header says. The framework's own writer declines a request that accepts only, say,
/// <c>text/html</c>, and the problem service then throws, which turned a 401 or a 404 into an empty
/// 500. An error answer in JSON that the client did not ask for is still the right answer (RFC 9110
/// lets a server ignore <c>Accept</c> rather than answer 406), so this writer is registered first
/// and always writes.
/// </summary>
public sealed class ProblemWriter(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ILogger<ProblemWriter> logger) : IProblemDetailsWriter
{
    public const string ContentType = "application/problem+json";

    /// <summary>The member that carries a stable, machine-readable error code.</summary>
    public const string CodeMember = "code";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Type ??= TypeOf(problem.Status.Value);
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? http.TraceIdentifier;
        if (!problem.Extensions.ContainsKey(CodeMember))
        {
            problem.Extensions[CodeMember] = CodeOf(problem.Status.Value);
        }

        Localise(http, problem);
        http.Response.ContentType = ContentType;
        return new ValueTask(JsonSerializer.SerializeAsync(http.Response.Body, problem, problem.GetType(), json.Value.SerializerOptions, http.RequestAborted));
    }

    /// <summary>
    /// Problems are in English unless the caller prefers Chinese (Accept-Language ranks zh above
    /// en): then the title, the detail and every field message are given in Chinese, each from the
    /// <see cref="Message"/> it was made with (<see cref="Problems"/>); a framework's problem has its
    /// title by status. Either way the answer says its language in Content-Language. A text that
    /// came with no message cannot be put into Chinese: it is answered as it is and logged.
    /// </summary>
    private void Localise(HttpContext http, ProblemDetails problem)
    {
        var chinese = Languages.Preferred(http.Request) == "zh";
        http.Response.Headers.ContentLanguage = chinese ? Languages.Chinese : Languages.English;
        var errors = (problem as HttpValidationProblemDetails)?.Errors;
        if (Problems.TakeSaid(problem) is { } said)
        {
            foreach (var untranslated in new[] { said.Title, said.Detail }.Concat(said.Errors?.Values.SelectMany(m => m) ?? []).Where(m => m?.Text == ProblemTexts.Untranslated))
            {
                Application.Log.UntranslatedProblem(logger, untranslated!.English);
            }

            problem.Title = said.Title.In(chinese);
            problem.Detail = said.Detail?.In(chinese) ?? problem.Detail;
            foreach (var (field, messages) in said.Errors ?? new Dictionary<string, Message[]>())
            {
                errors![field] = [.. messages.Select(m => m.In(chinese))];
            }

            return;
        }

        problem.Title = chinese ? ProblemTexts.TitleOf(problem.Status!.Value)?.Chinese ?? problem.Title : problem.Title;
        foreach (var text in new[] { problem.Detail }.Concat(errors?.Values.SelectMany(m => m) ?? []).OfType<string>())
        {
            Application.Log.UntranslatedProblem(logger, text);
        }
    }

    /// <summary>
    /// The code of a problem no rule named more precisely: what a client can branch on without
    /// reading prose. Domain rules carry their own (see docs/errors.md).
    /// </summary>
    public static string CodeOf(int status) => status switch
    {
        301 => "moved",
        400 => "validation",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "notFound",
        409 => "conflict",
        410 => "gone",
        412 => "preconditionFailed",
        413 => "payloadTooLarge",
        415 => "unsupportedMediaType",
        422 => "idempotencyKeyReused",
        429 => "rateLimited",
        503 => "unavailable",
        >= 500 => "internal",
        _ => "error",
    };

    /// <summary>The RFC 9110 section that defines a status, as ASP.NET Core's own writer names it.</summary>
    private static string? TypeOf(int status) => status switch
    {
        301 => "https://tools.ietf.org/html/rfc9110#section-15.4.2",
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        406 => "https://tools.ietf.org/html/rfc9110#section-15.5.7",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        410 => "https://tools.ietf.org/html/rfc9110#section-15.5.11",
        412 => "https://tools.ietf.org/html/rfc9110#section-15.5.13",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        414 => "https://tools.ietf.org/html/rfc9110#section-15.5.15",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        500 => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        _ => null,
    };
}
