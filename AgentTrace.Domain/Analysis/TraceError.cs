using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Analysis;

/// <summary>One error of a run, with the event that reported it.</summary>
public sealed record TraceError
{
    public required long Seq { get; init; }

    public required TraceEventType EventType { get; init; }

    public string? ComponentId { get; init; }

    public string? ComponentName { get; init; }

    public required string Message { get; init; }

    public required DateTimeOffset Timestamp { get; init; }
}
