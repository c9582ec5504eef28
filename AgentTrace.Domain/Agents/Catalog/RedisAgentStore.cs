using System.Text.Json;
using AgentTrace.Domain.Agents.Definitions;
using AgentTrace.Domain.Storage.Redis;
using StackExchange.Redis;

namespace AgentTrace.Domain.Agents.Catalog;

/// <summary>
/// The tenants' agents in Redis, one hash per tenant (agent id → definition JSON), so every instance runs the same
/// agents and they outlive restarts. They do not expire.
/// </summary>
internal sealed class RedisAgentStore(IDatabase db, RedisKeys keys) : IAgentStore
{
    /// <summary>KEYS: the tenant's agents hash. ARGV: id, JSON, max. Returns 1 added, 0 replaced, -1 too many.</summary>
    private const string PutScript = """
        local replaced = redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1
        if not replaced and redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then return -1 end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        if replaced then return 0 end
        return 1
        """;

    public async Task<IReadOnlyList<AgentDefinition>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
        [.. (await db.HashValuesAsync(keys.Agents(tenantId)).WaitAsync(cancellationToken).ConfigureAwait(false)).Select(Read)];

    public async Task<AgentDefinition?> GetAsync(string tenantId, string id, CancellationToken cancellationToken) =>
        await db.HashGetAsync(keys.Agents(tenantId), id).WaitAsync(cancellationToken).ConfigureAwait(false) is { HasValue: true } json ? Read(json) : null;

    public async Task<AgentPutOutcome> PutAsync(string tenantId, AgentDefinition agent, int max, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(agent, AgentJsonContext.Default.AgentDefinition);
        return (int)await db.ScriptEvaluateAsync(PutScript, [keys.Agents(tenantId)], [agent.Id!, json, max]).WaitAsync(cancellationToken).ConfigureAwait(false) switch
        {
            1 => AgentPutOutcome.Added,
            0 => AgentPutOutcome.Replaced,
            _ => AgentPutOutcome.TooMany,
        };
    }

    public Task<bool> DeleteAsync(string tenantId, string id, CancellationToken cancellationToken) => db.HashDeleteAsync(keys.Agents(tenantId), id).WaitAsync(cancellationToken);

    private static AgentDefinition Read(RedisValue json) =>
        JsonSerializer.Deserialize((string)json!, AgentJsonContext.Default.AgentDefinition)
        ?? throw new InvalidOperationException("a stored agent definition is null");
}
