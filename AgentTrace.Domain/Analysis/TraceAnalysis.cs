using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Analysis;

/// <summary>Findings about one run: where the time went, what failed, what it cost, and what to change.</summary>
public sealed record TraceAnalysis
{
    public required string TaskId { get; init; }

    public required TraceStatus Status { get; init; }

    public required TraceLevel TraceLevel { get; init; }

    /// <summary>The run's duration: its measured total, else newest minus earliest event.</summary>
    public required double WallTimeS { get; init; }

    public required int TotalEvents { get; init; }

    /// <summary>Events per event type.</summary>
    public required IReadOnlyDictionary<string, int> EventDistribution { get; init; }

    /// <summary>Per component, in order of first run.</summary>
    public required IReadOnlyList<ComponentTiming> Components { get; init; }

    /// <summary>Components taking a large share of the wall time, largest share first.</summary>
    public required IReadOnlyList<ComponentTiming> Bottlenecks { get; init; }

    /// <summary>The spans that set the end time, in time order; of parallel siblings, the one that ended last.</summary>
    public required IReadOnlyList<SpanTiming> CriticalPath { get; init; }

    public required IReadOnlyList<SpanTiming> Spans { get; init; }

    public required IReadOnlyList<TraceError> Errors { get; init; }

    public required IReadOnlyList<ModelUsage> Models { get; init; }

    public required RetrievalStats Retrieval { get; init; }

    public required IReadOnlyList<ToolUsage> Tools { get; init; }

    /// <summary>Most severe first.</summary>
    public required IReadOnlyList<Recommendation> Recommendations { get; init; }
}
