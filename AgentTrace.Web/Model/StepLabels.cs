using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Model;

namespace AgentTrace.Web.Model;

/// <summary>Short names of steps for the timeline and the drawer: the model of an LLM call, the tool of a tool call, and so on.</summary>
public static class StepLabels
{
    public static string Of(SpanKind kind, TraceEvent? start, TraceEvent? end, string? agentId)
    {
        var e = end ?? start;
        var component = e?.ComponentName ?? e?.ComponentId;
        return kind switch
        {
            SpanKind.Workflow => agentId ?? "workflow",
            SpanKind.Node => component ?? "node",
            SpanKind.Llm => end?.Llm?.ModelName ?? start?.Llm?.ModelName ?? "LLM call",
            SpanKind.Retrieval => "search " + string.Join(", ", start?.Retrieval?.KnowledgeBases ?? end?.Retrieval?.KnowledgeBases ?? ["knowledge base"]),
            SpanKind.Tool => end?.Tool?.ToolName ?? start?.Tool?.ToolName ?? "tool call",
            SpanKind.Thinking => "thinking",
            _ => component ?? kind.ToString(),
        };
    }

    /// <summary>A point event's name: its type and component.</summary>
    public static string Of(TraceEvent e) =>
        (e.ComponentName ?? e.ComponentId) is { } component ? $"{e.EventType.Name()} · {component}" : e.EventType.Name();
}
