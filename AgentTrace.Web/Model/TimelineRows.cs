using AgentTrace.Domain.Analysis;

namespace AgentTrace.Web.Model;

/// <summary>
/// Flattens a trace's span tree into the rows of the waterfall: depth first in time order, skipping the children of
/// collapsed spans. With a search, only matching spans and their ancestors are kept, expanded.
/// </summary>
public static class TimelineRows
{
    public static List<TimelineRow> Build(TraceView view, IReadOnlySet<string> collapsed, string? search)
    {
        var rows = new List<TimelineRow>(view.Analysis.Spans.Count);
        var text = search?.Trim() ?? "";
        var searching = text.Length > 0;
        var keep = searching ? Kept(view, text) : null;
        var pending = new Stack<(SpanTiming Span, int Depth)>();
        PushAll(pending, view.Roots, 0, keep);
        while (pending.TryPop(out var item))
        {
            var span = item.Span;
            var children = view.ChildrenOf(span);
            var isCollapsed = !searching && collapsed.Contains(span.SpanId);
            var match = searching && view.Matches(span, text);
            rows.Add(new TimelineRow(span, item.Depth, children.Count > 0, isCollapsed, view.Label(span), match));
            if (!isCollapsed)
            {
                PushAll(pending, children, item.Depth + 1, keep);
            }
        }

        return rows;
    }

    private static void PushAll(Stack<(SpanTiming, int)> pending, IReadOnlyList<SpanTiming> spans, int depth, HashSet<string>? keep)
    {
        for (var i = spans.Count - 1; i >= 0; i--)
        {
            if (keep is null || keep.Contains(spans[i].SpanId))
            {
                pending.Push((spans[i], depth));
            }
        }
    }

    /// <summary>The spans that match and every ancestor of one.</summary>
    private static HashSet<string> Kept(TraceView view, string search)
    {
        var byId = view.Analysis.Spans.ToDictionary(s => s.SpanId, StringComparer.Ordinal);
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var span in view.Analysis.Spans.Where(s => view.Matches(s, search)))
        {
            for (var at = span; at is not null && keep.Add(at.SpanId); at = Parent(at, byId))
            {
            }
        }

        return keep;
    }

    private static SpanTiming? Parent(SpanTiming span, Dictionary<string, SpanTiming> byId) =>
        !span.Orphan && span.ParentSpanId is { } id ? byId.GetValueOrDefault(id) : null;
}
