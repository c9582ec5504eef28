namespace AgentTrace.Domain.Agents.Conversations;

/// <summary>One page of an agent's conversations and how many match in all.</summary>
public sealed record ConversationPage(IReadOnlyList<Conversation> Conversations, int Total);
