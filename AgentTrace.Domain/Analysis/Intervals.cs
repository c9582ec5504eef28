namespace AgentTrace.Domain.Analysis;

/// <summary>Time covered by overlapping spans, counted once.</summary>
internal static class Intervals
{
    public static double Covered(IEnumerable<Span> spans) => Covered(spans, double.NegativeInfinity, double.PositiveInfinity);

    /// <summary>Seconds of [<paramref name="from"/>, <paramref name="to"/>] inside at least one of the spans.</summary>
    public static double Covered(IEnumerable<Span> spans, double from, double to)
    {
        var clipped = spans
            .Select(s => (Start: Math.Max(s.StartOffset, from), End: Math.Min(s.EndOffset, to)))
            .Where(i => i.End > i.Start)
            .OrderBy(i => i.Start);
        double covered = 0, runStart = 0, runEnd = double.NegativeInfinity;
        foreach (var (start, end) in clipped)
        {
            if (start > runEnd)
            {
                covered += Math.Max(0, runEnd - runStart);
                (runStart, runEnd) = (start, end);
            }
            else
            {
                runEnd = Math.Max(runEnd, end);
            }
        }

        return covered + Math.Max(0, runEnd - runStart);
    }
}
