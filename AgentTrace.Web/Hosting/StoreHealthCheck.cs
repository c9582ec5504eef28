using AgentTrace.Domain.Backends;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AgentTrace.Web.Hosting;

/// <summary>Healthy when the storage backend can be used, as the backend itself judges.</summary>
public sealed class StoreHealthCheck(IStorageBackend backend) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = await backend.CheckAsync(cancellationToken);
        return health.IsReady ? HealthCheckResult.Healthy(health.Description) : HealthCheckResult.Unhealthy(health.Description);
    }
}
