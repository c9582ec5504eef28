using AgentTrace.Domain.Agents.Conversations;
using Microsoft.Extensions.AI;

namespace AgentTrace.Web.Api;

/// <summary>
/// A conversation as RAGFlow's agent session: <c>id</c>, <c>agent_id</c> (which the RAGFlow SDK's <c>Session</c> reads to
/// know it is an agent session), holder, name, its messages and its times in Unix milliseconds.
/// </summary>
public sealed record RagflowSession(
    string Id, string AgentId, string? UserId, string Name, IReadOnlyList<RagflowSessionMessage> Message, string Source, long CreateTime, long UpdateTime)
{
    public static RagflowSession From(Conversation conversation) => new(
        conversation.SessionId,
        conversation.AgentId,
        conversation.UserId,
        conversation.Name ?? "",
        [.. conversation.Messages.Select(m => new RagflowSessionMessage(m.Role == ChatRole.User ? "user" : "assistant", m.Content))],
        "agent",
        conversation.CreatedAt.ToUnixTimeMilliseconds(),
        conversation.UpdatedAt.ToUnixTimeMilliseconds());
}
