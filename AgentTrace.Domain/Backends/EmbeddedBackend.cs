using AgentTrace.Domain.Agents;
using AgentTrace.Domain.Agents.Catalog;
using AgentTrace.Domain.Agents.Conversations;
using AgentTrace.Domain.Agents.Runtime;
using AgentTrace.Domain.Storage;
using AgentTrace.Domain.Storage.InMemory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentTrace.Domain.Backends;

/// <summary>Everything in this process: one server, bounded by <see cref="InMemoryStoreOptions"/>, always ready.</summary>
public sealed class EmbeddedBackend : IStorageBackend
{
    private static readonly Task<StoreHealth> s_ready = Task.FromResult(new StoreHealth(true, "the in-memory store is in use"));

    public EmbeddedBackend(IOptions<InMemoryStoreOptions> options, IOptions<StorageOptions> storage, IOptions<AgentsOptions> agents, TimeProvider clock, ILoggerFactory loggers)
    {
        var traces = new InMemoryTraceStore(options, clock, storage);
        Traces = traces;
        Conversations = new InMemoryConversationStore(agents, clock);
        Maintenance = [new InMemoryRetention(traces, loggers.CreateLogger<InMemoryRetention>())];
    }

    public ITraceStore Traces { get; }

    public IAgentStore Agents { get; } = new InMemoryAgentStore();

    public IConversationStore Conversations { get; }

    public IRunSignals Signals { get; } = new SingleServerSignals();

    public IReadOnlyList<IStoreMaintenance> Maintenance { get; }

    public Task<StoreHealth> CheckAsync(CancellationToken cancellationToken = default) => s_ready;
}
