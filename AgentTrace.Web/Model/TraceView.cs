using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Model;

namespace AgentTrace.Web.Model;

/// <summary>
/// One trace as the detail page shows it: the session, the events, their analysis, and the lookups the controls use
/// (event by seq, span by seq, children by parent). Live events are added with <see cref="Add"/> and show after the
/// next <see cref="Refresh"/>, which the page calls at most once per redraw.
/// </summary>
public sealed class TraceView
{
    private static readonly IReadOnlyList<SpanTiming> s_none = [];

    private readonly TraceAnalyzer _analyzer;
    private readonly List<TraceEvent> _events;
    private readonly Dictionary<long, TraceEvent> _bySeq;
    private readonly Dictionary<string, string> _searchText = new(StringComparer.Ordinal);
    private Dictionary<long, SpanTiming> _spanBySeq = [];
    private Dictionary<string, List<SpanTiming>> _children = [];
    private List<SpanTiming> _roots = [];
    private HashSet<string> _critical = [];
    private SummaryCounter _summary;
    private bool _stale;

    public TraceView(TraceSession session, IReadOnlyList<TraceEvent> events, TraceAnalyzer analyzer)
    {
        _analyzer = analyzer;
        _events = [.. events];
        _bySeq = _events.ToDictionary(e => e.Seq);
        _summary = new SummaryCounter(session.Summary);
        Session = session;
        Analysis = analyzer.Analyze(session, _events);
        Index();
    }

    public TraceSession Session { get; private set; }

    public IReadOnlyList<TraceEvent> Events => _events;

    public TraceAnalysis Analysis { get; private set; }

    /// <summary>Counts refreshes that changed something, so controls can skip work when nothing did.</summary>
    public int Version { get; private set; }

    /// <summary>The instant span offsets count from: the first event, else the trace's creation.</summary>
    public DateTimeOffset Origin { get; private set; }

    public long LastSeq => _events.Count > 0 ? _events[^1].Seq : 0;

    public IReadOnlyList<SpanTiming> Roots => _roots;

    /// <summary>Every component id that occurs, in order of first occurrence.</summary>
    public IEnumerable<string> ComponentIds => _events.Select(e => e.ComponentId).OfType<string>().Distinct(StringComparer.Ordinal);

    /// <summary>Adds a live event after the last one; an event already held is ignored.</summary>
    public void Add(TraceEvent e)
    {
        if (e.Seq <= LastSeq)
        {
            return;
        }

        _events.Add(e);
        _bySeq[e.Seq] = e;
        if (e.Seq > Session.LastSeq)
        {
            _summary.Add(e);
        }

        _stale = true;
    }

    /// <summary>Takes the stored session once the trace has ended (final status, duration and error).</summary>
    public void Finish(TraceSession session)
    {
        Session = session;
        _summary = new SummaryCounter(session.Summary);
        _stale = true;
    }

    /// <summary>Analyses again when events or the session changed; false when nothing did.</summary>
    public bool Refresh()
    {
        if (!_stale)
        {
            return false;
        }

        _stale = false;
        if (Session.LastSeq < LastSeq)
        {
            Session = Session with { Summary = _summary.ToSummary(), LastSeq = LastSeq };
        }

        Analysis = _analyzer.Analyze(Session, _events);
        Index();
        Version++;
        return true;
    }

    public TraceEvent? Event(long seq) => _bySeq.GetValueOrDefault(seq);

    /// <summary>
    /// Whether the span is on the critical path (the chain of steps that set the run's end). Only told apart when
    /// some span is off it: in a run without parallel work every step is on the path.
    /// </summary>
    public bool IsCritical(SpanTiming span) => HasParallelWork && _critical.Contains(span.SpanId);

    /// <summary>True when some span is off the critical path, because it ran beside another.</summary>
    public bool HasParallelWork => _critical.Count < Analysis.Spans.Count;

    public IReadOnlyList<SpanTiming> ChildrenOf(SpanTiming span) => _children.TryGetValue(span.SpanId, out var children) ? children : s_none;

    /// <summary>The step an event belongs to: its span, or the event alone when it opens or closes none.</summary>
    public Step? StepAt(long seq)
    {
        if (_spanBySeq.TryGetValue(seq, out var span))
        {
            return StepOf(span);
        }

        return Event(seq) is { } e ? new Step(StepLabels.Of(e), null, e, null) : null;
    }

    public Step StepOf(SpanTiming span)
    {
        var start = span.StartSeq is { } s ? Event(s) : null;
        var end = span.EndSeq is { } f ? Event(f) : null;
        return new Step(StepLabels.Of(span.Kind, start, end, Session.AgentId), span, start, end);
    }

    public string Label(SpanTiming span) => StepOf(span).Label;

    /// <summary>Whether a span's names, error or payload text contain <paramref name="text"/> (any case).</summary>
    public bool Matches(SpanTiming span, string text)
    {
        if (!_searchText.TryGetValue(span.SpanId, out var haystack))
        {
            haystack = SearchText.Of(StepOf(span));
            _searchText[span.SpanId] = haystack;
        }

        return haystack.Contains(text, StringComparison.OrdinalIgnoreCase);
    }

    private void Index()
    {
        Origin = _events.Count > 0 ? _events.Min(e => e.Timestamp) : Session.CreatedAt;
        var spans = Analysis.Spans;
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        _spanBySeq = new Dictionary<long, SpanTiming>(spans.Count * 2);
        _children = new Dictionary<string, List<SpanTiming>>(StringComparer.Ordinal);
        _roots = [];
        _critical = Analysis.CriticalPath.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        _searchText.Clear();
        foreach (var span in spans)
        {
            if (span.StartSeq is { } start)
            {
                _spanBySeq[start] = span;
            }

            if (span.EndSeq is { } end)
            {
                _spanBySeq[end] = span;
            }

            if (!span.Orphan && span.ParentSpanId is { } parent && ids.Contains(parent))
            {
                if (!_children.TryGetValue(parent, out var list))
                {
                    list = [];
                    _children.Add(parent, list);
                }

                list.Add(span);
            }
            else
            {
                _roots.Add(span);
            }
        }
    }
}
