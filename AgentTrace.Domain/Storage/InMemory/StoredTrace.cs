using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Storage.InMemory;

/// <summary>One trace inside <see cref="InMemoryTraceStore"/>; guarded by the store's lock.</summary>
internal sealed class StoredTrace(TraceSession session, long ordinal, DateTimeOffset updatedAt = default)
{
    public TraceSession Session { get; set; } = session;

    public long Ordinal { get; } = ordinal;

    public DateTimeOffset CreatedAt { get; } = session.CreatedAt;

    public List<TraceEvent> Events { get; } = [];

    public long Bytes { get; set; }

    /// <summary>When the trace was last created or appended to, by the store's clock.</summary>
    public DateTimeOffset UpdatedAt { get; set; } = updatedAt;

    /// <summary>When the retention period of the trace began, by the store's clock: at creation, then at completion.</summary>
    public DateTimeOffset KeptSince { get; set; } = updatedAt;

    /// <summary>Completed (and replaced) whenever the trace changes; watchers await it.</summary>
    public TaskCompletionSource Changed { get; private set; } = NewSignal();

    /// <summary>Replaces the change signal and returns the old one, to be set after the lock is released.</summary>
    public TaskCompletionSource SwapSignal()
    {
        var old = Changed;
        Changed = NewSignal();
        return old;
    }

    /// <summary>Index of the first event with a <c>seq</c> above <paramref name="seq"/>.</summary>
    public int IndexAfter(long seq)
    {
        int lo = 0, hi = Events.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Events[mid].Seq <= seq)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>A sentinel that sorts before every trace created at <paramref name="at"/> or later.</summary>
    public static StoredTrace Bound(DateTimeOffset at, long ordinal) =>
        new(new TraceSession { TaskId = "", TenantId = "", CreatedAt = at }, ordinal);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
