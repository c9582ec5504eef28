using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Analysis;

/// <summary>What the recommendation rules judge: one run's spans, timings and errors, and the thresholds.</summary>
internal sealed record AnalysisContext(
    TraceSession Session,
    IReadOnlyList<TraceEvent> Events,
    SpanTree Tree,
    IReadOnlyList<ComponentTiming> Components,
    IReadOnlyList<ComponentTiming> Bottlenecks,
    IReadOnlyList<TraceError> Errors,
    AnalysisOptions Options)
{
    public double WallSeconds => Tree.Window.WallSeconds;
}
