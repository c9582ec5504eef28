namespace AgentTrace.Domain.Agents.Definitions;

/// <summary>
/// One component of an agent. Which of the optional fields apply depends on <see cref="Type"/> (see
/// <see cref="ComponentTypes"/>); text fields may reference outputs, e.g. <c>{retrieval_0.content}</c> or <c>{sys.query}</c>.
/// </summary>
public sealed record ComponentDefinition
{
    public required string Type { get; init; }

    public string? Name { get; init; }

    /// <summary>The components that run after this one (a <c>Categorize</c> routes through its categories instead).</summary>
    public IReadOnlyList<string>? Downstream { get; init; }

    /// <summary>How long the component may run; the agent-wide default applies when absent.</summary>
    public double? TimeoutSeconds { get; init; }

    /// <summary>Retrieval: the search text.</summary>
    public string? Query { get; init; }

    /// <summary>Retrieval: the knowledge bases searched.</summary>
    public IReadOnlyList<string>? KnowledgeBases { get; init; }

    /// <summary>Retrieval: the most chunks returned.</summary>
    public int? TopK { get; init; }

    /// <summary>Retrieval: the lowest score (0..1, the best match scores 1) a chunk needs.</summary>
    public double? SimilarityThreshold { get; init; }

    /// <summary>LLM, Agent: the system message.</summary>
    public string? SystemPrompt { get; init; }

    /// <summary>LLM, Agent: the user message.</summary>
    public string? Prompt { get; init; }

    /// <summary>LLM, Agent, Categorize: sampling temperature.</summary>
    public double? Temperature { get; init; }

    /// <summary>LLM, Agent: the most tokens of an answer.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>Agent: the tools it may call (built-in names or the agent's webhook tools).</summary>
    public IReadOnlyList<string>? Tools { get; init; }

    /// <summary>Agent: the most model calls of its tool loop.</summary>
    public int? MaxRounds { get; init; }

    /// <summary>Categorize: the categories, by name, each leading to one component.</summary>
    public IReadOnlyDictionary<string, CategoryDefinition>? Categories { get; init; }

    /// <summary>Message: the answer text.</summary>
    public string? Content { get; init; }
}
