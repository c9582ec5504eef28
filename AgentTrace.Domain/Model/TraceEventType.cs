using System.Text.Json.Serialization;

namespace AgentTrace.Domain.Model;

[JsonConverter(typeof(SnakeCaseEnumConverter<TraceEventType>))]
public enum TraceEventType
{
    WorkflowStarted,
    WorkflowCompleted,
    WorkflowFailed,
    WorkflowCancelled,
    NodeStarted,
    NodeFinished,
    NodeFailed,
    RetrievalStarted,
    RetrievalCompleted,
    LlmCallStarted,
    LlmCallCompleted,
    ToolCallStarted,
    ToolCallCompleted,
    MessageGenerated,
    ErrorOccurred,
    ThinkingStarted,
    ThinkingCompleted,
}
