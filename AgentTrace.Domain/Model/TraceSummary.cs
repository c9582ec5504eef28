namespace AgentTrace.Domain.Model;

/// <summary>Roll-ups of one trace, kept up to date as events arrive (see <see cref="Add"/>).</summary>
public sealed record TraceSummary
{
    public static readonly TraceSummary Empty = new();

    public long TotalEvents { get; init; }

    public long TotalLlmCalls { get; init; }

    public long TotalRetrievals { get; init; }

    public long TotalToolCalls { get; init; }

    public long PromptTokens { get; init; }

    public long CompletionTokens { get; init; }

    public long TotalTokens { get; init; }

    public long TotalChunksRetrieved { get; init; }

    public long NodesExecuted { get; init; }

    public long ErrorsCount { get; init; }

    public long DroppedEvents { get; init; }

    /// <summary>Adds another set of counts (a delta or a roll-up) to this one.</summary>
    public TraceSummary Add(TraceSummary other) => new()
    {
        TotalEvents = TotalEvents + other.TotalEvents,
        TotalLlmCalls = TotalLlmCalls + other.TotalLlmCalls,
        TotalRetrievals = TotalRetrievals + other.TotalRetrievals,
        TotalToolCalls = TotalToolCalls + other.TotalToolCalls,
        PromptTokens = PromptTokens + other.PromptTokens,
        CompletionTokens = CompletionTokens + other.CompletionTokens,
        TotalTokens = TotalTokens + other.TotalTokens,
        TotalChunksRetrieved = TotalChunksRetrieved + other.TotalChunksRetrieved,
        NodesExecuted = NodesExecuted + other.NodesExecuted,
        ErrorsCount = ErrorsCount + other.ErrorsCount,
        DroppedEvents = DroppedEvents + other.DroppedEvents,
    };

    /// <summary>What one event adds to the roll-ups. Reads only counters, never scans text.</summary>
    public static TraceSummary Of(TraceEvent e)
    {
        var type = e.EventType;
        var isError = e.Error is not null
            || type is TraceEventType.NodeFailed or TraceEventType.WorkflowFailed or TraceEventType.ErrorOccurred;
        var llm = type == TraceEventType.LlmCallCompleted ? e.Llm : null;
        var prompt = llm?.PromptTokens ?? 0;
        var completion = llm?.CompletionTokens ?? 0;
        return new TraceSummary
        {
            TotalEvents = 1,
            TotalLlmCalls = type == TraceEventType.LlmCallCompleted ? 1 : 0,
            TotalRetrievals = type == TraceEventType.RetrievalCompleted ? 1 : 0,
            TotalToolCalls = type == TraceEventType.ToolCallCompleted ? 1 : 0,
            PromptTokens = prompt,
            CompletionTokens = completion,
            TotalTokens = llm is null ? 0 : llm.TotalTokens ?? prompt + completion,
            TotalChunksRetrieved = type == TraceEventType.RetrievalCompleted ? e.Retrieval?.ChunksRetrieved ?? 0 : 0,
            NodesExecuted = type is TraceEventType.NodeFinished or TraceEventType.NodeFailed ? 1 : 0,
            ErrorsCount = isError ? 1 : 0,
        };
    }
}
