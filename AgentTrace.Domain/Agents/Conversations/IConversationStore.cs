namespace AgentTrace.Domain.Agents.Conversations;

/// <summary>
/// The conversations of the built-in agents: per tenant, agent and session id, who holds it and its last questions and
/// answers. In this process with the embedded trace store; in Redis with the Redis one, so a conversation continues on
/// any instance.
/// </summary>
public interface IConversationStore
{
    /// <summary>Starts a conversation with no messages; an existing one of that id is returned as it is.</summary>
    Task<Conversation> StartAsync(string tenantId, string agentId, ConversationStart start, CancellationToken cancellationToken = default);

    /// <summary>The conversation with its last messages; null when there is none of that id.</summary>
    Task<Conversation?> GetAsync(string tenantId, string agentId, string sessionId, CancellationToken cancellationToken = default);

    /// <summary>One page of the agent's conversations.</summary>
    Task<ConversationPage> ListAsync(string tenantId, string agentId, ConversationQuery query, CancellationToken cancellationToken = default);

    /// <summary>Adds a question and its answer to the conversation, starting it when it is new.</summary>
    Task AppendAsync(string tenantId, string agentId, string sessionId, string question, string answer, CancellationToken cancellationToken = default);

    /// <summary>Deletes the conversation; false when there was none of that id.</summary>
    Task<bool> DeleteAsync(string tenantId, string agentId, string sessionId, CancellationToken cancellationToken = default);
}
