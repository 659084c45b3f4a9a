using System.ComponentModel.DataAnnotations;

namespace DealPipeline.Api.Http.Security;

/// <summary>The <c>Auth</c> configuration section, validated at start.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";
    public const int MinBootstrapKeyLength = 32;

    /// <summary>An admin key that belongs to no user, for creating the first users; at least 32 characters.</summary>
    [MinLength(MinBootstrapKeyLength, ErrorMessage = "Auth:BootstrapAdminKey must be at least 32 characters: generate one with `openssl rand -base64 32`.")]
    public string? BootstrapAdminKey { get; set; }

    /// <summary>How long this instance trusts a key it has looked up before asking the database again (revocations made on other instances take this long).</summary>
    [Range(0, 300, ErrorMessage = "Auth:KeyCacheSeconds is between 0 and 300.")]
    public int KeyCacheSeconds { get; set; } = 5;
}

/// <summary>The <c>RateLimit</c> configuration section: budgets per process (see docs/access-control.md).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";

    /// <summary>Requests a second for each known API key.</summary>
    [Range(1, 1_000_000, ErrorMessage = "RateLimit:PermitsPerSecond is between 1 and 1000000.")]
    public int PermitsPerSecond { get; set; } = 100;

    /// <summary>The burst a known key may spend at once (at least PermitsPerSecond).</summary>
    [Range(1, 10_000_000, ErrorMessage = "RateLimit:Burst is between 1 and 10000000.")]
    public int Burst { get; set; } = 200;

    /// <summary>Requests a second from one client address that carry no key, or a key this instance does not know yet.</summary>
    [Range(1, 1_000_000, ErrorMessage = "RateLimit:UnknownKeyPermitsPerSecond is between 1 and 1000000.")]
    public int UnknownKeyPermitsPerSecond { get; set; } = 10;

    [Range(1, 10_000_000, ErrorMessage = "RateLimit:UnknownKeyBurst is between 1 and 10000000.")]
    public int UnknownKeyBurst { get; set; } = 30;
}

/// <summary>The <c>Cors</c> configuration section.</summary>
public sealed class CorsSettings
{
    public const string Section = "Cors";

    /// <summary>Browser origins allowed to call the API (scheme://host[:port]); none by default.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    public static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.PathAndQuery == "/" && !origin.EndsWith('/');
}

/// <summary>The <c>Swagger</c> configuration section.</summary>
public sealed class SwaggerOptions
{
    public const string Section = "Swagger";

    /// <summary>Serve Swagger UI at /swagger. Unset: on, except in Production.</summary>
    public bool? Enabled { get; set; }
}
