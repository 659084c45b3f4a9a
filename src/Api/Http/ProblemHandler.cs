using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace DealPipeline.Api.Http;

/// <summary>
/// The one place where failures become <c>application/problem+json</c> answers: validation and
/// malformed input are 400 with <c>errors</c> per field, domain rules 400 or 409, and anything
/// unexpected a 500 without details (logged here).
/// </summary>
public sealed partial class ProblemHandler(IProblemDetailsService problems, DealPipeline.Infrastructure.Database database, ILogger<ProblemHandler> logger) : IExceptionHandler
{
    private const string ValidationTitle = "One or more validation errors occurred.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var problem = exception is OperationCanceledException && !httpContext.RequestAborted.IsCancellationRequested

            // Not the client: the service is stopping and cancelled the read of a body still arriving.
            ? new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "Service unavailable", Detail = "The service is shutting down; nothing was applied. Retry in a moment." }
            : database.Dialect.IsTransient(exception)
            ? new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "Service unavailable", Detail = "The database is busy or unreachable; nothing was applied. Retry in a moment." }
            : database.Dialect.IsUniqueViolation(exception)

                // A name checked free a moment ago and taken by a concurrent request before this one committed.
                ? new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = "Something with the same unique name or code was created at the same time; nothing was applied. Read it, or choose another." }
                : ToProblem(exception);
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }

        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            Application.Log.Unhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    public static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        ProblemException p when p.Errors is not null => Validation(p.Errors, p.Detail, p.Status),
        ProblemException p => new ProblemDetails { Status = p.Status, Title = p.Title, Detail = p.Detail },
        ValidationException v => Validation(
            v.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()),
            null,
            StatusCodes.Status400BadRequest),
        DomainException { Field: not null } d => WithCode(Validation(new Dictionary<string, string[]> { [d.Field] = [d.Message] }, d.Message, StatusCodes.Status400BadRequest), d.Code),
        DomainException d => WithCode(new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = d.Message }, d.Code),
        BadHttpRequestException b => FromBadRequest(b),
        JsonException j => FromJson(j),
        OperationCanceledException => new ProblemDetails { Status = 499, Title = "Client closed request" },
        _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred." },
    };

    /// <summary>A domain rule's own code (stage.same, deal.notActive …) instead of the status's generic one.</summary>
    private static ProblemDetails WithCode(ProblemDetails problem, string code)
    {
        problem.Extensions[ProblemWriter.CodeMember] = code;
        return problem;
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            return FromJson(json);
        }

        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new ProblemDetails { Status = 413, Title = "Request body too large", Detail = exception.Message };
        }

        var parameter = BindFailure().Match(exception.Message);
        if (parameter.Success)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Groups["name"].Value);
            var message = $"'{parameter.Groups["value"].Value}' is not {Describe(parameter.Groups["type"].Value)}.";
            return Validation(new Dictionary<string, string[]> { [name] = [message] }, message, StatusCodes.Status400BadRequest);
        }

        if (exception.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal))
        {
            const string needsBody = "The request needs a JSON body.";
            return Validation(new Dictionary<string, string[]> { ["$"] = [needsBody] }, needsBody, StatusCodes.Status400BadRequest);
        }

        var required = MissingRequired().Match(exception.Message);
        if (required.Success)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(required.Groups["name"].Value);
            var message = $"'{name}' is required.";
            return Validation(new Dictionary<string, string[]> { [name] = [message] }, message, StatusCodes.Status400BadRequest);
        }

        return new ProblemDetails
        {
            Status = exception.StatusCode,
            Title = exception.StatusCode == StatusCodes.Status415UnsupportedMediaType ? "Unsupported media type" : "Bad request",
            Detail = exception.StatusCode == StatusCodes.Status415UnsupportedMediaType
                ? "Send the body as application/json."
                : exception.Message,
        };
    }

    private static ValidationProblemDetails FromJson(JsonException exception)
    {
        // System.Text.Json reports the JSON path of the offending value ($.intendedInvestment).
        var field = exception.Path is { Length: > 2 } path ? ToField(path) : "$";
        var expected = ConversionTarget().Match(exception.Message);
        var message = exception.Path is null || exception.Path == "$" && !expected.Success
            ? "The request body is not valid JSON: " + FirstSentence(exception.Message)
            : expected.Success
                ? $"'{field}' must be {Describe(expected.Groups["type"].Value)}."
                : $"The value at '{exception.Path}' is not valid: {FirstSentence(exception.Message)}";
        return Validation(new Dictionary<string, string[]> { [field] = [message] }, message, StatusCodes.Status400BadRequest);
    }

    private static string ToField(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>What a value of a CLR type looks like in JSON or a query string, for error messages.</summary>
    private static string Describe(string clrType)
    {
        var type = NullableOf().Match(clrType) is { Success: true } n ? n.Groups["inner"].Value : clrType;
        type = type[(type.LastIndexOf('.') + 1)..];
        return type switch
        {
            "Int64" or "Int32" or "long" or "int" => "a whole number",
            "Decimal" or "decimal" => "a number",
            "Boolean" or "bool" => "true or false",
            "String" or "string" => "a string",
            "DateOnly" => "a date written YYYY-MM-DD",
            "DateTimeOffset" => "an ISO 8601 timestamp such as 2026-01-31T08:00:00Z",
            "JsonElement" => "a JSON object",
            _ when ObjectTypes.Contains(type) => "a JSON object",
            _ when DomainEnums.TryGetValue(type, out var names) => "one of: " + names,
            _ => "a valid " + type,
        };
    }

    /// <summary>The service's own classes (request bodies and the fields they carry): JSON objects on the wire.</summary>
    private static readonly HashSet<string> ObjectTypes = [.. typeof(ProblemHandler).Assembly.GetTypes().Where(t => t.IsClass && !t.IsNested).Select(t => t.Name)];

    private static readonly Dictionary<string, string> DomainEnums = typeof(Domain.Stage).Assembly.GetTypes()
        .Concat(typeof(ProblemHandler).Assembly.GetTypes())
        .Where(t => t.IsEnum && t.IsPublic)
        .ToDictionary(t => t.Name, t => string.Join(", ", Enum.GetNames(t).Select(JsonNamingPolicy.CamelCase.ConvertName)), StringComparer.Ordinal);

    private static ValidationProblemDetails Validation(IDictionary<string, string[]> errors, string? detail, int status)
    {
        var problem = new ValidationProblemDetails(errors) { Status = status, Title = ValidationTitle, Detail = detail };
        return problem;
    }

    [GeneratedRegex("""Failed to bind parameter "(?<type>[^ ]+) (?<name>[^"]+)" from "(?<value>.*)"\.""")]
    private static partial Regex BindFailure();

    [GeneratedRegex("""could not be converted to (?<type>[^ ]+?)\.(?: |$)""")]
    private static partial Regex ConversionTarget();

    [GeneratedRegex("""^(?:System\.)?Nullable(?:`1\[|<)(?<inner>.+?)(?:\]|>)$""")]
    private static partial Regex NullableOf();

    [GeneratedRegex("""Required parameter "[^ ]+ (?<name>[^"]+)" was not provided""")]
    private static partial Regex MissingRequired();
}
