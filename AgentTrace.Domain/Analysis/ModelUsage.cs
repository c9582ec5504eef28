namespace AgentTrace.Domain.Analysis;

/// <summary>Completed LLM calls of one model: tokens and latency.</summary>
public sealed record ModelUsage
{
    public required string ModelName { get; init; }

    public required int Calls { get; init; }

    public required long PromptTokens { get; init; }

    public required long CompletionTokens { get; init; }

    public required long TotalTokens { get; init; }

    public required double MeanLatencyMs { get; init; }

    public required double MaxLatencyMs { get; init; }
}
