using Microsoft.Extensions.AI;

namespace AgentTrace.Domain.Agents.Conversations;

/// <summary>
/// The conversations of the built-in agents: per tenant, agent and session id, the last questions and answers. In
/// this process with the embedded trace store; in Redis with the Redis one, so a conversation continues on any
/// instance.
/// </summary>
public interface IConversationStore
{
    /// <summary>The history given to the LLM: the conversation's last messages (empty when it is new).</summary>
    Task<IReadOnlyList<ChatMessage>> HistoryAsync(string tenantId, string agentId, string sessionId, CancellationToken cancellationToken);

    /// <summary>Adds a question and its answer to the conversation, starting it when it is new.</summary>
    Task AppendAsync(string tenantId, string agentId, string sessionId, string question, string answer, CancellationToken cancellationToken);
}
