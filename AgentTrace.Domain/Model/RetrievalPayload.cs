namespace AgentTrace.Domain.Model;

/// <summary>A knowledge-base search: what was asked and which chunks came back.</summary>
public sealed record RetrievalPayload
{
    public string? RetrievalId { get; init; }

    public string? Query { get; init; }

    public IReadOnlyList<string>? KnowledgeBases { get; init; }

    public int? TopK { get; init; }

    public double? SimilarityThreshold { get; init; }

    public int? ChunksRetrieved { get; init; }

    public IReadOnlyList<RetrievedChunk>? Chunks { get; init; }

    public double? LatencyMs { get; init; }

    public bool? RerankEnabled { get; init; }
}
