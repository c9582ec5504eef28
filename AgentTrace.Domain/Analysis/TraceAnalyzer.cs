using AgentTrace.Domain.Model;
using Microsoft.Extensions.Options;

namespace AgentTrace.Domain.Analysis;

/// <summary>
/// Explains one run from its stored events: the span tree, where the time went (per component, share of the wall
/// time, self time, critical path), errors, tokens and call statistics, and recommendations with their evidence.
/// Reads only what every trace level keeps (timings, counts, ids), so a minimal trace gets the same analysis;
/// only chunk scores, which a minimal trace lacks, are skipped.
/// </summary>
public sealed class TraceAnalyzer
{
    private readonly IRecommendationRule[] _rules;
    private readonly AnalysisOptions _options;

    internal TraceAnalyzer(IOptions<AnalysisOptions> options, IEnumerable<IRecommendationRule> rules)
    {
        _options = options.Value;
        _rules = [.. rules];
    }

    /// <param name="session">The trace.</param>
    /// <param name="events">Its events in <c>seq</c> order.</param>
    public TraceAnalysis Analyze(TraceSession session, IReadOnlyList<TraceEvent> events)
    {
        var tree = SpanTree.Build(session, events);
        var components = ComponentTimings.Of(tree);
        var bottlenecks = components
            .Where(c => c.Share >= _options.BottleneckShare && c.TotalS >= _options.MinSlowSeconds)
            .OrderByDescending(c => c.Share)
            .ToList();
        var errors = TraceErrors.Of(events);
        var context = new AnalysisContext(session, events, tree, components, bottlenecks, errors, _options);
        return new TraceAnalysis
        {
            TaskId = session.TaskId,
            Status = session.Status,
            TraceLevel = session.TraceLevel,
            WallTimeS = Math.Round(tree.Window.WallSeconds, 3),
            TotalEvents = events.Count,
            EventDistribution = events.CountBy(e => e.EventType).OrderBy(p => p.Key).ToDictionary(p => p.Key.Name(), p => p.Value),
            Components = components,
            Bottlenecks = bottlenecks,
            CriticalPath = SpanTimings.CriticalPath(tree),
            Spans = SpanTimings.All(tree),
            Errors = errors,
            Models = CallStatistics.Models(tree),
            Retrieval = CallStatistics.Retrieval(tree),
            Tools = CallStatistics.Tools(tree),
            Recommendations = _rules.SelectMany(r => r.Apply(context)).OrderByDescending(r => r.Severity).ToList(),
        };
    }
}
