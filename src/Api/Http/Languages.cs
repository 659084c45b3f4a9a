namespace DealPipeline.Api.Http;

/// <summary>The two languages the service speaks, chosen by the request's Accept-Language.</summary>
public static class Languages
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    /// <summary>"en" or "zh", whichever of the two the request's Accept-Language ranks first; null when it names neither.</summary>
    public static string? Preferred(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var best = request.GetTypedHeaders().AcceptLanguage
            .Where(l => (l.Quality ?? 1) > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(l => l.StartsWith("en", StringComparison.OrdinalIgnoreCase) || l.StartsWith("zh", StringComparison.OrdinalIgnoreCase));
        return best?[..2].ToLowerInvariant();
    }
}
