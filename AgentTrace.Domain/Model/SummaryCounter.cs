namespace AgentTrace.Domain.Model;

/// <summary>Adds events to a <see cref="TraceSummary"/> without an allocation per event; every count saturates (<see cref="Counts"/>).</summary>
public struct SummaryCounter(TraceSummary start)
{
    private long _events = start.TotalEvents;
    private long _llmCalls = start.TotalLlmCalls;
    private long _retrievals = start.TotalRetrievals;
    private long _toolCalls = start.TotalToolCalls;
    private long _promptTokens = start.PromptTokens;
    private long _completionTokens = start.CompletionTokens;
    private long _totalTokens = start.TotalTokens;
    private long _chunks = start.TotalChunksRetrieved;
    private long _nodes = start.NodesExecuted;
    private long _errors = start.ErrorsCount;
    private long _dropped = start.DroppedEvents;

    /// <summary>Counts one event: what it adds is decided by its type and counters only, never by its text.</summary>
    public void Add(TraceEvent e)
    {
        var type = e.EventType;
        _events = Counts.Add(_events, 1);
        if (e.Error is not null || type is TraceEventType.NodeFailed or TraceEventType.WorkflowFailed or TraceEventType.ErrorOccurred)
        {
            _errors = Counts.Add(_errors, 1);
        }

        switch (type)
        {
            case TraceEventType.LlmCallCompleted:
                _llmCalls = Counts.Add(_llmCalls, 1);
                var prompt = e.Llm?.PromptTokens ?? 0;
                var completion = e.Llm?.CompletionTokens ?? 0;
                _promptTokens = Counts.Add(_promptTokens, prompt);
                _completionTokens = Counts.Add(_completionTokens, completion);
                _totalTokens = Counts.Add(_totalTokens, e.Llm?.TotalTokens ?? Counts.Add(prompt, completion));
                break;
            case TraceEventType.RetrievalCompleted:
                _retrievals = Counts.Add(_retrievals, 1);
                _chunks = Counts.Add(_chunks, e.Retrieval?.ChunksRetrieved ?? 0);
                break;
            case TraceEventType.ToolCallCompleted:
                _toolCalls = Counts.Add(_toolCalls, 1);
                break;
            case TraceEventType.NodeFinished or TraceEventType.NodeFailed:
                _nodes = Counts.Add(_nodes, 1);
                break;
        }
    }

    public void Dropped(long count) => _dropped = Counts.Add(_dropped, count);

    public readonly TraceSummary ToSummary() => new()
    {
        TotalEvents = _events,
        TotalLlmCalls = _llmCalls,
        TotalRetrievals = _retrievals,
        TotalToolCalls = _toolCalls,
        PromptTokens = _promptTokens,
        CompletionTokens = _completionTokens,
        TotalTokens = _totalTokens,
        TotalChunksRetrieved = _chunks,
        NodesExecuted = _nodes,
        ErrorsCount = _errors,
        DroppedEvents = _dropped,
    };
}
