using Microsoft.Extensions.AI;

namespace AgentTrace.Domain.Agents.Conversations;

/// <summary>A question (<see cref="ChatRole.User"/>) or an answer (<see cref="ChatRole.Assistant"/>) of a conversation.</summary>
public sealed record ConversationMessage(ChatRole Role, string Content);
