using System.Globalization;
using DealPipeline.Api.Application;
using Microsoft.Net.Http.Headers;

namespace DealPipeline.Api.Http;

/// <summary>A resource's ETag is its version: <c>"3"</c>.</summary>
public static class ETags
{
    public static string Format(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// The version that <c>If-Match</c> requires, or null when the header is absent or <c>*</c>.
    /// A header that names several ETags, or a weak one, cannot be checked against one version: 400.
    /// </summary>
    public static int? ExpectedVersion(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return null;
        }

        if (EntityTagHeaderValue.TryParseStrictList([header], out var tags) && tags.Count == 1 && !tags[0].IsWeak
            && int.TryParse(tags[0].Tag.AsSpan(1, tags[0].Tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return version;
        }

        throw ProblemException.Invalid("If-Match", "If-Match must be one strong ETag as returned by GET, e.g. \"3\", or *.");
    }

    public static void Set(HttpResponse response, int version)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ETag = Format(version);
    }

    /// <summary>A 200 with a versioned resource and its ETag.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.Ok<T> Ok<T>(HttpResponse response, T resource, int version)
    {
        Set(response, version);
        return TypedResults.Ok(resource);
    }

    /// <summary>A 201 for a new versioned resource: its Location, its ETag and itself.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.Created<T> Created<T>(HttpResponse response, string location, T resource, int version)
    {
        Set(response, version);
        return TypedResults.Created(location, resource);
    }
}
