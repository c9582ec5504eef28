namespace AgentTrace.Domain.Agents.Conversations;

/// <summary>
/// Which conversations of one agent to list: optionally one session or one user's, newest first by
/// <see cref="OrderBy"/> unless <see cref="Descending"/> is false, one page of <see cref="PageSize"/> (pages count from 1).
/// </summary>
public sealed record ConversationQuery
{
    public string? SessionId { get; init; }

    public string? UserId { get; init; }

    public ConversationOrder OrderBy { get; init; } = ConversationOrder.UpdatedAt;

    public bool Descending { get; init; } = true;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 30;

    /// <summary>How many conversations of the agent a listing that filters by user looks through at most, newest first.</summary>
    public const int MaxScanned = 10_000;

    public bool Matches(Conversation conversation) =>
        (SessionId is null || conversation.SessionId == SessionId) && (UserId is null || conversation.UserId == UserId);
}
