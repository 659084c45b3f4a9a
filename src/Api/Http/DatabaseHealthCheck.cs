using DealPipeline.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DealPipeline.Api.Http;

/// <summary>Ready when the database answers and its schema is migrated.</summary>
public sealed class DatabaseHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var session = new DbSession(database);
            var version = await session.ExecuteScalarAsync<long?>("SELECT MAX(version) FROM schema_version", null, cancellationToken);
            return version is > 0 ? HealthCheckResult.Healthy($"schema version {version}") : HealthCheckResult.Unhealthy("schema not migrated");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("database unreachable", e);
        }
    }
}
