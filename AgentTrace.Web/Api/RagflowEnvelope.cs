using System.Text.Json.Nodes;

namespace AgentTrace.Web.Api;

/// <summary>The fields RAGFlow puts around every event of one run: a message id, the run's start and its ids.</summary>
public sealed record RagflowEnvelope(string MessageId, long CreatedAt, string TaskId, string SessionId)
{
    public JsonObject Event(string name, JsonObject data) => new()
    {
        ["event"] = name,
        ["message_id"] = MessageId,
        ["created_at"] = CreatedAt,
        ["task_id"] = TaskId,
        ["session_id"] = SessionId,
        ["data"] = data,
    };
}
