using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentTrace.Domain.Formatting;

/// <summary>
/// A finished node as RAGFlow's <c>node_finished</c> data carries it. Every field is written, null or not, as RAGFlow
/// writes them. <see cref="CreatedAt"/> is Unix epoch seconds (RAGFlow sends a process clock reading there).
/// </summary>
public sealed record RagflowNodeTrace
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonElement? Inputs { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonElement? Outputs { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ComponentId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ComponentName { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ComponentType { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Error { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? ElapsedTime { get; init; }

    public required double CreatedAt { get; init; }
}
