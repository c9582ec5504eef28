using AgentTrace.Domain.Agents.Definitions;

namespace AgentTrace.Domain.Agents.Catalog;

/// <summary>
/// Where the agents tenants add through the API are kept: in this process with the embedded trace store, in Redis
/// with the Redis one (so every instance sees them, and they outlive restarts). Definitions are valid when stored.
/// </summary>
public interface IAgentStore
{
    Task<IReadOnlyList<AgentDefinition>> ListAsync(string tenantId, CancellationToken cancellationToken);

    Task<AgentDefinition?> GetAsync(string tenantId, string id, CancellationToken cancellationToken);

    /// <summary>Adds or replaces the tenant's agent, unless adding would give the tenant more than <paramref name="max"/>.</summary>
    Task<AgentPutOutcome> PutAsync(string tenantId, AgentDefinition agent, int max, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string tenantId, string id, CancellationToken cancellationToken);
}

public enum AgentPutOutcome
{
    Added,
    Replaced,
    TooMany,
}
