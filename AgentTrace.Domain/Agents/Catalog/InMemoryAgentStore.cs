using System.Collections.Concurrent;
using AgentTrace.Domain.Agents.Definitions;

namespace AgentTrace.Domain.Agents.Catalog;

/// <summary>The tenants' agents in this process, for the embedded trace store: gone when the server stops, as its traces are.</summary>
public sealed class InMemoryAgentStore : IAgentStore
{
    private readonly Lock _writeLock = new();
    private readonly ConcurrentDictionary<(string Tenant, string Id), AgentDefinition> _agents = new();

    public Task<IReadOnlyList<AgentDefinition>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AgentDefinition>>([.. _agents.Where(a => a.Key.Tenant == tenantId).Select(a => a.Value)]);

    public Task<AgentDefinition?> GetAsync(string tenantId, string id, CancellationToken cancellationToken) =>
        Task.FromResult(_agents.GetValueOrDefault((tenantId, id)));

    public Task<AgentPutOutcome> PutAsync(string tenantId, AgentDefinition agent, int max, CancellationToken cancellationToken)
    {
        lock (_writeLock)
        {
            var replaced = _agents.ContainsKey((tenantId, agent.Id!));
            if (!replaced && _agents.Keys.Count(k => k.Tenant == tenantId) >= max)
            {
                return Task.FromResult(AgentPutOutcome.TooMany);
            }

            _agents[(tenantId, agent.Id!)] = agent;
            return Task.FromResult(replaced ? AgentPutOutcome.Replaced : AgentPutOutcome.Added);
        }
    }

    public Task<bool> DeleteAsync(string tenantId, string id, CancellationToken cancellationToken) =>
        Task.FromResult(_agents.TryRemove((tenantId, id), out _));
}
