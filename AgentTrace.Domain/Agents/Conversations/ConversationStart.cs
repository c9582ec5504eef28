namespace AgentTrace.Domain.Agents.Conversations;

/// <summary>What a new conversation is started with: its id, and optionally who holds it and a name.</summary>
public sealed record ConversationStart(string SessionId, string? UserId = null, string? Name = null);
