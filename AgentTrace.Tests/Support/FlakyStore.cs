using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Domain.Storage.InMemory;
using Microsoft.Extensions.Options;

namespace AgentTrace.Tests.Support;

/// <summary>
/// An in-memory store whose first writes fail, as a store does while its server is unreachable; and which, when told
/// which events it cannot hold, refuses every append that carries one, as a store refuses data it cannot take.
/// </summary>
public sealed class FlakyStore(int failures, Func<TraceEvent, bool>? cannotHold = null) : ITraceStore
{
    private readonly InMemoryTraceStore _inner = new(Options.Create(new InMemoryStoreOptions()));
    private int _failuresLeft = failures;

    public int Failed { get; private set; }

    /// <summary>Appends refused because they carried an event the store cannot hold.</summary>
    public int Refused { get; private set; }

    public Task<bool> CreateAsync(TraceSession session, CancellationToken cancellationToken = default) =>
        FailFirst(() => _inner.CreateAsync(session, cancellationToken));

    public Task<AppendResult> AppendAsync(string tenantId, string taskId, IReadOnlyList<TraceEvent> events, CancellationToken cancellationToken = default) =>
        FailFirst(() =>
        {
            if (cannotHold is not null && events.Any(cannotHold))
            {
                Refused++;
                throw new ArgumentException("the store cannot hold this event");
            }

            return _inner.AppendAsync(tenantId, taskId, events, cancellationToken);
        });

    public Task<CompleteResult> CompleteAsync(string tenantId, string taskId, TraceCompletion completion, CancellationToken cancellationToken = default) =>
        FailFirst(() => _inner.CompleteAsync(tenantId, taskId, completion, cancellationToken));

    public Task<int> InterruptIdleAsync(DateTimeOffset idleSince, TraceCompletion completion, CancellationToken cancellationToken = default) =>
        _inner.InterruptIdleAsync(idleSince, completion, cancellationToken);

    public Task<bool> DeleteAsync(string tenantId, string taskId, CancellationToken cancellationToken = default) =>
        _inner.DeleteAsync(tenantId, taskId, cancellationToken);

    public Task<int> DeleteCreatedBeforeAsync(string tenantId, DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        _inner.DeleteCreatedBeforeAsync(tenantId, cutoff, cancellationToken);

    public Task<TraceSession?> GetAsync(string tenantId, string taskId, CancellationToken cancellationToken = default) =>
        _inner.GetAsync(tenantId, taskId, cancellationToken);

    public Task<EventPage?> GetEventsAsync(string tenantId, string taskId, EventQuery query, CancellationToken cancellationToken = default) =>
        _inner.GetEventsAsync(tenantId, taskId, query, cancellationToken);

    public Task<TracePage> ListAsync(string tenantId, TraceQuery query, CancellationToken cancellationToken = default) =>
        _inner.ListAsync(tenantId, query, cancellationToken);

    public IAsyncEnumerable<TraceEvent> WatchAsync(string tenantId, string taskId, long afterSeq, CancellationToken cancellationToken = default) =>
        _inner.WatchAsync(tenantId, taskId, afterSeq, cancellationToken);

    public IAsyncEnumerable<TraceSession> WatchTracesAsync(string tenantId, CancellationToken cancellationToken = default) =>
        _inner.WatchTracesAsync(tenantId, cancellationToken);

    private Task<T> FailFirst<T>(Func<Task<T>> call)
    {
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            Failed++;
            throw new IOException("the store is unreachable");
        }

        return call();
    }
}
