using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;

namespace AgentTrace.Domain.Recording;

/// <summary>
/// A trace being recorded: what a runtime calls for each step. Recording never waits for the store or for
/// readers; it waits only when the collector's bounded queue is full. Events must not change after recording.
/// </summary>
public sealed class ActiveTrace
{
    private readonly TraceCollector _collector;
    private readonly TimeProvider _clock;

    internal ActiveTrace(TraceCollector collector, TraceSession session, TimeProvider clock)
    {
        _collector = collector;
        _clock = clock;
        TaskId = session.TaskId;
        TenantId = session.TenantId;
        Level = session.TraceLevel;
        Limits = LevelLimits.For(session.TraceLevel);
        LastSeq = session.LastSeq;
    }

    public string TaskId { get; }

    public string TenantId { get; }

    public TraceLevel Level { get; }

    public LevelLimits Limits { get; }

    /// <summary>The newest <c>seq</c> given out; owned by the collector's single reader.</summary>
    internal long LastSeq { get; set; }

    /// <summary>Records one event: the collector applies the level, which decides whether it is kept, and assigns its <c>seq</c>.</summary>
    public ValueTask RecordAsync(TraceEvent e, CancellationToken cancellationToken = default)
    {
        if (e.Timestamp == default)
        {
            e = e with { Timestamp = _clock.GetUtcNow() };
        }

        return _collector.EnqueueAsync(new CollectorItem(this, e, null), cancellationToken);
    }

    /// <summary>
    /// Appends a client's batch (idempotent by <c>seq</c>; <c>seq</c> is assigned where absent) and returns once it
    /// is stored or refused.
    /// </summary>
    public async Task<IngestResult> AppendAsync(IReadOnlyList<TraceEvent> events, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        var stamped = events.Select(e => e.Timestamp == default ? e with { Timestamp = now } : e).ToList();
        var done = new TaskCompletionSource<IngestResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _collector.EnqueueAsync(new CollectorItem(this, null, new IngestWork(stamped, done)), cancellationToken).ConfigureAwait(false);
        return await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the trace after every event recorded before; returns once the store has it.</summary>
    public async Task<CompleteResult> CompleteAsync(TraceCompletion completion, CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource<CompleteResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _collector.EnqueueAsync(new CollectorItem(this, null, new CompleteWork(completion, done)), cancellationToken).ConfigureAwait(false);
        return await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns once everything recorded before this call is stored.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _collector.EnqueueAsync(new CollectorItem(this, null, new FlushWork(done)), cancellationToken).ConfigureAwait(false);
        await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
