namespace AgentTrace.Domain.Model;

/// <summary>What an LLM call was asked and answered, with its token usage.</summary>
public sealed record LlmPayload
{
    public string? CallId { get; init; }

    public string? ModelName { get; init; }

    public string? Prompt { get; init; }

    public IReadOnlyList<ChatMessageRecord>? Messages { get; init; }

    public string? Response { get; init; }

    public long? PromptTokens { get; init; }

    public long? CompletionTokens { get; init; }

    public long? TotalTokens { get; init; }

    public double? LatencyMs { get; init; }

    public double? Temperature { get; init; }

    public int? MaxTokens { get; init; }

    public string? FinishReason { get; init; }
}
