namespace AgentTrace.Domain.Model;

/// <summary>Roll-ups of one trace, kept up to date as events arrive (see <see cref="SummaryCounter"/>).</summary>
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

    /// <summary>What one event adds to the roll-ups.</summary>
    public static TraceSummary Of(TraceEvent e)
    {
        var counter = new SummaryCounter(Empty);
        counter.Add(e);
        return counter.ToSummary();
    }
}
