using AgentTrace.Domain.Storage;
using AgentTrace.Web.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AgentTrace.Web.Hubs;

public static class TraceHubExtensions
{
    /// <summary>
    /// Registers SignalR with the API's JSON contract, and the Redis backplane (on the app's one Redis connection)
    /// when Redis is configured, so hub messages reach clients of every instance.
    /// </summary>
    public static IServiceCollection AddTraceHub(this IServiceCollection services)
    {
        services.AddSignalR().AddJsonProtocol(o => WebServiceCollectionExtensions.UseContract(o.PayloadSerializerOptions));
        services.AddOptions<RedisOptions>().Configure<IConnectionMultiplexer, IOptions<StorageOptions>>((o, redis, storage) =>
        {
            o.ConnectionFactory = _ => Task.FromResult(redis);
            o.Configuration.ChannelPrefix = RedisChannel.Literal(storage.Value.RedisKeyPrefix + ":signalr:");
        });
        services.AddSingleton<HubLifetimeManager<TraceHub>>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.UsesRedis
            ? ActivatorUtilities.CreateInstance<RedisHubLifetimeManager<TraceHub>>(sp)
            : ActivatorUtilities.CreateInstance<DefaultHubLifetimeManager<TraceHub>>(sp));
        return services;
    }

    public static IEndpointRouteBuilder MapTraceHub(this IEndpointRouteBuilder routes)
    {
        routes.MapHub<TraceHub>(TraceHub.Path);
        return routes;
    }
}
