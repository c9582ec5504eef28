using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;

namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>How asking to cancel a run ended.</summary>
public enum CancelOutcome
{
    /// <summary>The run stopped; <see cref="CancelResult.Status"/> is how it ended (it may have finished first).</summary>
    Ended,

    /// <summary>The tenant has no such trace.</summary>
    NotFound,

    /// <summary>The trace had already ended with <see cref="CancelResult.Status"/>.</summary>
    AlreadyFinished,

    /// <summary>The trace is running, but no server runs it as an agent run (it is recorded through ingest).</summary>
    NotAnAgentRun,
}

public sealed record CancelResult(CancelOutcome Outcome, TraceStatus? Status = null);

/// <summary>
/// Cancels an agent run wherever it runs: on this server directly, on another server sharing the store through
/// the backend's <see cref="IRunSignals"/>; either way it returns once the run's trace has ended.
/// </summary>
public sealed class RunCanceller(RunRegistry runs, IRunSignals signals, ITraceReader store)
{
    public async Task<CancelResult> CancelAsync(string tenantId, string taskId, CancellationToken cancellationToken)
    {
        if (runs.Find(tenantId, taskId) is { } run)
        {
            run.Cancel();
            return new CancelResult(CancelOutcome.Ended, (await run.Completion.WaitAsync(cancellationToken).ConfigureAwait(false)).Status);
        }

        var session = await store.GetAsync(tenantId, taskId, cancellationToken).ConfigureAwait(false);
        if (session is null || session.IsFinished)
        {
            return Settled(session);
        }

        if (!await signals.CancelElsewhereAsync(tenantId, taskId, cancellationToken).ConfigureAwait(false))
        {
            // It may have ended meanwhile, and then no server had it to cancel.
            return Settled(await store.GetAsync(tenantId, taskId, cancellationToken).ConfigureAwait(false));
        }

        await foreach (var _ in store.WatchAsync(tenantId, taskId, session.LastSeq, cancellationToken).ConfigureAwait(false))
        {
        }

        var ended = await store.GetAsync(tenantId, taskId, cancellationToken).ConfigureAwait(false);
        return ended is null ? new CancelResult(CancelOutcome.NotFound) : new CancelResult(CancelOutcome.Ended, ended.Status);
    }

    private static CancelResult Settled(TraceSession? session) => session switch
    {
        null => new CancelResult(CancelOutcome.NotFound),
        { IsFinished: true } => new CancelResult(CancelOutcome.AlreadyFinished, session.Status),
        _ => new CancelResult(CancelOutcome.NotAnAgentRun),
    };
}
