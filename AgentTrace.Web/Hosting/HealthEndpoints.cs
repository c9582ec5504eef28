using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AgentTrace.Web.Hosting;

/// <summary>
/// Probes for load balancers and orchestrators, without authentication: <c>/healthz</c> answers 200 while the process
/// runs; <c>/readyz</c> answers 200 when the trace store is reachable, else 503 with the reason as JSON.
/// </summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddAgentTraceHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapAgentTraceHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        routes.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        return routes;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            Status = Name(report.Status),
            Checks = report.Entries.ToDictionary(e => e.Key, e => new { Status = Name(e.Value.Status), e.Value.Description }),
        });

    private static string Name(HealthStatus status) => status.ToString().ToLowerInvariant();
}
