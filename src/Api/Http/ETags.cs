using Microsoft.Net.Http.Headers;

namespace DealPipeline.Api.Http;

/// <summary>A resource's ETag is its version: <c>"3"</c>.</summary>
public static class ETags
{
    public static string Format(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// The <c>If-Match</c> condition, or null when the header is absent or <c>*</c>. Following
    /// RFC 9110, the strong tags listed are compared with the current one, and a weak tag or a tag
    /// we never issued matches nothing (412, not 400). Only a header that is not a list of entity
    /// tags at all is a 400.
    /// </summary>
    public static IfMatch? ExpectedVersion(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return null;
        }

        if (!EntityTagHeaderValue.TryParseStrictList([header], out var tags) || tags.Count == 0)
        {
            throw ProblemException.Invalid("If-Match", ProblemTexts.IfMatchMalformed);
        }

        var versions = tags
            .Where(t => !t.IsWeak && t != EntityTagHeaderValue.Any)
            .Select(t => int.TryParse(t.Tag.AsSpan(1, t.Tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1)
            .Where(v => v >= 0)
            .ToHashSet();
        return new IfMatch(versions);
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
