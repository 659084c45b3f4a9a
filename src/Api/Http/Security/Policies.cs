using Microsoft.AspNetCore.Authorization;

namespace DealPipeline.Api.Http.Security;

/// <summary>Who may call what, by role. Ownership and confidentiality of single deals are checked by <see cref="Application.DealAccess"/>.</summary>
public static class Policies
{
    /// <summary>Every role: admin, manager, officer, analyst.</summary>
    public const string Read = "read";

    /// <summary>Those who work deals: admin, manager, officer.</summary>
    public const string WorkDeals = "work-deals";

    /// <summary>Admin and manager.</summary>
    public const string Manage = "manage";

    /// <summary>Admin only: users, keys of others, reference data, deletes, the audit log.</summary>
    public const string Admin = "admin";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Read, p => p.RequireRole(Of(Role.Admin, Role.Manager, Role.Officer, Role.Analyst)));
        options.AddPolicy(WorkDeals, p => p.RequireRole(Of(Role.Admin, Role.Manager, Role.Officer)));
        options.AddPolicy(Manage, p => p.RequireRole(Of(Role.Admin, Role.Manager)));
        options.AddPolicy(Admin, p => p.RequireRole(Of(Role.Admin)));

        // Anything not marked otherwise needs a key.
        options.FallbackPolicy = new AuthorizationPolicyBuilder(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser().Build();
    }

    private static string[] Of(params Role[] roles) => roles.Select(Names.Of).ToArray();
}
