using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Analysis;

/// <summary>Which span an event opens or closes (DESIGN §3); messages and errors are points, not spans.</summary>
internal static class SpanEvents
{
    public static (SpanKind Kind, bool Opens)? RoleOf(TraceEventType type) => type switch
    {
        TraceEventType.WorkflowStarted => (SpanKind.Workflow, true),
        TraceEventType.WorkflowCompleted or TraceEventType.WorkflowFailed or TraceEventType.WorkflowCancelled => (SpanKind.Workflow, false),
        TraceEventType.NodeStarted => (SpanKind.Node, true),
        TraceEventType.NodeFinished or TraceEventType.NodeFailed => (SpanKind.Node, false),
        TraceEventType.LlmCallStarted => (SpanKind.Llm, true),
        TraceEventType.LlmCallCompleted => (SpanKind.Llm, false),
        TraceEventType.RetrievalStarted => (SpanKind.Retrieval, true),
        TraceEventType.RetrievalCompleted => (SpanKind.Retrieval, false),
        TraceEventType.ToolCallStarted => (SpanKind.Tool, true),
        TraceEventType.ToolCallCompleted => (SpanKind.Tool, false),
        TraceEventType.ThinkingStarted => (SpanKind.Thinking, true),
        TraceEventType.ThinkingCompleted => (SpanKind.Thinking, false),
        _ => null,
    };
}
