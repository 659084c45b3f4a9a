using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace DealPipeline.Api.Http.Security;

/// <summary>
/// Authenticates a request by its API key: a user's key (not revoked), or the bootstrap admin
/// key from <c>Auth:BootstrapAdminKey</c>. No key, or an unknown or revoked one, is a 401;
/// a known caller without the right is a 403; both as ProblemDetails.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    Database database,
    ApiKeyCache cache,
    IOptions<AuthOptions> auth,
    IClock clock,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string TeamClaim = "team";
    public const string KeyClaim = "key";
    public const string BootstrapActor = "bootstrap-admin";

    /// <summary>last_used_at is written at most this often per key, not on every request.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ApiKeys.FromRequest(Request);
        if (string.IsNullOrEmpty(key))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiKeys.HashOf(Context, key);
        if (auth.Value.BootstrapAdminKey is { Length: > 0 } bootstrap
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(ApiKeys.Hash(bootstrap))))
        {
            return Success([new Claim(ClaimTypes.Role, Names.Of(Role.Admin)), new Claim(ClaimTypes.Name, BootstrapActor)]);
        }

        if (!cache.TryGet(hash, out var found))
        {
            await using var session = new DbSession(database);
            var row = await session.QuerySingleOrDefaultAsync<KeyRow>(
                """
                SELECT k.id AS key_id, k.last_used_at, u.id AS user_id, u.name, u.role, u.team_id
                FROM api_keys k JOIN users u ON u.id = k.user_id
                WHERE k.key_hash = @hash AND k.revoked_at IS NULL
                """,
                new { hash },
                Context.RequestAborted);
            if (row is null)
            {
                return AuthenticateResult.Fail("Unknown or revoked API key.");
            }

            found = new ApiKeyCache.Caller(row.KeyId, row.UserId, row.Name, row.Role, row.TeamId, row.LastUsedAt);
            var now = clock.UtcNow;
            if (found.LastUsedAt is null || now - found.LastUsedAt > LastUsedResolution)
            {
                await database.WriteAsync(
                    (s, ct) => s.ExecuteAsync("UPDATE api_keys SET last_used_at = @now WHERE id = @KeyId", new { now, found.KeyId }, ct),
                    Context.RequestAborted);
                found = found with { LastUsedAt = now };
            }

            cache.Remember(hash, found);
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, found.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, found.Name),
            new(ClaimTypes.Role, found.Role),
            new(KeyClaim, found.KeyId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (found.TeamId is { } team)
        {
            claims.Add(new Claim(TeamClaim, team.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return Success(claims);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\", Bearer";
        var hasKey = !string.IsNullOrEmpty(ApiKeys.FromRequest(Request));
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = Problems.Of(StatusCodes.Status401Unauthorized, ProblemTexts.Unauthorized, hasKey ? ProblemTexts.APIKeyUnknownRevoked : ProblemTexts.SendAPIKeyXApiKey),
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = Problems.Of(StatusCodes.Status403Forbidden, ProblemTexts.Forbidden, ProblemTexts.YourRoleMayNotDo),
        });
    }

    private static AuthenticateResult Success(IEnumerable<Claim> claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));

    private sealed record KeyRow
    {
        public long KeyId { get; init; }

        public DateTimeOffset? LastUsedAt { get; init; }

        public long UserId { get; init; }

        public string Name { get; init; } = "";

        public string Role { get; init; } = "";

        public long? TeamId { get; init; }
    }
}
