namespace AgentTrace.Domain.Model;

public sealed record RetrievedChunk
{
    public string? ChunkId { get; init; }

    public string? DocumentId { get; init; }

    public string? DocumentName { get; init; }

    public string? Content { get; init; }

    public double? Score { get; init; }
}
