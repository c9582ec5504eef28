namespace AgentTrace.Domain.Analysis;

/// <summary>What to change, and the events that show why.</summary>
public sealed record Recommendation
{
    /// <summary>A stable id of the rule that fired, such as <c>slow_component</c>.</summary>
    public required string Rule { get; init; }

    public required RecommendationSeverity Severity { get; init; }

    public required string Message { get; init; }

    /// <summary>The component the recommendation is about, when it is about one.</summary>
    public string? ComponentId { get; init; }

    /// <summary>The <c>seq</c>s of the events that made the rule fire.</summary>
    public required IReadOnlyList<long> Evidence { get; init; }
}
