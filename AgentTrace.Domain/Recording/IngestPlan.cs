using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Recording;

/// <summary>
/// Checks a client's batch against the stored <c>seq</c>: given numbers at or below it are duplicates, the
/// rest must continue it without a gap and increase; absent numbers are assigned in order.
/// </summary>
internal sealed record IngestPlan(List<TraceEvent> Fresh, int Duplicates, IngestResult? Refusal)
{
    public static IngestPlan Make(IReadOnlyList<TraceEvent> events, long lastSeq)
    {
        var fresh = new List<TraceEvent>(events.Count);
        var duplicates = 0;
        var next = lastSeq + 1;
        long previousGiven = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Seq == 0)
            {
                fresh.Add(e with { Seq = next++ });
                continue;
            }

            if (e.Seq <= previousGiven)
            {
                return Refuse(IngestOutcome.OutOfOrder, duplicates, lastSeq, $"events[{i}].seq is {e.Seq}, after {previousGiven}: seq must increase within a batch");
            }

            previousGiven = e.Seq;
            if (e.Seq < next)
            {
                duplicates++;
                continue;
            }

            if (e.Seq > next)
            {
                return Refuse(IngestOutcome.Gap, duplicates, lastSeq, $"events[{i}].seq is {e.Seq} but the next seq of this trace is {next}; send the missing events first");
            }

            fresh.Add(e);
            next++;
        }

        return new IngestPlan(fresh, duplicates, null);
    }

    private static IngestPlan Refuse(IngestOutcome outcome, int duplicates, long lastSeq, string message) =>
        new([], duplicates, new IngestResult(outcome, 0, duplicates, lastSeq, message));
}
