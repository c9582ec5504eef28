using System.Text.Json;
using AgentTrace.Domain.Model;

namespace AgentTrace.Tests.Support;

/// <summary>Small factories of sessions and events for tests.</summary>
public static class Events
{
    public static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    public static TraceSession Session(string tenantId = "t1", string? agentId = "agent-a", DateTimeOffset? createdAt = null, string? userId = "u1", TraceLevel level = TraceLevel.Standard) => new()
    {
        TaskId = TraceIds.NewTaskId(),
        TenantId = tenantId,
        AgentId = agentId,
        UserId = userId,
        TraceLevel = level,
        CreatedAt = createdAt ?? Start,
    };

    public static TraceEvent Event(long seq, TraceEventType type = TraceEventType.NodeStarted, string? componentId = "node-1") => new()
    {
        Seq = seq,
        EventId = $"e{seq}",
        EventType = type,
        Timestamp = Start.AddMilliseconds(seq),
        ComponentId = componentId,
        SpanId = $"s{seq}",
    };

    public static List<TraceEvent> Range(long from, long to, TraceEventType type = TraceEventType.NodeStarted) =>
        [.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(i => Event(i, type))];

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
