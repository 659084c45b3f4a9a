using Microsoft.AspNetCore.Cors.Infrastructure;

namespace DealPipeline.Api.Http.Security;

/// <summary>No cross-origin access unless <c>Cors:AllowedOrigins</c> lists the origins of browser front ends.</summary>
public sealed class Cors(IOptions<CorsSettings> settings) : IConfigureOptions<CorsOptions>
{
    public void Configure(CorsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var origins = settings.Value.AllowedOrigins;
        if (origins.Length == 0)
        {
            return;
        }

        options.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders("X-Api-Key", "Authorization", "Content-Type", "If-Match", "If-None-Match", "Idempotency-Key", "Accept-Language")
            .WithExposedHeaders("ETag", "Location", "Retry-After", "Link"));
    }
}
