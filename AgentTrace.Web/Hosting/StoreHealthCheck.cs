using AgentTrace.Domain.Storage;
using AgentTrace.Domain.Storage.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AgentTrace.Web.Hosting;

/// <summary>Healthy when the trace store can be used: always for the in-memory store, when Redis answers for Redis.</summary>
public sealed class StoreHealthCheck(ITraceStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (store is not RedisTraceStore redis)
        {
            return HealthCheckResult.Healthy("the in-memory store is in use");
        }

        var reason = await redis.UnreachableReasonAsync(cancellationToken);
        return reason is null ? HealthCheckResult.Healthy("Redis answers") : HealthCheckResult.Unhealthy(reason);
    }
}
