using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Model;

namespace AgentTrace.Web.Model;

/// <summary>
/// Aligns the steps of two runs of one agent: nodes by component and occurrence (the second run of "Answer" meets the
/// second run of "Answer"), and within each node its calls by kind, name and occurrence. Steps only one run had are
/// kept, placed after the step that preceded them.
/// </summary>
public static class RunComparison
{
    public static IReadOnlyList<ComparedStep> Of(TraceView a, TraceView b)
    {
        var stepsA = Steps(a);
        var stepsB = Steps(b);
        var byKeyB = stepsB.ToDictionary(s => s.Key, StringComparer.Ordinal);
        var keys = Merge([.. stepsA.Select(s => s.Key)], [.. stepsB.Select(s => s.Key)]);
        var byKeyA = stepsA.ToDictionary(s => s.Key, StringComparer.Ordinal);
        return [.. keys.Select(key =>
        {
            var left = byKeyA.GetValueOrDefault(key);
            var right = byKeyB.GetValueOrDefault(key);
            var any = (left ?? right)!;
            return new ComparedStep(key, any.Depth, any.Label, any.Span.Kind, left?.Span, right?.Span, left?.Tokens ?? 0, right?.Tokens ?? 0);
        })];
    }

    private sealed record KeyedStep(string Key, int Depth, string Label, SpanTiming Span, long Tokens);

    /// <summary>The nodes of a run, each followed by its calls, keyed by name and occurrence.</summary>
    private static List<KeyedStep> Steps(TraceView view)
    {
        var steps = new List<KeyedStep>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in view.Analysis.Spans.Where(s => s.Kind == SpanKind.Node))
        {
            var nodeKey = Occurrence(seen, node.ComponentId ?? view.Label(node));
            var calls = Descendants(view, node).Where(s => s.Kind != SpanKind.Node).ToList();
            steps.Add(new KeyedStep(nodeKey, 0, view.Label(node), node, Counts.Sum(calls, c => Tokens(view, c))));
            foreach (var call in calls)
            {
                var label = view.Label(call);
                steps.Add(new KeyedStep(Occurrence(seen, $"{nodeKey}/{call.Kind}:{label}"), 1, label, call, Tokens(view, call)));
            }
        }

        return steps;
    }

    private static IEnumerable<SpanTiming> Descendants(TraceView view, SpanTiming span)
    {
        foreach (var child in view.ChildrenOf(span))
        {
            yield return child;
            foreach (var below in Descendants(view, child))
            {
                yield return below;
            }
        }
    }

    private static long Tokens(TraceView view, SpanTiming span) =>
        span.Kind == SpanKind.Llm && span.EndSeq is { } seq && view.Event(seq)?.Llm is { } llm
            ? LlmTokens.Total(llm)
            : 0;

    private static string Occurrence(Dictionary<string, int> seen, string name)
    {
        var n = seen.GetValueOrDefault(name) + 1;
        seen[name] = n;
        return $"{name}#{n}";
    }

    /// <summary>A's keys in order, with each key only B has inserted after the key that came before it in B.</summary>
    private static List<string> Merge(List<string> a, List<string> b)
    {
        var merged = new List<string>(a);
        var present = new HashSet<string>(a, StringComparer.Ordinal);
        string? previous = null;
        foreach (var key in b)
        {
            if (present.Add(key))
            {
                var at = previous is null ? 0 : merged.IndexOf(previous) + 1;
                merged.Insert(at, key);
            }

            previous = key;
        }

        return merged;
    }
}
