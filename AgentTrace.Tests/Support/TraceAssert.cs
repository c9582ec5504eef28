using AgentTrace.Domain.Model;

namespace AgentTrace.Tests.Support;

/// <summary>Checks on the shape of a recorded trace.</summary>
public static class TraceAssert
{
    /// <summary>The events as <c>type component</c> lines, for comparing whole sequences.</summary>
    public static IReadOnlyList<string> Steps(IEnumerable<TraceEvent> events) =>
        [.. events.Select(e => e.ComponentId is null ? e.EventType.Name() : $"{e.EventType.Name()} {e.ComponentId}")];

    /// <summary>Every node hangs under the workflow span, every other span under its node's span, and every span closes.</summary>
    public static void SpansAreNested(IReadOnlyList<TraceEvent> events)
    {
        var workflow = events.Single(e => e.EventType == TraceEventType.WorkflowStarted).SpanId;
        var nodes = events.Where(e => e.EventType == TraceEventType.NodeStarted).ToDictionary(e => e.SpanId!, e => e.ComponentId);
        foreach (var e in events)
        {
            switch (e.EventType)
            {
                case TraceEventType.WorkflowStarted:
                    Assert.Null(e.ParentSpanId);
                    break;
                case TraceEventType.NodeStarted or TraceEventType.NodeFinished or TraceEventType.NodeFailed:
                    Assert.Equal(workflow, e.ParentSpanId);
                    break;
                case TraceEventType.WorkflowCompleted or TraceEventType.WorkflowFailed or TraceEventType.WorkflowCancelled:
                    Assert.Equal(workflow, e.SpanId);
                    break;
                default:
                    Assert.True(e.ParentSpanId is not null && nodes.TryGetValue(e.ParentSpanId, out var component) && component == e.ComponentId,
                        $"{e.EventType.Name()} of {e.ComponentId} does not hang under its node");
                    break;
            }
        }

        var open = events.Where(e => e.EventType.Name().EndsWith("_started", StringComparison.Ordinal)).Select(e => e.SpanId).ToList();
        var closed = events.Where(e => !e.EventType.Name().EndsWith("_started", StringComparison.Ordinal)).Select(e => e.SpanId).ToHashSet();
        Assert.All(open, span => Assert.Contains(span, closed));
    }
}
