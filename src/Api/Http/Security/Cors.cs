using Microsoft.AspNetCore.Cors.Infrastructure;

namespace DealPipeline.Api.Http.Security;

/// <summary>No cross-origin access unless <c>Cors:AllowedOrigins</c> lists the origins of browser front ends.</summary>
public static class Cors
{
    public static void Configure(CorsOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        if (origins.Length == 0)
        {
            return;
        }

        options.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders("X-Api-Key", "Authorization", "Content-Type", "If-Match", "Idempotency-Key", "Accept-Language")
            .WithExposedHeaders("ETag", "Location", "Retry-After"));
    }
}
