using System.Runtime.CompilerServices;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace AgentTrace.Web.Hubs;

/// <summary>
/// Live traces over SignalR at <c>/hubs/traces</c>, for API keys of any role (browsers pass the key as the
/// <c>access_token</c> query parameter). Every stream is scoped to the key's tenant: another tenant's trace is not found.
/// </summary>
[Authorize(Policy = ApiRoles.CanRead)]
public sealed class TraceHub(ITraceReader store) : Hub
{
    public const string Path = "/hubs/traces";

    /// <summary>
    /// Streams a trace's events after <paramref name="afterSeq"/>: the stored ones, then each new one, ending when the
    /// trace ends. Fails with "not found" for an unknown trace or another tenant's.
    /// </summary>
    public IAsyncEnumerable<TraceEvent> WatchTrace(string taskId, long afterSeq, CancellationToken cancellationToken) =>
        WatchTraceAsync(store, Context.User!.Tenant(), taskId, afterSeq, cancellationToken);

    /// <summary>Streams the tenant's traces as they are created, change (coalesced per trace) or finish, from now on, until the client stops.</summary>
    public IAsyncEnumerable<TraceSession> WatchTraces(CancellationToken cancellationToken) =>
        store.WatchTracesAsync(Context.User!.Tenant(), cancellationToken);

    private static async IAsyncEnumerable<TraceEvent> WatchTraceAsync(
        ITraceReader store, string tenant, string taskId, long afterSeq, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!TraceIds.IsTaskId(taskId))
        {
            throw new HubException("taskId must be 32 lowercase hexadecimal characters");
        }

        if (afterSeq < 0)
        {
            throw new HubException("afterSeq must be 0 or more");
        }

        if (await store.GetAsync(tenant, taskId, cancellationToken) is null)
        {
            throw new HubException($"trace {taskId} was not found");
        }

        await foreach (var e in store.WatchAsync(tenant, taskId, afterSeq, cancellationToken))
        {
            yield return e;
        }
    }
}
