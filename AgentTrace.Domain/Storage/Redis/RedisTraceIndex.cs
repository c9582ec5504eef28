using AgentTrace.Domain.Model;
using StackExchange.Redis;

namespace AgentTrace.Domain.Storage.Redis;

/// <summary>
/// A tenant's sorted sets of task ids by creation time (all, per agent, per user, per status) for listing,
/// filtering, totals and cleanup, and by expiry time for removing traces whose keys expired. Each change is one
/// transaction on the tenant's hash slot.
/// </summary>
internal sealed class RedisTraceIndex(IDatabase db, RedisKeys keys)
{
    /// <summary>Ids handled per round trip by the background sweeps and cleanup.</summary>
    public const int Batch = 500;

    private static readonly string[] s_statuses = [.. WireNames.Statuses];

    /// <summary>The score of a creation time: unix microseconds.</summary>
    public static double Score(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public async Task AddAsync(TraceSession session, long expiresAtMs)
    {
        var (tenant, id, score) = (session.TenantId, session.TaskId, Score(session.CreatedAt));
        var tx = db.CreateTransaction();
        _ = tx.SortedSetAddAsync(keys.All(tenant), id, score);
        if (session.AgentId is { } agent)
        {
            _ = tx.SortedSetAddAsync(keys.Agent(tenant, agent), id, score);
        }

        if (session.UserId is { } user)
        {
            _ = tx.SortedSetAddAsync(keys.User(tenant, user), id, score);
        }

        _ = tx.SortedSetAddAsync(keys.Status(tenant, session.Status.Name()), id, score);
        _ = tx.SortedSetAddAsync(keys.Expiry(tenant), id, expiresAtMs);
        _ = tx.HashSetAsync(keys.Owners(tenant), id, $"{session.AgentId}\n{session.UserId}");
        var tenants = db.SetAddAsync(keys.Tenants, tenant);
        await tx.ExecuteAsync().ConfigureAwait(false);
        await tenants.ConfigureAwait(false);
    }

    /// <summary>Moves a finished trace from the running set to its status set; safe to repeat.</summary>
    public Task SettleAsync(TraceSession session, long expiresAtMs)
    {
        var (tenant, id) = (session.TenantId, session.TaskId);
        var tx = db.CreateTransaction();
        _ = tx.SortedSetRemoveAsync(keys.Status(tenant, TraceStatus.Running.Name()), id);
        _ = tx.SortedSetAddAsync(keys.Status(tenant, session.Status.Name()), id, Score(session.CreatedAt));
        _ = tx.SortedSetAddAsync(keys.Expiry(tenant), id, expiresAtMs, SortedSetWhen.Exists);
        return tx.ExecuteAsync();
    }

    public async Task RemoveAsync(string tenant, RedisValue[] ids)
    {
        var owners = await db.HashGetAsync(keys.Owners(tenant), ids).ConfigureAwait(false);
        var tx = db.CreateTransaction();
        _ = tx.SortedSetRemoveAsync(keys.All(tenant), ids);
        foreach (var status in s_statuses)
        {
            _ = tx.SortedSetRemoveAsync(keys.Status(tenant, status), ids);
        }

        for (var i = 0; i < ids.Length; i++)
        {
            if (owners[i].IsNull)
            {
                continue;
            }

            var owner = ((string)owners[i]!).Split('\n');
            if (owner[0].Length > 0)
            {
                _ = tx.SortedSetRemoveAsync(keys.Agent(tenant, owner[0]), ids[i]);
            }

            if (owner[1].Length > 0)
            {
                _ = tx.SortedSetRemoveAsync(keys.User(tenant, owner[1]), ids[i]);
            }
        }

        _ = tx.SortedSetRemoveAsync(keys.Expiry(tenant), ids);
        _ = tx.HashDeleteAsync(keys.Owners(tenant), ids);
        await tx.ExecuteAsync().ConfigureAwait(false);
    }

    /// <summary>One page of the tenant's traces that match the query, newest first, and how many match in all.</summary>
    public async Task<(long Total, RedisValue[] Ids)> ListAsync(string tenant, TraceQuery query)
    {
        List<RedisKey> sets = [];
        if (query.AgentId is { } agent)
        {
            sets.Add(keys.Agent(tenant, agent));
        }

        if (query.UserId is { } user)
        {
            sets.Add(keys.User(tenant, user));
        }

        if (query.Status is { } status)
        {
            sets.Add(keys.Status(tenant, status.Name()));
        }

        if (sets.Count == 0)
        {
            sets.Add(keys.All(tenant));
        }

        sets.Add(keys.Scratch(tenant));
        RedisValue min = query.From is { } from ? (from.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks + 9) / 10 : "-inf";
        RedisValue max = query.To is { } to ? Score(to) : "+inf";
        var offset = (long)(query.Page - 1) * query.PageSize;
        var reply = (RedisResult[])(await db.ScriptEvaluateAsync(RedisScripts.List, [.. sets], [min, max, offset, query.PageSize]).ConfigureAwait(false))!;
        return ((long)reply[0], (RedisValue[])reply[1]!);
    }

    public async Task<bool> ContainsAsync(string tenant, string taskId) =>
        (await db.SortedSetScoreAsync(keys.All(tenant), taskId).ConfigureAwait(false)).HasValue;

    public async Task<string[]> TenantsAsync() =>
        [.. (await db.SetMembersAsync(keys.Tenants).ConfigureAwait(false)).Select(t => (string)t!)];

    /// <summary>The oldest ids created before <paramref name="cutoff"/> (at most <see cref="Batch"/>).</summary>
    public Task<RedisValue[]> CreatedBeforeAsync(string tenant, DateTimeOffset cutoff) =>
        db.SortedSetRangeByScoreAsync(keys.All(tenant), double.NegativeInfinity, Score(cutoff), Exclude.Stop, Order.Ascending, 0, Batch);

    /// <summary>Ids whose keys expired by <paramref name="nowMs"/> (at most <see cref="Batch"/>).</summary>
    public Task<RedisValue[]> ExpiredAsync(string tenant, long nowMs) =>
        db.SortedSetRangeByScoreAsync(keys.Expiry(tenant), double.NegativeInfinity, nowMs, Exclude.None, Order.Ascending, 0, Batch);

    /// <summary>A page of the ids in the running set, oldest first.</summary>
    public Task<RedisValue[]> RunningAsync(string tenant, long offset) =>
        db.SortedSetRangeByRankAsync(keys.Status(tenant, TraceStatus.Running.Name()), offset, offset + Batch - 1);
}
