using AgentTrace.Domain.Backends;
using AgentTrace.Domain.Storage;
using AgentTrace.Domain.Storage.InMemory;
using AgentTrace.Domain.Storage.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AgentTrace.Domain.DependencyInjection;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the storage backend and what it provides: Redis when <c>AgentTrace:Storage:Redis</c> is set (with the
    /// app's one connection), else the embedded store. This is the one place that chooses; the trace, agent and
    /// conversation stores, the run signals and the maintenance all come from the backend chosen here.
    /// </summary>
    public static IServiceCollection AddTraceStorage(this IServiceCollection services)
    {
        services.AddValidatedOptions<StorageOptions>(StorageOptions.Section, o => o.Problems());
        services.AddValidatedOptions<InMemoryStoreOptions>(InMemoryStoreOptions.Section, o => o.Problems());
        services.TryAddSingleton<IConnectionMultiplexer>(sp => RedisConnection.Connect(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Redis));
        services.TryAddSingleton<IStorageBackend>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.UsesRedis
            ? ActivatorUtilities.CreateInstance<RedisBackend>(sp)
            : ActivatorUtilities.CreateInstance<EmbeddedBackend>(sp));
        services.TryAddSingleton(sp => Backend(sp).Traces);
        services.TryAddSingleton(sp => Backend(sp).Agents);
        services.TryAddSingleton(sp => Backend(sp).Conversations);
        services.TryAddSingleton(sp => Backend(sp).Signals);
        services.AddSingleton<IStoreMaintenance, IdleTraceInterrupter>();
        services.AddHostedService<StoreMaintenanceService>();
        return services;
    }

    private static IStorageBackend Backend(IServiceProvider services) => services.GetRequiredService<IStorageBackend>();
}
