using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentTrace.Domain.Model;

/// <summary>One agent run: its identity, status and roll-up summary. Immutable.</summary>
public sealed record TraceSession
{
    public required string TaskId { get; init; }

    public required string TenantId { get; init; }

    public string? AgentId { get; init; }

    public string? SessionId { get; init; }

    public string? UserId { get; init; }

    public TraceLevel TraceLevel { get; init; } = TraceLevel.Standard;

    public TraceStatus Status { get; init; } = TraceStatus.Running;

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public double? TotalElapsedTime { get; init; }

    public string? Error { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public JsonElement? Metadata { get; init; }

    public JsonElement? Outputs { get; init; }

    public TraceSummary Summary { get; init; } = TraceSummary.Empty;

    /// <summary>The <c>seq</c> of the newest stored event (0 when there is none).</summary>
    public long LastSeq { get; init; }

    [JsonIgnore]
    public bool IsFinished => Status != TraceStatus.Running;
}
