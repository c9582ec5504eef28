using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Analysis;

/// <summary>
/// The time a trace covers. Offsets count from <see cref="Origin"/> (the earliest event); open spans run to
/// <see cref="End"/> (the trace's completion, else its newest event). <see cref="WallSeconds"/> is the trace's
/// measured duration, else newest minus earliest event.
/// </summary>
internal sealed record TraceWindow(DateTimeOffset Origin, DateTimeOffset End, double WallSeconds)
{
    public static TraceWindow Of(TraceSession session, IReadOnlyList<TraceEvent> events)
    {
        if (events.Count == 0)
        {
            return new TraceWindow(session.CreatedAt, session.CompletedAt ?? session.CreatedAt, session.TotalElapsedTime ?? 0);
        }

        var first = events.Min(e => e.Timestamp);
        var last = events.Max(e => e.Timestamp);
        var end = session.CompletedAt is { } completed && completed > last ? completed : last;
        return new TraceWindow(first, end, session.TotalElapsedTime ?? (last - first).TotalSeconds);
    }

    public double Offset(DateTimeOffset at) => (at - Origin).TotalSeconds;
}
