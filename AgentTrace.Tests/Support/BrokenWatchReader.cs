using System.Runtime.CompilerServices;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;

namespace AgentTrace.Tests.Support;

/// <summary>
/// A reader whose watch of a trace fails with <paramref name="failure"/> once it has given the stored events, as a
/// watch does when its store goes away; every other call goes to <paramref name="store"/>.
/// </summary>
public sealed class BrokenWatchReader(ITraceReader store, Exception failure) : ITraceReader
{
    public Task<TraceSession?> GetAsync(string tenantId, string taskId, CancellationToken cancellationToken = default) =>
        store.GetAsync(tenantId, taskId, cancellationToken);

    public Task<EventPage?> GetEventsAsync(string tenantId, string taskId, EventQuery query, CancellationToken cancellationToken = default) =>
        store.GetEventsAsync(tenantId, taskId, query, cancellationToken);

    public Task<TracePage> ListAsync(string tenantId, TraceQuery query, CancellationToken cancellationToken = default) =>
        store.ListAsync(tenantId, query, cancellationToken);

    public async IAsyncEnumerable<TraceEvent> WatchAsync(string tenantId, string taskId, long afterSeq, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var stored = await store.GetEventsAsync(tenantId, taskId, new EventQuery { AfterSeq = afterSeq }, cancellationToken);
        foreach (var e in stored?.Events ?? [])
        {
            yield return e;
        }

        throw failure;
    }

    public IAsyncEnumerable<TraceSession> WatchTracesAsync(string tenantId, CancellationToken cancellationToken = default) =>
        store.WatchTracesAsync(tenantId, cancellationToken);
}
