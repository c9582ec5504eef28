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
    /// Registers the trace store: Redis when <c>AgentTrace:Storage:Redis</c> is set (with the app's one connection),
    /// else the in-memory store; and the background work that keeps stored traces tidy.
    /// </summary>
    public static IServiceCollection AddTraceStorage(this IServiceCollection services)
    {
        services.AddValidatedOptions<StorageOptions>(StorageOptions.Section, o => o.Problems());
        services.AddValidatedOptions<InMemoryStoreOptions>(InMemoryStoreOptions.Section, o => o.Problems());
        services.TryAddSingleton<IConnectionMultiplexer>(sp => RedisConnection.Connect(Options(sp).Redis));
        services.TryAddSingleton<InMemoryTraceStore>();
        services.TryAddSingleton<RedisTraceStore>();
        services.TryAddSingleton<ITraceStore>(sp => Options(sp).UsesRedis
            ? sp.GetRequiredService<RedisTraceStore>()
            : sp.GetRequiredService<InMemoryTraceStore>());
        services.AddHostedService<IdleTraceService>();
        services.AddHostedService<RedisIndexSweeper>();
        return services;
    }

    private static StorageOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value;
}
