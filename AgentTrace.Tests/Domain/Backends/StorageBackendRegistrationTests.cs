using AgentTrace.Domain.Agents.Catalog;
using AgentTrace.Domain.Agents.Conversations;
using AgentTrace.Domain.Agents.Runtime;
using AgentTrace.Domain.Backends;
using AgentTrace.Domain.DependencyInjection;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Domain.Storage.InMemory;
using AgentTrace.Domain.Storage.Redis;
using AgentTrace.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AgentTrace.Tests.Domain.Backends;

/// <summary>The backend is chosen once from configuration, and every backend-specific service comes from it.</summary>
public sealed class StorageBackendRegistrationTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoRedisConfigured_EveryStorageServiceComesFromTheEmbeddedBackend()
    {
        await using var services = Services([]);
        var backend = services.GetRequiredService<IStorageBackend>();

        Assert.IsType<EmbeddedBackend>(backend);
        Assert.IsType<InMemoryTraceStore>(backend.Traces);
        AssertServedByBackend(services, backend);
        Assert.IsType<SingleServerSignals>(backend.Signals);
        Assert.IsType<InMemoryRetention>(Assert.Single(backend.Maintenance));
        Assert.Equal(new StoreHealth(true, "the in-memory store is in use"), await backend.CheckAsync(Ct));
        Assert.False(await services.GetRequiredService<IRunSignals>().CancelElsewhereAsync("t1", TraceIds.NewTaskId(), Ct));
    }

    [Fact]
    public async Task RedisConfigured_EveryStorageServiceComesFromTheRedisBackend()
    {
        await using var services = Services(new()
        {
            ["AgentTrace:Storage:Redis"] = redis.ConnectionString,
            ["AgentTrace:Storage:RedisKeyPrefix"] = "registration-" + Guid.NewGuid().ToString("N")[..8],
        });
        var backend = services.GetRequiredService<IStorageBackend>();

        Assert.IsType<RedisBackend>(backend);
        Assert.IsType<RedisTraceStore>(backend.Traces);
        AssertServedByBackend(services, backend);
        Assert.IsType<RedisIndexSweeper>(Assert.Single(backend.Maintenance));
        Assert.Equal(new StoreHealth(true, "Redis answers"), await backend.CheckAsync(Ct));
    }

    [Fact]
    public async Task RedisBackend_RedisStopped_IsNotReadyAndSaysWhere()
    {
        var server = await RedisServer.StartNewAsync();
        await using var services = Services(new() { ["AgentTrace:Storage:Redis"] = server.ConnectionString });
        var backend = services.GetRequiredService<IStorageBackend>();
        Assert.True((await backend.CheckAsync(Ct)).IsReady);

        await server.DisposeAsync();
        var health = await backend.CheckAsync(Ct);

        Assert.False(health.IsReady);
        Assert.Contains(server.ConnectionString.Split(',')[0], health.Description, StringComparison.Ordinal);
    }

    private static void AssertServedByBackend(IServiceProvider services, IStorageBackend backend)
    {
        Assert.Same(backend.Traces, services.GetRequiredService<ITraceStore>());
        Assert.Same(backend.Traces, services.GetRequiredService<ITraceReader>());
        Assert.Same(backend.Traces, services.GetRequiredService<ITraceWriter>());
        Assert.Same(backend.Agents, services.GetRequiredService<IAgentStore>());
        Assert.Same(backend.Conversations, services.GetRequiredService<IConversationStore>());
        Assert.Same(backend.Signals, services.GetRequiredService<IRunSignals>());
        Assert.Contains(services.GetServices<IHostedService>(), s => s is StoreMaintenanceService);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddAgentTraceDomain().BuildServiceProvider();
    }
}
