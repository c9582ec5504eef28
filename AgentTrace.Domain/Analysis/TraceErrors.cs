using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Analysis;

/// <summary>
/// The errors of a run, each once: an <c>error_occurred</c> that repeats another error event of the same component
/// and message (such as its <c>node_failed</c>) is not counted again.
/// </summary>
internal static class TraceErrors
{
    public static IReadOnlyList<TraceError> Of(IReadOnlyList<TraceEvent> events)
    {
        var errors = events.Where(IsError).Select(Of).ToList();
        var reported = errors
            .Where(e => e.EventType != TraceEventType.ErrorOccurred)
            .Select(e => (e.ComponentId, e.Message))
            .ToHashSet();
        return errors
            .Where(e => e.EventType != TraceEventType.ErrorOccurred || !reported.Contains((e.ComponentId, e.Message)))
            .ToList();
    }

    private static bool IsError(TraceEvent e) =>
        e.Error is not null
        || e.EventType is TraceEventType.NodeFailed or TraceEventType.WorkflowFailed or TraceEventType.ErrorOccurred;

    private static TraceError Of(TraceEvent e) => new()
    {
        Seq = e.Seq,
        EventType = e.EventType,
        ComponentId = e.ComponentId,
        ComponentName = e.ComponentName,
        Message = e.Error ?? $"{e.EventType.Name()} without a message",
        Timestamp = e.Timestamp,
    };
}
