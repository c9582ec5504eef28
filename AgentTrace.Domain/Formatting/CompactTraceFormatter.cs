using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Formatting;

/// <summary>The <c>compact</c> format: the trace, its key counts and summary, and one <see cref="CompactStep"/> per event.</summary>
public sealed class CompactTraceFormatter
{
    private const int ErrorLength = 200;

    public CompactTrace FormatTrace(TraceSession session, IReadOnlyList<TraceEvent> events) => new()
    {
        TaskId = session.TaskId,
        AgentId = session.AgentId,
        SessionId = session.SessionId,
        Status = session.Status,
        TraceLevel = session.TraceLevel,
        CreatedAt = session.CreatedAt,
        CompletedAt = session.CompletedAt,
        DurationS = Math.Round(TraceWindow.Of(session, events).WallSeconds, 3),
        Nodes = session.Summary.NodesExecuted,
        LlmCalls = session.Summary.TotalLlmCalls,
        Retrievals = session.Summary.TotalRetrievals,
        ToolCalls = session.Summary.TotalToolCalls,
        Tokens = session.Summary.TotalTokens,
        Errors = session.Summary.ErrorsCount,
        Summary = session.Summary,
        Timeline = events.Select(e => FormatEvent(session, e)).ToList(),
    };

    /// <summary>One timeline line; its time counts from the trace's creation, so streamed lines match the whole trace's.</summary>
    public CompactStep FormatEvent(TraceSession session, TraceEvent e) => new()
    {
        Seq = e.Seq,
        Type = e.EventType,
        Time = Math.Round((e.Timestamp - session.CreatedAt).TotalSeconds, 3),
        Component = e.ComponentName ?? e.ComponentId,
        DurationMs = (e.ElapsedTime * 1000 ?? EventFacts.LatencyMs(e)) is { } ms ? Math.Round(ms, 1) : null,
        Detail = CompactDetail.Of(e),
        Error = e.Error is null ? null : TextPreview.Shorten(e.Error, ErrorLength),
    };
}
