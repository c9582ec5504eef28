using System.Runtime.CompilerServices;
using AgentTrace.Domain.Model;
using Microsoft.Extensions.Options;

namespace AgentTrace.Domain.Storage.InMemory;

/// <summary>
/// The embedded store: bounded by <see cref="InMemoryStoreOptions"/>, evicting the oldest finished traces first, and
/// forgetting traces after <see cref="StorageOptions.RetentionDays"/> (see <see cref="RemoveExpiredAsync"/>).
/// Stored records are immutable, so readers share them without copies. One lock guards all state; watchers are
/// woken after it is released.
/// </summary>
public sealed class InMemoryTraceStore(IOptions<InMemoryStoreOptions> options, TimeProvider? clock = null, IOptions<StorageOptions>? storage = null)
    : ITraceStore
{
    private const int WatchBatch = 1024;

    private readonly InMemoryStoreOptions _options = options.Value;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly int _maxEventsPerTrace = (storage?.Value ?? new StorageOptions()).MaxEventsPerTrace;
    private readonly TimeSpan _retention = TimeSpan.FromDays((storage?.Value ?? new StorageOptions()).RetentionDays);
    private readonly Lock _gate = new();
    private readonly TenantFeeds _feeds = new();
    private readonly Dictionary<string, StoredTrace> _byId = new(StringComparer.Ordinal);
    /// <summary>Traces by creation time, per tenant and per tenant and agent (see <see cref="IndexKeys"/>).</summary>
    private readonly Dictionary<string, SortedSet<StoredTrace>> _indexes = new(StringComparer.Ordinal);
    private readonly SortedSet<StoredTrace> _byAge = new(Comparer<StoredTrace>.Create((a, b) => a.Ordinal.CompareTo(b.Ordinal)));
    private long _bytes;
    private long _nextOrdinal;
    private long _evicted;

    private long MaxBytes => _options.MaxMegabytes * 1024L * 1024L;

    /// <summary>How many traces were evicted to stay within bounds since start.</summary>
    public long EvictedTraces
    {
        get
        {
            lock (_gate)
            {
                return _evicted;
            }
        }
    }

    public Task<bool> CreateAsync(TraceSession session, CancellationToken cancellationToken = default)
    {
        List<TaskCompletionSource> wake;
        lock (_gate)
        {
            if (_byId.ContainsKey(session.TaskId))
            {
                return Task.FromResult(false);
            }

            var stored = new StoredTrace(session, ++_nextOrdinal, _clock.GetUtcNow());
            _byId.Add(session.TaskId, stored);
            foreach (var key in IndexKeys(session))
            {
                IndexSet(key).Add(stored);
            }
            _byAge.Add(stored);
            wake = EvictWhileOverBounds(stored);
        }

        Wake(wake);
        _feeds.Publish(session);
        return Task.FromResult(true);
    }

    public Task<AppendResult> AppendAsync(string tenantId, string taskId, IReadOnlyList<TraceEvent> events, CancellationToken cancellationToken = default)
    {
        AppendResult result;
        TraceSession? changed = null;
        var wake = new List<TaskCompletionSource>();
        lock (_gate)
        {
            result = AppendLocked(tenantId, taskId, events, wake);
            if (result.Appended + result.Dropped > 0)
            {
                changed = Find(tenantId, taskId)?.Session;
            }
        }

        Wake(wake);
        if (changed is not null)
        {
            _feeds.Publish(changed);
        }

        return Task.FromResult(result);
    }

    public Task<CompleteResult> CompleteAsync(string tenantId, string taskId, TraceCompletion completion, CancellationToken cancellationToken = default)
    {
        TaskCompletionSource signal;
        TraceSession session;
        lock (_gate)
        {
            if (Find(tenantId, taskId) is not { } stored)
            {
                return Task.FromResult(new CompleteResult(CompleteOutcome.NotFound, null));
            }

            if (stored.Session.IsFinished)
            {
                return Task.FromResult(new CompleteResult(CompleteOutcome.AlreadyFinished, stored.Session));
            }

            session = Finish(stored, completion);
            signal = stored.SwapSignal();
        }

        signal.TrySetResult();
        _feeds.Publish(session);
        return Task.FromResult(new CompleteResult(CompleteOutcome.Completed, session));
    }

    public Task<int> InterruptIdleAsync(DateTimeOffset idleSince, TraceCompletion completion, CancellationToken cancellationToken = default)
    {
        var wake = new List<TaskCompletionSource>();
        var interrupted = new List<TraceSession>();
        lock (_gate)
        {
            foreach (var stored in _byId.Values.Where(s => !s.Session.IsFinished && s.UpdatedAt < idleSince))
            {
                interrupted.Add(Finish(stored, completion));
                wake.Add(stored.SwapSignal());
            }
        }

        Wake(wake);
        interrupted.ForEach(_feeds.Publish);
        return Task.FromResult(interrupted.Count);
    }

    public Task<bool> DeleteAsync(string tenantId, string taskId, CancellationToken cancellationToken = default)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (Find(tenantId, taskId) is not { } stored)
            {
                return Task.FromResult(false);
            }

            signal = RemoveLocked(stored);
        }

        signal.TrySetResult();
        return Task.FromResult(true);
    }

    public Task<int> DeleteCreatedBeforeAsync(string tenantId, DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var wake = new List<TaskCompletionSource>();
        lock (_gate)
        {
            if (_indexes.TryGetValue(tenantId, out var set))
            {
                var old = set.GetViewBetween(StoredTrace.Bound(DateTimeOffset.MinValue, long.MinValue), StoredTrace.Bound(cutoff, long.MinValue)).ToList();
                foreach (var stored in old.Where(s => s.CreatedAt < cutoff))
                {
                    wake.Add(RemoveLocked(stored));
                }
            }
        }

        Wake(wake);
        return Task.FromResult(wake.Count);
    }

    /// <summary>
    /// Removes the traces kept longer than the retention period, counted as Redis keys expire: from when the store
    /// created the trace, or from when it completed it once finished (by the store's clock, whatever times the trace
    /// itself carries). Returns how many.
    /// </summary>
    public Task<int> RemoveExpiredAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = _clock.GetUtcNow() - _retention;
        var wake = new List<TaskCompletionSource>();
        lock (_gate)
        {
            foreach (var stored in _byId.Values.Where(s => s.KeptSince <= cutoff).ToList())
            {
                wake.Add(RemoveLocked(stored));
            }
        }

        Wake(wake);
        return Task.FromResult(wake.Count);
    }

    public Task<TraceSession?> GetAsync(string tenantId, string taskId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(Find(tenantId, taskId)?.Session);
        }
    }

    public Task<EventPage?> GetEventsAsync(string tenantId, string taskId, EventQuery query, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (Find(tenantId, taskId) is not { } stored)
            {
                return Task.FromResult<EventPage?>(null);
            }

            var page = new List<TraceEvent>(Math.Min(query.Limit, 256));
            long total = 0;
            for (var i = stored.IndexAfter(query.AfterSeq); i < stored.Events.Count; i++)
            {
                var e = stored.Events[i];
                if (!query.Matches(e))
                {
                    continue;
                }

                if (total >= query.Offset && page.Count < query.Limit)
                {
                    page.Add(e);
                }

                total++;
            }

            return Task.FromResult<EventPage?>(new EventPage(page, total, query.Offset, query.Limit));
        }
    }

    public Task<TracePage> ListAsync(string tenantId, TraceQuery query, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var isFull = _byId.Count >= _options.MaxTraces || _bytes >= MaxBytes;
            var index = query.AgentId is null ? tenantId : AgentIndexKey(tenantId, query.AgentId);
            if (!_indexes.TryGetValue(index, out var set) || set.Count == 0)
            {
                return Task.FromResult(new TracePage([], 0, query.Page, query.PageSize, isFull));
            }

            var view = query.From is null && query.To is null
                ? set
                : set.GetViewBetween(
                    StoredTrace.Bound(query.From ?? DateTimeOffset.MinValue, long.MinValue),
                    StoredTrace.Bound(query.To ?? DateTimeOffset.MaxValue, long.MaxValue));
            var skip = (long)(query.Page - 1) * query.PageSize;
            var sessions = new List<TraceSession>(query.PageSize);
            long total;
            if (query is { UserId: null, Status: null })
            {
                total = view.Count;
                sessions.AddRange(view.Reverse().Skip((int)Math.Min(skip, int.MaxValue)).Take(query.PageSize).Select(s => s.Session));
            }
            else
            {
                total = 0;
                foreach (var stored in view.Reverse())
                {
                    if (!query.Matches(stored.Session))
                    {
                        continue;
                    }

                    if (total >= skip && sessions.Count < query.PageSize)
                    {
                        sessions.Add(stored.Session);
                    }

                    total++;
                }
            }

            return Task.FromResult(new TracePage(sessions, total, query.Page, query.PageSize, isFull));
        }
    }

    public async IAsyncEnumerable<TraceEvent> WatchAsync(string tenantId, string taskId, long afterSeq, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var last = afterSeq;
        while (true)
        {
            TraceEvent[] batch;
            Task changed;
            bool ended;
            lock (_gate)
            {
                if (Find(tenantId, taskId) is not { } stored)
                {
                    yield break;
                }

                var from = stored.IndexAfter(last);
                batch = stored.Events.GetRange(from, Math.Min(WatchBatch, stored.Events.Count - from)).ToArray();
                changed = stored.Changed.Task;
                ended = stored.Session.IsFinished;
            }

            foreach (var e in batch)
            {
                yield return e;
                last = e.Seq;
            }

            if (batch.Length == 0)
            {
                if (ended)
                {
                    yield break;
                }

                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public IAsyncEnumerable<TraceSession> WatchTracesAsync(string tenantId, CancellationToken cancellationToken = default) =>
        _feeds.WatchAsync(tenantId, cancellationToken);

    private AppendResult AppendLocked(string tenantId, string taskId, IReadOnlyList<TraceEvent> events, List<TaskCompletionSource> wake)
    {
        if (Find(tenantId, taskId) is not { } stored)
        {
            return AppendResult.NotFound;
        }

        var session = stored.Session;
        var last = session.LastSeq;
        var check = AppendRule.Check([.. events.Select(e => e.Seq)], last);
        var duplicates = check.Duplicates;
        if (check.Fresh == 0)
        {
            return new AppendResult(AppendOutcome.Appended, 0, duplicates, 0, last);
        }

        if (session.IsFinished)
        {
            return new AppendResult(AppendOutcome.Finished, 0, duplicates, 0, last);
        }

        if (check.IsGap)
        {
            return new AppendResult(AppendOutcome.Gap, 0, duplicates, 0, last);
        }

        var fresh = events.Where(e => e.Seq > last);

        var summary = new SummaryCounter(session.Summary);
        var dropped = 0;
        foreach (var e in fresh)
        {
            if (stored.Events.Count >= _maxEventsPerTrace)
            {
                dropped++;
                continue;
            }

            var size = EventSize.Estimate(e);
            stored.Events.Add(e);
            stored.Bytes += size;
            _bytes += size;
            summary.Add(e);
        }

        summary.Dropped(dropped);
        var lastSeq = last + check.Fresh;
        stored.Session = session with { Summary = summary.ToSummary(), LastSeq = lastSeq };
        stored.UpdatedAt = _clock.GetUtcNow();
        wake.Add(stored.SwapSignal());
        wake.AddRange(EvictWhileOverBounds(stored));
        return new AppendResult(AppendOutcome.Appended, check.Fresh - dropped, duplicates, dropped, lastSeq);
    }

    private List<TaskCompletionSource> EvictWhileOverBounds(StoredTrace keep)
    {
        var wake = new List<TaskCompletionSource>();
        while (_byId.Count > _options.MaxTraces || (_bytes > MaxBytes && _byId.Count > 1))
        {
            var victim = _byAge.FirstOrDefault(s => s.Session.IsFinished && s != keep)
                ?? _byAge.FirstOrDefault(s => s != keep);
            if (victim is null)
            {
                break;
            }

            wake.Add(RemoveLocked(victim));
            _evicted++;
        }

        return wake;
    }

    private TaskCompletionSource RemoveLocked(StoredTrace stored)
    {
        _byId.Remove(stored.Session.TaskId);
        _byAge.Remove(stored);
        foreach (var key in IndexKeys(stored.Session))
        {
            if (_indexes.TryGetValue(key, out var set) && set.Remove(stored) && set.Count == 0)
            {
                _indexes.Remove(key);
            }
        }

        _bytes -= stored.Bytes;
        return stored.SwapSignal();
    }

    private TraceSession Finish(StoredTrace stored, TraceCompletion completion)
    {
        stored.KeptSince = _clock.GetUtcNow();
        return stored.Session = stored.Session with
        {
            Status = completion.Status,
            CompletedAt = completion.CompletedAt,
            TotalElapsedTime = completion.ElapsedSeconds ?? Math.Max(0, (completion.CompletedAt - stored.CreatedAt).TotalSeconds),
            Error = completion.Error,
            Outputs = completion.Outputs,
        };
    }

    private StoredTrace? Find(string tenantId, string taskId) =>
        _byId.TryGetValue(taskId, out var stored) && string.Equals(stored.Session.TenantId, tenantId, StringComparison.Ordinal)
            ? stored
            : null;

    private SortedSet<StoredTrace> IndexSet(string key)
    {
        if (!_indexes.TryGetValue(key, out var set))
        {
            set = new SortedSet<StoredTrace>(CreationOrder.Instance);
            _indexes.Add(key, set);
        }

        return set;
    }

    /// <summary>The indexes a trace is in: its tenant's, and its tenant's agent's when it names an agent.</summary>
    private static IEnumerable<string> IndexKeys(TraceSession session) =>
        session.AgentId is null ? [session.TenantId] : [session.TenantId, AgentIndexKey(session.TenantId, session.AgentId)];

    private static string AgentIndexKey(string tenantId, string agentId) => $"{tenantId}\u001fagent\u001f{agentId}";

    private static void Wake(List<TaskCompletionSource> signals)
    {
        foreach (var signal in signals)
        {
            signal.TrySetResult();
        }
    }
}
