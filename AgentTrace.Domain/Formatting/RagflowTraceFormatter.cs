using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Formatting;

/// <summary>
/// RAGFlow's <c>return_trace</c> shape, one entry per <c>node_finished</c> or <c>node_failed</c> event, in order
/// (a node that runs twice appears twice). A stream sends each entry once, as its node finishes.
/// </summary>
public sealed class RagflowTraceFormatter
{
    public IReadOnlyList<RagflowTraceEntry> FormatTrace(IReadOnlyList<TraceEvent> events) =>
        events.Select(FormatEvent).OfType<RagflowTraceEntry>().ToList();

    /// <summary>The entry for a finished or failed node; null for every other event.</summary>
    public RagflowTraceEntry? FormatEvent(TraceEvent e) =>
        e.EventType is TraceEventType.NodeFinished or TraceEventType.NodeFailed
            ? new RagflowTraceEntry
            {
                ComponentId = e.ComponentId,
                Trace =
                [
                    new RagflowNodeTrace
                    {
                        Inputs = e.Inputs,
                        Outputs = e.Outputs,
                        ComponentId = e.ComponentId,
                        ComponentName = e.ComponentName,
                        ComponentType = e.ComponentType,
                        Error = e.Error,
                        ElapsedTime = e.ElapsedTime,
                        CreatedAt = e.Timestamp.ToUnixTimeMilliseconds() / 1000.0,
                    },
                ],
            }
            : null;
}
