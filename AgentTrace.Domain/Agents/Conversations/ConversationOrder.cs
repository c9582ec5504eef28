namespace AgentTrace.Domain.Agents.Conversations;

/// <summary>The time conversations are listed by.</summary>
public enum ConversationOrder
{
    UpdatedAt,
    CreatedAt,
}
