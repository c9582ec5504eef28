using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Recording;

/// <summary>
/// Where every producer starts: the built-in runner, the ingest API and any other runtime. Levels, truncation
/// and redaction are applied once, by the collector, before anything is stored or streamed.
/// </summary>
public sealed class TraceRecorder(TraceCollector collector, TimeProvider clock)
{
    /// <summary>
    /// Starts recording a new trace and returns once the store has it, so its <c>task_id</c> can be read and watched
    /// at once. While the store is unreachable this waits, retrying, as the collector does for every write.
    /// </summary>
    public async Task<ActiveTrace> StartAsync(TraceSession session, CancellationToken cancellationToken = default)
    {
        var fresh = session with { LastSeq = 0, Summary = TraceSummary.Empty };
        await collector.CreateAsync(fresh, cancellationToken).ConfigureAwait(false);
        return new ActiveTrace(collector, fresh, clock);
    }

    /// <summary>A handle to record more into a trace that is already stored (ingest from another process).</summary>
    public ActiveTrace Attach(TraceSession session) => new(collector, session, clock);
}
