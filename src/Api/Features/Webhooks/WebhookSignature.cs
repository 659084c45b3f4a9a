using System.Security.Cryptography;
using System.Text;

namespace DealPipeline.Api.Features.Webhooks;

/// <summary>
/// Signatures as the Standard Webhooks specification (https://www.standardwebhooks.com) defines
/// them, so that receivers can verify with its libraries: the secret is <c>whsec_</c> + base64 of
/// 32 random bytes; a message carries <c>webhook-id</c>, <c>webhook-timestamp</c> (Unix seconds)
/// and <c>webhook-signature</c>: <c>v1,</c> + base64(HMAC-SHA256(secret bytes,
/// <c>id.timestamp.body</c>)), several separated by spaces while a rotated secret overlaps.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var content = Encoding.UTF8.GetBytes($"{messageId}.{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }

    /// <summary>The <c>webhook-signature</c> header: one signature per secret in use.</summary>
    public static string Header(IEnumerable<string> secrets, string messageId, long timestamp, string body) =>
        string.Join(' ', secrets.Select(s => Sign(s, messageId, timestamp, body)));
}
