using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>The runs in progress on this server, by tenant and task id, at most <see cref="AgentsOptions.MaxConcurrentRuns"/>.</summary>
public sealed class RunRegistry(IOptions<AgentsOptions> options)
{
    private readonly ConcurrentDictionary<(string Tenant, string TaskId), AgentRun> _runs = new();
    private int _count;

    public AgentRun? Find(string tenantId, string taskId) => _runs.GetValueOrDefault((tenantId, taskId));

    internal bool TryReserve()
    {
        if (Interlocked.Increment(ref _count) <= options.Value.MaxConcurrentRuns)
        {
            return true;
        }

        Interlocked.Decrement(ref _count);
        return false;
    }

    internal void Add(AgentRun run) => _runs[(run.TenantId, run.TaskId)] = run;

    internal void Release(AgentRun? run)
    {
        if (run is not null)
        {
            _runs.TryRemove((run.TenantId, run.TaskId), out _);
        }

        Interlocked.Decrement(ref _count);
    }
}
