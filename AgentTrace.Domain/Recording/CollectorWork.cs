using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;

namespace AgentTrace.Domain.Recording;

/// <summary>One item of the collector's queue: an event to record, or an ordered piece of work.</summary>
internal readonly record struct CollectorItem(ActiveTrace Trace, TraceEvent? Event, CollectorWork? Work);

/// <summary>Work the collector does in queue order, after every event queued before it.</summary>
internal abstract record CollectorWork
{
    /// <summary>Tells whoever waits for this work that it failed.</summary>
    public virtual void Fail(Exception error)
    {
    }
}

internal sealed record FlushWork(TaskCompletionSource Done) : CollectorWork
{
    public override void Fail(Exception error) => Done.TrySetException(error);
}

internal sealed record IngestWork(IReadOnlyList<TraceEvent> Events, TaskCompletionSource<IngestResult> Done) : CollectorWork
{
    public override void Fail(Exception error) => Done.TrySetException(error);
}

internal sealed record CompleteWork(TraceCompletion Completion, TaskCompletionSource<CompleteResult> Done) : CollectorWork
{
    public override void Fail(Exception error) => Done.TrySetException(error);
}
