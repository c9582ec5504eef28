using AgentTrace.Domain.Analysis;

namespace AgentTrace.Web.Model;

/// <summary>One visible line of the waterfall: a span at its depth in the tree.</summary>
public sealed record TimelineRow(SpanTiming Span, int Depth, bool HasChildren, bool Collapsed, string Label, bool Match);
