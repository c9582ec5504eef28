namespace AgentTrace.Domain.Analysis;

/// <summary>Where a component's time went over all its runs (seconds).</summary>
public sealed record ComponentTiming
{
    public required string ComponentId { get; init; }

    public string? ComponentName { get; init; }

    public string? ComponentType { get; init; }

    public required int Runs { get; init; }

    public required int Failures { get; init; }

    public required double TotalS { get; init; }

    public required double MeanS { get; init; }

    public required double MaxS { get; init; }

    /// <summary>Share (0..1) of the run's wall time during which the component was running.</summary>
    public required double Share { get; init; }

    /// <summary>Seconds not spent in LLM, retrieval, tool or thinking spans.</summary>
    public required double SelfS { get; init; }

    public required double LlmS { get; init; }

    public required double RetrievalS { get; init; }

    public required double ToolS { get; init; }
}
