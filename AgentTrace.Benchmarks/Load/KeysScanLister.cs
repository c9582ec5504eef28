using System.Text.Json;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Serialization;
using StackExchange.Redis;

namespace AgentTrace.Benchmarks.Load;

/// <summary>
/// The listing of the original design, kept as a baseline: each trace a JSON string under its own key, a page found
/// by <c>KEYS</c> on the tenant's pattern, a <c>GET</c> of every key (all in flight at once), then filtering and
/// sorting in the application.
/// </summary>
internal sealed class KeysScanLister(IDatabase db)
{
    private const string Prefix = "baseline:trace:";

    public Task SaveAsync(TraceSession session) =>
        db.StringSetAsync($"{Prefix}{session.TenantId}:{session.TaskId}", JsonSerializer.Serialize(session, TraceJsonContext.Wire.TraceSession));

    public async Task<(long Total, List<TraceSession> Page)> ListAsync(string tenantId, string? agentId, int pageSize)
    {
        var keys = (RedisKey[])(await db.ExecuteAsync("KEYS", $"{Prefix}{tenantId}:*"))!;
        var values = await Task.WhenAll(keys.Select(k => db.StringGetAsync(k)));
        var matching = values
            .Where(v => v.HasValue)
            .Select(v => JsonSerializer.Deserialize((string)v!, TraceJsonContext.Wire.TraceSession)!)
            .Where(s => agentId is null || s.AgentId == agentId)
            .OrderByDescending(s => s.CreatedAt)
            .ToList();
        return (matching.Count, [.. matching.Take(pageSize)]);
    }
}
