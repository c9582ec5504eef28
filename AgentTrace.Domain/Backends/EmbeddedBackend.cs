using AgentTrace.Domain.Agents.Catalog;
using AgentTrace.Domain.Agents.Conversations;
using AgentTrace.Domain.Agents.Runtime;
using AgentTrace.Domain.Storage;
using AgentTrace.Domain.Storage.InMemory;
using Microsoft.Extensions.Options;

namespace AgentTrace.Domain.Backends;

/// <summary>Everything in this process: one server, bounded by <see cref="InMemoryStoreOptions"/>, always ready.</summary>
public sealed class EmbeddedBackend(IOptions<InMemoryStoreOptions> options, IOptions<AgentsOptions> agents, TimeProvider clock) : IStorageBackend
{
    private static readonly Task<StoreHealth> s_ready = Task.FromResult(new StoreHealth(true, "the in-memory store is in use"));

    public ITraceStore Traces { get; } = new InMemoryTraceStore(options, clock);

    public IAgentStore Agents { get; } = new InMemoryAgentStore();

    public IConversationStore Conversations { get; } = new InMemoryConversationStore(agents);

    public IRunSignals Signals { get; } = new SingleServerSignals();

    public IReadOnlyList<IStoreMaintenance> Maintenance => [];

    public Task<StoreHealth> CheckAsync(CancellationToken cancellationToken = default) => s_ready;
}
