using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Recording;

/// <summary>
/// Where every producer starts: the built-in runner, the ingest API and any other runtime. Levels, truncation
/// and redaction are applied once, by the collector, before anything is stored or streamed.
/// </summary>
public sealed class TraceRecorder(TraceCollector collector, TimeProvider clock)
{
    /// <summary>
    /// Starts recording a new trace. Its creation is queued like its events, so this never waits for the store;
    /// call <see cref="ActiveTrace.FlushAsync"/> to wait until it is stored.
    /// </summary>
    public async Task<ActiveTrace> StartAsync(TraceSession session, CancellationToken cancellationToken = default)
    {
        var trace = new ActiveTrace(collector, session with { LastSeq = 0, Summary = TraceSummary.Empty }, clock);
        await collector.EnqueueAsync(new CollectorItem(trace, null, new CreateWork(session)), cancellationToken).ConfigureAwait(false);
        return trace;
    }

    /// <summary>A handle to record more into a trace that is already stored (ingest from another process).</summary>
    public ActiveTrace Attach(TraceSession session) => new(collector, session, clock);
}
