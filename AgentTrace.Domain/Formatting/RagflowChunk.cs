using System.Text.Json.Serialization;

namespace AgentTrace.Domain.Formatting;

/// <summary>One retrieved chunk in RAGFlow's reference shape; <see cref="DatasetId"/> is the knowledge base it came from.</summary>
public sealed record RagflowChunk
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Id { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Content { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? DocumentId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? DocumentName { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? DatasetId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ImageId { get; init; }

    public IReadOnlyList<int> Positions { get; init; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? Similarity { get; init; }
}
