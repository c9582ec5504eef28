using AgentTrace.Web.Contract;

namespace AgentTrace.Web.Hubs;

public static class TraceHubExtensions
{
    /// <summary>
    /// Registers SignalR with the API's JSON contract. The hub only streams from the store, whose own notifications
    /// cross instances, so it needs no backplane.
    /// </summary>
    public static IServiceCollection AddTraceHub(this IServiceCollection services)
    {
        services.AddSignalR().AddJsonProtocol(o => ApiJson.Use(o.PayloadSerializerOptions));
        return services;
    }

    public static IEndpointRouteBuilder MapTraceHub(this IEndpointRouteBuilder routes)
    {
        routes.MapHub<TraceHub>(TraceHub.Path);
        return routes;
    }
}
