using AgentTrace.Domain.Model;
using AgentTrace.Domain.Recording;
using Microsoft.Extensions.Options;

namespace AgentTrace.Tests.Support;

/// <summary>
/// Builds a realistic trace on a clock the test advances: gap-free <c>seq</c>s, event ids, span ids, and parents
/// taken from the innermost open span (calls under their node, nodes under the workflow). Ends copy their start's
/// span, parent and component and carry the elapsed time. Use <see cref="Add"/> for anything irregular.
/// </summary>
public sealed class TraceBuilder(TraceLevel level = TraceLevel.Standard)
{
    public const string TaskId = "0123456789abcdef0123456789abcdef";

    public static readonly DateTimeOffset Origin = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly List<TraceEvent> _events = [];
    private readonly List<TraceEvent> _open = [];
    private int _ids;

    public DateTimeOffset Now { get; private set; } = Origin;

    public IReadOnlyList<TraceEvent> Events => _events;

    public TraceBuilder Advance(double seconds)
    {
        Now = Now.AddSeconds(seconds);
        return this;
    }

    /// <summary>Records an event as the store would hold it: the next <c>seq</c>, an event id, and <see cref="Now"/> unless it has a time.</summary>
    public TraceEvent Add(TraceEvent e)
    {
        var seq = _events.Count + 1;
        var recorded = e with
        {
            Seq = seq,
            EventId = e.EventId.Length > 0 ? e.EventId : $"e{seq}",
            Timestamp = e.Timestamp == default ? Now : e.Timestamp,
        };
        _events.Add(recorded);
        return recorded;
    }

    /// <summary>Opens a span under the innermost open one (or the open <paramref name="parentSpanId"/>), inheriting its component.</summary>
    public TraceEvent Begin(TraceEventType type, Func<TraceEvent, TraceEvent>? shape = null, string? spanId = null, string? parentSpanId = null)
    {
        var parent = parentSpanId is not null ? _open.Single(s => s.SpanId == parentSpanId) : _open.Count > 0 ? _open[^1] : null;
        var start = new TraceEvent
        {
            EventType = type,
            SpanId = spanId ?? $"s{++_ids}",
            ParentSpanId = parent?.SpanId,
            ComponentId = parent?.ComponentId,
            ComponentName = parent?.ComponentName,
            ComponentType = parent?.ComponentType,
        };
        var recorded = Add(shape is null ? start : shape(start));
        _open.Add(recorded);
        return recorded;
    }

    /// <summary>Closes the innermost open span.</summary>
    public TraceEvent End(TraceEventType type, Func<TraceEvent, TraceEvent>? shape = null) => End(type, _open[^1].SpanId!, shape);

    /// <summary>Closes the open span with this id (for parallel spans).</summary>
    public TraceEvent End(TraceEventType type, string spanId, Func<TraceEvent, TraceEvent>? shape = null)
    {
        var start = _open.Single(s => s.SpanId == spanId);
        _open.Remove(start);
        var end = new TraceEvent
        {
            EventType = type,
            SpanId = start.SpanId,
            ParentSpanId = start.ParentSpanId,
            ComponentId = start.ComponentId,
            ComponentName = start.ComponentName,
            ComponentType = start.ComponentType,
            ElapsedTime = (Now - start.Timestamp).TotalSeconds,
        };
        return Add(shape is null ? end : shape(end));
    }

    /// <summary>Records a point event (a message or an error) in the innermost open span's component.</summary>
    public TraceEvent Note(TraceEventType type, Func<TraceEvent, TraceEvent>? shape = null)
    {
        var at = _open.Count > 0 ? _open[^1] : null;
        var e = new TraceEvent { EventType = type, ComponentId = at?.ComponentId, ComponentName = at?.ComponentName, ComponentType = at?.ComponentType };
        return Add(shape is null ? e : shape(e));
    }

    public TraceEvent StartWorkflow() => Begin(TraceEventType.WorkflowStarted, spanId: "wf");

    public TraceEvent FinishWorkflow(string? error = null) =>
        End(error is null ? TraceEventType.WorkflowCompleted : TraceEventType.WorkflowFailed, e => e with { Error = error });

    public TraceEvent StartNode(string componentId, string name, string type) =>
        Begin(TraceEventType.NodeStarted, e => e with { ComponentId = componentId, ComponentName = name, ComponentType = type });

    public TraceEvent FinishNode(string? error = null) =>
        End(error is null ? TraceEventType.NodeFinished : TraceEventType.NodeFailed, e => e with { Error = error });

    /// <summary>A node that does its own work for <paramref name="seconds"/>; returns its end.</summary>
    public TraceEvent Node(string componentId, string name, string type, double seconds, string? error = null)
    {
        StartNode(componentId, name, type);
        Advance(seconds);
        return FinishNode(error);
    }

    /// <summary>
    /// An LLM call in the current node lasting <paramref name="seconds"/>: the start carries the model and the prompt,
    /// the completion the response, tokens and latency. Returns the completion.
    /// </summary>
    public TraceEvent Llm(double seconds, LlmPayload call, string? error = null)
    {
        var callId = call.CallId ?? $"c{++_ids}";
        Begin(TraceEventType.LlmCallStarted, e => e with
        {
            Llm = new LlmPayload { CallId = callId, ModelName = call.ModelName, Prompt = call.Prompt, Messages = call.Messages, Temperature = call.Temperature, MaxTokens = call.MaxTokens },
        });
        Advance(seconds);
        return End(TraceEventType.LlmCallCompleted, e => e with
        {
            Error = error,
            Llm = call with { CallId = callId, Prompt = null, Messages = null, Temperature = null, MaxTokens = null, LatencyMs = call.LatencyMs ?? seconds * 1000 },
        });
    }

    /// <summary>A search in the current node: the start carries the query and settings, the completion the chunks. Returns the completion.</summary>
    public TraceEvent Retrieval(double seconds, RetrievalPayload search, string? error = null)
    {
        var retrievalId = search.RetrievalId ?? $"r{++_ids}";
        Begin(TraceEventType.RetrievalStarted, e => e with
        {
            Retrieval = new RetrievalPayload
            {
                RetrievalId = retrievalId,
                Query = search.Query,
                KnowledgeBases = search.KnowledgeBases,
                TopK = search.TopK,
                SimilarityThreshold = search.SimilarityThreshold,
                RerankEnabled = search.RerankEnabled,
            },
        });
        Advance(seconds);
        return End(TraceEventType.RetrievalCompleted, e => e with
        {
            Error = error,
            Retrieval = new RetrievalPayload
            {
                RetrievalId = retrievalId,
                KnowledgeBases = search.KnowledgeBases,
                ChunksRetrieved = search.ChunksRetrieved ?? search.Chunks?.Count ?? 0,
                Chunks = search.Chunks,
                LatencyMs = search.LatencyMs ?? seconds * 1000,
            },
        });
    }

    /// <summary>A tool call in the current node: the start carries the arguments, the completion repeats them with the result. Returns the completion.</summary>
    public TraceEvent Tool(double seconds, ToolPayload call, string? error = null)
    {
        var callId = call.CallId ?? $"t{++_ids}";
        Begin(TraceEventType.ToolCallStarted, e => e with
        {
            Tool = new ToolPayload { CallId = callId, ToolName = call.ToolName, ToolType = call.ToolType, Arguments = call.Arguments },
        });
        Advance(seconds);
        return End(TraceEventType.ToolCallCompleted, e => e with
        {
            Error = error,
            Tool = new ToolPayload { CallId = callId, ToolName = call.ToolName, Arguments = call.Arguments, Result = call.Result, LatencyMs = call.LatencyMs ?? seconds * 1000 },
        });
    }

    /// <summary>
    /// The trace as the store holds it: created at <see cref="Origin"/>, its summary rolled up from the events, and
    /// unless still running, completed now with its elapsed time.
    /// </summary>
    public TraceSession Session(TraceStatus status = TraceStatus.Completed) => new()
    {
        TaskId = TaskId,
        TenantId = "default",
        AgentId = "agent-1",
        SessionId = "conv-1",
        TraceLevel = level,
        Status = status,
        CreatedAt = Origin,
        CompletedAt = status == TraceStatus.Running ? null : Now,
        TotalElapsedTime = status == TraceStatus.Running ? null : (Now - Origin).TotalSeconds,
        Summary = Summarize(_events),
        LastSeq = _events.Count,
    };

    /// <summary>The events as the recorder stores them at <paramref name="recordedAt"/> (limits and redaction applied).</summary>
    public IReadOnlyList<TraceEvent> EventsAt(TraceLevel recordedAt)
    {
        var sanitizer = new EventSanitizer(new Redactor(Options.Create(new RedactionOptions())));
        return _events.Select(e => sanitizer.Sanitize(e, LevelLimits.For(recordedAt), e.Seq, e.EventId)).ToList();
    }

    private static TraceSummary Summarize(IEnumerable<TraceEvent> events)
    {
        var counter = new SummaryCounter(TraceSummary.Empty);
        foreach (var e in events)
        {
            counter.Add(e);
        }

        return counter.ToSummary();
    }
}
