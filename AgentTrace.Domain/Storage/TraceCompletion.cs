using System.Text.Json;
using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Storage;

/// <summary>How a run ended.</summary>
public sealed record TraceCompletion
{
    public required TraceStatus Status { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary>The run's duration in seconds from a monotonic clock; when absent, completed minus created.</summary>
    public double? ElapsedSeconds { get; init; }

    public string? Error { get; init; }

    public JsonElement? Outputs { get; init; }
}
