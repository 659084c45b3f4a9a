using System.Text.RegularExpressions;
using FluentValidation.Results;
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
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var problem = exception is OperationCanceledException && !httpContext.RequestAborted.IsCancellationRequested

            // Not the client: the service is stopping and cancelled the read of a body still arriving.
            ? Problems.Of(StatusCodes.Status503ServiceUnavailable, ProblemTexts.ServiceUnavailable, ProblemTexts.ServiceShuttingDownNothingAppliedRetry)
            : database.Dialect.IsTransient(exception)
            ? Problems.Of(StatusCodes.Status503ServiceUnavailable, ProblemTexts.ServiceUnavailable, ProblemTexts.DatabaseBusyUnreachableNothingAppliedRetry)
            : database.Dialect.IsUniqueViolation(exception)

                // A name checked free a moment ago and taken by a concurrent request before this one committed.
                ? Problems.Of(StatusCodes.Status409Conflict, ProblemTexts.Conflict, ProblemTexts.SomethingSameUniqueNameCodeCreated)
                : ToProblem(exception);
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }

        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            Application.Log.Unhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        if (exception is ProblemException { Location: { } location })
        {
            httpContext.Response.Headers.Location = location;
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
        ProblemException p when p.Errors is not null => Problems.Invalid(p.Errors, p.Detail, p.Status, p.Code),
        ProblemException p => WithExtensions(Problems.Of(p.Status, p.Title, p.Detail, p.Code), p.Extensions),
        ValidationException v => Problems.Invalid(
            v.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(Said).DistinctBy(m => m.English).ToArray()),
            null),

        // A domain rule's own code (stage.same, deal.notActive …) instead of the status's generic one.
        DomainException { Field: not null } d => Problems.Invalid(new Dictionary<string, Message[]> { [d.Field] = [d.Said] }, d.Said, code: d.Code),
        DomainException d => Problems.Of(StatusCodes.Status409Conflict, ProblemTexts.Conflict, d.Said, d.Code),
        BadHttpRequestException b => FromBadRequest(b),
        JsonException j => FromJson(j),
        OperationCanceledException => Problems.Of(499, ProblemTexts.ClientClosedRequest),
        _ => Problems.Of(StatusCodes.Status500InternalServerError, ProblemTexts.UnexpectedErrorOccurred),
    };

    private static ProblemDetails WithExtensions(ProblemDetails problem, IReadOnlyDictionary<string, object>? extensions)
    {
        foreach (var (name, value) in extensions ?? new Dictionary<string, object>())
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }

    /// <summary>
    /// What a validation failure says: the message its rule gave (<see cref="Application.Validation.WithMessage{T, TProperty}(IRuleBuilderOptions{T, TProperty}, Message)"/>)
    /// with the field's name, or the text of a FluentValidation rule used with its own message, by the rule's error code; in both
    /// languages (an import's refused rows keep it so).
    /// </summary>
    public static Message Said(ValidationFailure failure)
    {
        var values = failure.FormattedMessagePlaceholderValues ?? new Dictionary<string, object>();
        var field = values.TryGetValue("PropertyName", out var name) ? name : failure.PropertyName;
        return failure.CustomState is Message message
            ? message.And("field", field)
            : failure.ErrorCode switch
            {
                "MaximumLengthValidator" => ProblemTexts.FieldTooLong.With(("field", field), ("max", values.GetValueOrDefault("MaxLength")), ("length", values.GetValueOrDefault("TotalLength"))),
                "InclusiveBetweenValidator" => ProblemTexts.FieldOutOfRange.With(("field", field), ("min", values.GetValueOrDefault("From")), ("max", values.GetValueOrDefault("To")), ("value", values.GetValueOrDefault("PropertyValue"))),
                _ => ProblemTexts.Untranslated.With(("text", failure.ErrorMessage)),
            };
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            return FromJson(json);
        }

        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.Of(413, ProblemTexts.RequestBodyTooLarge, ProblemTexts.Untranslated.With(("text", exception.Message)));
        }

        var parameter = BindFailure().Match(exception.Message);
        if (parameter.Success)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Groups["name"].Value);
            var message = ProblemTexts.ValueNotKind.With(("value", parameter.Groups["value"].Value), ("kind", Describe(parameter.Groups["type"].Value)));
            return Problems.Invalid(new Dictionary<string, Message[]> { [name] = [message] }, message);
        }

        if (exception.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal))
        {
            return Problems.Invalid(new Dictionary<string, Message[]> { ["$"] = [ProblemTexts.RequestNeedsJSONBody] }, ProblemTexts.RequestNeedsJSONBody);
        }

        var required = MissingRequired().Match(exception.Message);
        if (required.Success)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(required.Groups["name"].Value);
            var message = ProblemTexts.FieldRequired.With(("field", name));
            return Problems.Invalid(new Dictionary<string, Message[]> { [name] = [message] }, message);
        }

        return exception.StatusCode == StatusCodes.Status415UnsupportedMediaType
            ? Problems.Of(exception.StatusCode, ProblemTexts.UnsupportedMediaType, ProblemTexts.SendBodyApplicationJson)
            : Problems.Of(exception.StatusCode, ProblemTexts.BadRequest, ProblemTexts.Untranslated.With(("text", exception.Message)));
    }

    private static ValidationProblemDetails FromJson(JsonException exception)
    {
        // System.Text.Json reports the JSON path of the offending value ($.intendedInvestment).
        var field = exception.Path is { Length: > 2 } path ? ToField(path) : "$";
        var expected = ConversionTarget().Match(exception.Message);
        // A converter of the service's own says why in a message of its own; the reader's reasons are English, carried as they are.
        object reason = exception is SaidJsonException said ? said.Said : FirstSentence(exception.Message);
        var message = exception.Path is null || exception.Path == "$" && !expected.Success
            ? ProblemTexts.BodyNotJson.With(("reason", reason))
            : exception is SaidJsonException { IsKind: true } kind
                ? ProblemTexts.FieldMustKind.With(("field", field), ("kind", kind.Said))
            : expected.Success
                ? ProblemTexts.FieldMustKind.With(("field", field), ("kind", Describe(expected.Groups["type"].Value)))
                : ProblemTexts.ValueAtPathInvalid.With(("path", exception.Path), ("reason", reason));
        return Problems.Invalid(new Dictionary<string, Message[]> { [field] = [message] }, message);
    }

    private static string ToField(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>What a value of a CLR type looks like in JSON or a query string, for error messages.</summary>
    private static Message Describe(string clrType)
    {
        var type = NullableOf().Match(clrType) is { Success: true } n ? n.Groups["inner"].Value : clrType;
        type = type[(type.LastIndexOf('.') + 1)..];
        return type switch
        {
            "Int64" or "Int32" or "long" or "int" => ProblemTexts.WholeNumber,
            "Decimal" or "decimal" => ProblemTexts.Number,
            "Boolean" or "bool" => ProblemTexts.TrueFalse,
            "String" or "string" => ProblemTexts.String,
            "DateOnly" => ProblemTexts.DateWrittenYYYYMMDD,
            "DateTimeOffset" => ProblemTexts.Iso8601Timestamp.With(("example", "2026-01-31T08:00:00Z")),
            "JsonElement" => ProblemTexts.JSONObject,
            _ when ObjectTypes.Contains(type) => ProblemTexts.JSONObject,
            _ when DomainEnums.TryGetValue(type, out var names) => ProblemTexts.OneValues.With(("values", names)),
            _ => ProblemTexts.Valid.With(("type", type)),
        };
    }

    /// <summary>The service's own classes (request bodies and the fields they carry): JSON objects on the wire.</summary>
    private static readonly HashSet<string> ObjectTypes = [.. typeof(ProblemHandler).Assembly.GetTypes().Where(t => t.IsClass && !t.IsNested).Select(t => t.Name)];

    private static readonly Dictionary<string, string> DomainEnums = typeof(Domain.Stage).Assembly.GetTypes()
        .Concat(typeof(ProblemHandler).Assembly.GetTypes())
        .Where(t => t.IsEnum && t.IsPublic)
        .ToDictionary(t => t.Name, t => string.Join(", ", Enum.GetNames(t).Select(JsonNamingPolicy.CamelCase.ConvertName)), StringComparer.Ordinal);

    [GeneratedRegex("""Failed to bind parameter "(?<type>[^ ]+) (?<name>[^"]+)" from "(?<value>.*)"\.""")]
    private static partial Regex BindFailure();

    [GeneratedRegex("""could not be converted to (?<type>[^ ]+?)\.(?: |$)""")]
    private static partial Regex ConversionTarget();

    [GeneratedRegex("""^(?:System\.)?Nullable(?:`1\[|<)(?<inner>.+?)(?:\]|>)$""")]
    private static partial Regex NullableOf();

    [GeneratedRegex("""Required parameter "[^ ]+ (?<name>[^"]+)" was not provided""")]
    private static partial Regex MissingRequired();
}
