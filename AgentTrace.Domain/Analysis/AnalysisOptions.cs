namespace AgentTrace.Domain.Analysis;

/// <summary>Thresholds of the findings and recommendations (<c>AgentTrace:Analysis</c>).</summary>
public sealed class AnalysisOptions
{
    public const string Section = "AgentTrace:Analysis";

    /// <summary>Share of the run's wall time (0..1) from which a component is a bottleneck.</summary>
    public double BottleneckShare { get; set; } = 0.3;

    /// <summary>Seconds a component (or all LLM calls) must take before it can be called slow at all.</summary>
    public double MinSlowSeconds { get; set; } = 0.5;

    /// <summary>Share of the run's wall time (0..1) spent in LLM calls from which they are said to dominate.</summary>
    public double LlmDominatesShare { get; set; } = 0.6;

    /// <summary>Calls of one tool by one component in one run from which they are reported as repeated.</summary>
    public int RepeatedToolCalls { get; set; } = 3;

    /// <summary>A search whose best chunk scores below this found only weak matches.</summary>
    public double LowRetrievalScore { get; set; } = 0.3;

    /// <summary>Prompt tokens of one LLM call from which the prompt is reported as large.</summary>
    public long LargePromptTokens { get; set; } = 8_000;

    /// <summary>Tokens of all LLM calls of a run from which its usage is reported as high.</summary>
    public long HighTokenUsage { get; set; } = 50_000;

    public IEnumerable<string> Problems()
    {
        if (BottleneckShare is <= 0 or > 1)
        {
            yield return $"{Section}:BottleneckShare must be above 0 and at most 1 (is {BottleneckShare})";
        }

        if (MinSlowSeconds is < 0 or > 3_600)
        {
            yield return $"{Section}:MinSlowSeconds must be between 0 and 3600 (is {MinSlowSeconds})";
        }

        if (LlmDominatesShare is <= 0 or > 1)
        {
            yield return $"{Section}:LlmDominatesShare must be above 0 and at most 1 (is {LlmDominatesShare})";
        }

        if (RepeatedToolCalls is < 2 or > 1_000)
        {
            yield return $"{Section}:RepeatedToolCalls must be between 2 and 1000 (is {RepeatedToolCalls})";
        }

        if (LowRetrievalScore is < 0 or > 1)
        {
            yield return $"{Section}:LowRetrievalScore must be between 0 and 1 (is {LowRetrievalScore})";
        }

        if (LargePromptTokens is < 1 or > 10_000_000)
        {
            yield return $"{Section}:LargePromptTokens must be between 1 and 10000000 (is {LargePromptTokens})";
        }

        if (HighTokenUsage is < 1 or > 1_000_000_000)
        {
            yield return $"{Section}:HighTokenUsage must be between 1 and 1000000000 (is {HighTokenUsage})";
        }
    }
}
