using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DealPipeline.Api.Http;

/// <summary>Ready when the database answers a connection opened now and its schema is migrated (see <see cref="Database.ProbeAsync"/>).</summary>
public sealed class DatabaseHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var version = await database.ProbeAsync(cancellationToken);
            return version is > 0 ? HealthCheckResult.Healthy($"schema version {version}") : HealthCheckResult.Unhealthy("schema not migrated");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("database unreachable", e);
        }
    }
}
