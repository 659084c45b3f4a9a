using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DealPipeline.Api.Http;

/// <summary>
/// A query parameter the endpoint does not take is a 400 naming it, as an unknown body field is:
/// <c>export?stauts=lost</c> used to export every deal. What each endpoint takes is read once from
/// the same API description the OpenAPI document is made from, so the two cannot disagree.
/// </summary>
public sealed partial class KnownQueryParameters(RequestDelegate next, IApiDescriptionGroupCollectionProvider descriptions)
{
    private Dictionary<string, HashSet<string>>? _byRoute;

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problems);
        if (context.Request.Query.Count > 0
            && context.GetEndpoint() is RouteEndpoint endpoint
            && Allowed().TryGetValue(Key(context.Request.Method, endpoint.RoutePattern.RawText ?? ""), out var allowed))
        {
            var unknown = context.Request.Query.Keys.Where(k => !allowed.Contains(k)).ToList();
            if (unknown.Count > 0)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                var takes = string.Join(", ", allowed.Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName).Order(StringComparer.Ordinal));
                var errors = unknown.ToDictionary(k => k, k => new[]
                {
                    allowed.Count == 0
                        ? ProblemTexts.UnknownQueryParameterTakesNone.With(("name", k))
                        : ProblemTexts.UnknownQueryParameterTakes.With(("name", k), ("names", takes)),
                });
                var detail = (unknown.Count > 1 ? ProblemTexts.UnknownQueryParameters : ProblemTexts.UnknownQueryParameter).With(("names", string.Join(", ", unknown)));
                await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = Problems.Invalid(errors, detail) });
                return;
            }
        }

        await next(context);
    }

    private Dictionary<string, HashSet<string>> Allowed() => _byRoute ??= descriptions.ApiDescriptionGroups.Items
        .SelectMany(group => group.Items)
        .Where(d => d.HttpMethod is not null && d.RelativePath is not null)
        .GroupBy(d => Key(d.HttpMethod!, d.RelativePath!))
        .ToDictionary(
            g => g.Key,
            g => g.SelectMany(d => d.ParameterDescriptions)
                .Where(p => p.Source == BindingSource.Query || p.Source == BindingSource.ModelBinding)
                .Select(p => p.Name)
                .ToHashSet(StringComparer.OrdinalIgnoreCase),
            StringComparer.Ordinal);

    /// <summary>"GET api/v1/deals/{id}": the method and the route without its leading slash and constraints.</summary>
    private static string Key(string method, string route) =>
        method.ToUpperInvariant() + " " + Constraint().Replace(route.TrimStart('/'), "}").TrimEnd('/');

    [GeneratedRegex(":[^}]*}")]
    private static partial Regex Constraint();
}
