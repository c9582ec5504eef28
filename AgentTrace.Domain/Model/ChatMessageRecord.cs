namespace AgentTrace.Domain.Model;

/// <summary>One message of an LLM call's conversation.</summary>
public sealed record ChatMessageRecord
{
    public required string Role { get; init; }

    public string? Content { get; init; }
}
