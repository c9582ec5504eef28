using AgentTrace.Domain.Model;
using AgentTrace.Domain.Recording;

namespace AgentTrace.Domain.Agents.Llm;

/// <summary>
/// Where recorded steps go: a trace, the span that new spans hang under, and the component they belong to.
/// <see cref="RecordAsync"/> fills these in on each event (the event's own values win) and stamps the time.
/// </summary>
public sealed record TraceScope(ActiveTrace Trace, TimeProvider Clock, string? ParentSpanId, string? ComponentId = null, string? ComponentName = null, string? ComponentType = null)
{
    public ValueTask RecordAsync(TraceEvent e, CancellationToken cancellationToken = default) =>
        Trace.RecordAsync(e with
        {
            Timestamp = Clock.GetUtcNow(),
            ParentSpanId = e.ParentSpanId ?? ParentSpanId,
            ComponentId = e.ComponentId ?? ComponentId,
            ComponentName = e.ComponentName ?? ComponentName,
            ComponentType = e.ComponentType ?? ComponentType,
        }, cancellationToken);
}
