namespace AgentTrace.Domain.Agents.Conversations;

/// <summary>
/// One conversation with an agent (RAGFlow calls it a session): who holds it, when it started and last changed, and
/// its last messages, oldest first.
/// </summary>
public sealed record Conversation
{
    public required string SessionId { get; init; }

    public required string AgentId { get; init; }

    public string? UserId { get; init; }

    public string? Name { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required IReadOnlyList<ConversationMessage> Messages { get; init; }
}
