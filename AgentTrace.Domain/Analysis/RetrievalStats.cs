namespace AgentTrace.Domain.Analysis;

/// <summary>Completed knowledge-base searches of a run.</summary>
public sealed record RetrievalStats
{
    public static readonly RetrievalStats None = new();

    public int Calls { get; init; }

    public long Chunks { get; init; }

    /// <summary>Searches that returned no chunk.</summary>
    public int Empty { get; init; }

    /// <summary>The mean over searches of their best chunk score; null when no score was recorded (minimal level).</summary>
    public double? MeanTopScore { get; init; }

    public double MeanLatencyMs { get; init; }
}
