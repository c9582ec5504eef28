using System.Text.Json;

namespace AgentTrace.Domain.Model;

public sealed record ToolPayload
{
    public string? CallId { get; init; }

    public string? ToolName { get; init; }

    public string? ToolType { get; init; }

    public JsonElement? Arguments { get; init; }

    public JsonElement? Result { get; init; }

    public double? LatencyMs { get; init; }
}
