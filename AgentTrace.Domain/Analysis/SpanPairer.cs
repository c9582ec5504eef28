using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Analysis;

/// <summary>
/// Pairs each <c>*_started</c> event with its end by <c>span_id</c>. Events without one are paired by their call or
/// retrieval id, else their component id (the latest open span with that key). A lone start or end is kept.
/// </summary>
internal sealed class SpanPairer
{
    private readonly List<Span> _spans = [];
    private readonly Dictionary<string, Span> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Stack<Span>> _openByKey = new(StringComparer.Ordinal);

    private SpanPairer()
    {
    }

    /// <summary>Spans in the order of their first event.</summary>
    public IReadOnlyList<Span> Spans => _spans;

    public IReadOnlyDictionary<string, Span> ById => _byId;

    public static SpanPairer Pair(IReadOnlyList<TraceEvent> events)
    {
        var pairer = new SpanPairer();
        foreach (var e in events)
        {
            if (SpanEvents.RoleOf(e.EventType) is not { } role)
            {
                continue;
            }

            if (role.Opens)
            {
                pairer.Open(e, role.Kind);
            }
            else
            {
                pairer.Close(e, role.Kind);
            }
        }

        return pairer;
    }

    private void Open(TraceEvent e, SpanKind kind)
    {
        if (e.SpanId is null)
        {
            var span = Create(e, kind);
            span.Start = e;
            OpenSpans(FallbackKey(e, kind)).Push(span);
        }
        else if (_byId.TryGetValue(e.SpanId, out var known) && known.Kind == kind && known.Start is null)
        {
            known.Start = e;
        }
        else
        {
            Create(e, kind).Start = e;
        }
    }

    private void Close(TraceEvent e, SpanKind kind)
    {
        Span? span = null;
        if (e.SpanId is null)
        {
            OpenSpans(FallbackKey(e, kind)).TryPop(out span);
        }
        else if (_byId.TryGetValue(e.SpanId, out var known) && known.Kind == kind && known.End is null)
        {
            span = known;
        }

        (span ?? Create(e, kind)).End = e;
    }

    private Span Create(TraceEvent e, SpanKind kind)
    {
        var id = e.SpanId is { } given && !_byId.ContainsKey(given) ? given : $"#{e.Seq}";
        var span = new Span(id, kind);
        _byId[id] = span;
        _spans.Add(span);
        return span;
    }

    private Stack<Span> OpenSpans(string key)
    {
        if (!_openByKey.TryGetValue(key, out var open))
        {
            open = new Stack<Span>();
            _openByKey.Add(key, open);
        }

        return open;
    }

    private static string FallbackKey(TraceEvent e, SpanKind kind)
    {
        var callId = kind switch
        {
            SpanKind.Llm => e.Llm?.CallId,
            SpanKind.Tool => e.Tool?.CallId,
            SpanKind.Retrieval => e.Retrieval?.RetrievalId,
            _ => null,
        };
        return $"{kind}:{callId ?? e.ComponentId}";
    }
}
