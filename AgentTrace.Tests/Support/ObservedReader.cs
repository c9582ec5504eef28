using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;

namespace AgentTrace.Tests.Support;

/// <summary>
/// The real store as the dashboard reads it, observed: how many list calls were made, how many watch streams (of a
/// trace or of the tenant's feed) are open, and the cancellation token of every call. <see cref="WaitUntilAsync"/>
/// waits for a condition on these, checked at each call or stream change, without sleeping. <see cref="BreakFeeds"/>
/// makes the tenant feeds fail as a store outage does, until <see cref="MendFeeds"/>; <see cref="BreakReads"/> does the
/// same to reads (get, events, list).
/// </summary>
public sealed class ObservedReader(ITraceReader store) : ITraceReader
{
    private readonly Lock _gate = new();
    private readonly List<(Func<ObservedReader, bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private int _openWatches;
    private int _listCalls;
    private int _feedsStarted;
    private Exception? _feedFailure;
    private Exception? _readFailure;
    private CancellationTokenSource _breakFeeds = new();

    public int OpenWatches => Volatile.Read(ref _openWatches);

    public int ListCalls => Volatile.Read(ref _listCalls);

    /// <summary>How many times a feed of traces was subscribed (the first time and each restart).</summary>
    public int FeedsStarted => Volatile.Read(ref _feedsStarted);

    /// <summary>Open feeds fail with <paramref name="failure"/>, and so do new ones, until <see cref="MendFeeds"/>.</summary>
    public void BreakFeeds(Exception failure)
    {
        Volatile.Write(ref _feedFailure, failure);
        _breakFeeds.Cancel();
    }

    /// <summary>Reads (get, events, list) fail with <paramref name="failure"/> until <see cref="MendReads"/>.</summary>
    public void BreakReads(Exception failure) => Volatile.Write(ref _readFailure, failure);

    /// <summary>Reads work again.</summary>
    public void MendReads() => Volatile.Write(ref _readFailure, null);

    /// <summary>New feeds work again.</summary>
    public void MendFeeds()
    {
        _breakFeeds = new CancellationTokenSource();
        Volatile.Write(ref _feedFailure, null);
    }

    public ConcurrentQueue<CancellationToken> Tokens { get; } = new();

    /// <summary>The tokens given to watch streams (of a trace or of the feed).</summary>
    public ConcurrentQueue<CancellationToken> WatchTokens { get; } = new();

    /// <summary>Completes when <paramref name="condition"/> holds; fails after <paramref name="timeout"/>.</summary>
    public Task WaitUntilAsync(Func<ObservedReader, bool> condition, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((condition, done));
        }

        Changed();
        return done.Task.WaitAsync(timeout);
    }

    public Task<TraceSession?> GetAsync(string tenantId, string taskId, CancellationToken cancellationToken = default)
    {
        Tokens.Enqueue(cancellationToken);
        FailIfBroken();
        return store.GetAsync(tenantId, taskId, cancellationToken);
    }

    public Task<EventPage?> GetEventsAsync(string tenantId, string taskId, EventQuery query, CancellationToken cancellationToken = default)
    {
        Tokens.Enqueue(cancellationToken);
        FailIfBroken();
        return store.GetEventsAsync(tenantId, taskId, query, cancellationToken);
    }

    public async Task<TracePage> ListAsync(string tenantId, TraceQuery query, CancellationToken cancellationToken = default)
    {
        Tokens.Enqueue(cancellationToken);
        FailIfBroken();
        var page = await store.ListAsync(tenantId, query, cancellationToken);
        Interlocked.Increment(ref _listCalls);
        Changed();
        return page;
    }

    public async IAsyncEnumerable<TraceEvent> WatchAsync(string tenantId, string taskId, long afterSeq, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Tokens.Enqueue(cancellationToken);
        WatchTokens.Enqueue(cancellationToken);
        Interlocked.Increment(ref _openWatches);
        Changed();
        try
        {
            await foreach (var e in store.WatchAsync(tenantId, taskId, afterSeq, cancellationToken))
            {
                yield return e;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _openWatches);
            Changed();
        }
    }

    public async IAsyncEnumerable<TraceSession> WatchTracesAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Tokens.Enqueue(cancellationToken);
        WatchTokens.Enqueue(cancellationToken);
        Interlocked.Increment(ref _openWatches);
        Interlocked.Increment(ref _feedsStarted);
        Changed();
        try
        {
            using var broken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _breakFeeds.Token);
            await using var feed = store.WatchTracesAsync(tenantId, broken.Token).GetAsyncEnumerator(broken.Token);
            while (await NextAsync(feed, cancellationToken))
            {
                yield return feed.Current;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _openWatches);
            Changed();
        }
    }

    private void FailIfBroken()
    {
        if (Volatile.Read(ref _readFailure) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>The feed's next notice, or the failure it was broken with.</summary>
    private async Task<bool> NextAsync(IAsyncEnumerator<TraceSession> feed, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _feedFailure) is { } failure)
        {
            throw failure;
        }

        try
        {
            return await feed.MoveNextAsync();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && Volatile.Read(ref _feedFailure) is not null)
        {
            throw Volatile.Read(ref _feedFailure)!;
        }
    }

    private void Changed()
    {
        List<TaskCompletionSource> met;
        lock (_gate)
        {
            met = [.. _waiters.Where(w => w.Condition(this)).Select(w => w.Done)];
            _waiters.RemoveAll(w => met.Contains(w.Done));
        }

        met.ForEach(done => done.TrySetResult());
    }
}
