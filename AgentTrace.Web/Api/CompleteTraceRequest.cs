using System.Text.Json;

namespace AgentTrace.Web.Api;

/// <summary>Body of <c>POST /traces/{task_id}/complete</c>.</summary>
public sealed record CompleteTraceRequest
{
    /// <summary><c>completed</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public required string Status { get; init; }

    public string? Error { get; init; }

    public JsonElement? Outputs { get; init; }

    /// <summary>The run's duration in seconds, if the client measured it; else completed minus created.</summary>
    public double? ElapsedTime { get; init; }
}
