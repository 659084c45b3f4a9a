using System.Security.Claims;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Application;

/// <summary>Who is calling: the user whose API key authenticated the request.</summary>
public interface ICurrentUser
{
    /// <summary>The user, or null for the bootstrap admin key (which belongs to no user) and for unauthenticated work.</summary>
    long? UserId { get; }

    Role? Role { get; }

    long? TeamId { get; }

    /// <summary>How the audit log names the caller: "user:5", or "bootstrap-admin".</summary>
    string Actor { get; }
}

public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public long? UserId => Long(ClaimTypes.NameIdentifier);

    public Role? Role => Names.TryParse<Role>(User?.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    public long? TeamId => Long(ApiKeyAuthentication.TeamClaim);

    /// <summary>"user:5", the key's name ("bootstrap-admin"), or "system" for the service's own work outside a request (the lead sweep).</summary>
    public string Actor => UserId is { } id ? "user:" + id.ToString(CultureInfo.InvariantCulture)
        : accessor.HttpContext is null ? "system"
        : User?.Identity?.Name ?? "anonymous";

    private long? Long(string claim) =>
        long.TryParse(User?.FindFirstValue(claim), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
