using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace DealPipeline.Api.Http.Security;

/// <summary>
/// API keys: 256 random bits, shown to their owner once and stored only as a SHA-256 hash
/// (a key has far too much entropy to be guessed from its hash, so a slow hash adds nothing).
/// </summary>
public static class ApiKeys
{
    public const string Prefix = "dp_";
    public const int PrefixShown = 10;

    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>The hash of the request's key, computed once per request (the rate limiter and the authentication both need it).</summary>
    public static string HashOf(HttpContext context, string key)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(typeof(ApiKeys), out var cached) && cached is string hash)
        {
            return hash;
        }

        hash = Hash(key);
        context.Items[typeof(ApiKeys)] = hash;
        return hash;
    }

    /// <summary>The start of a key, enough for its owner to tell it from their other keys.</summary>
    public static string Shown(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Length <= PrefixShown ? key : key[..PrefixShown];
    }

    /// <summary>The key a request carries in X-Api-Key or as an Authorization bearer token, if any.</summary>
    public static string? FromRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers["X-Api-Key"].ToString();
        if (header.Length > 0)
        {
            return header.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        return authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? authorization[Bearer.Length..].Trim() : null;
    }
}
