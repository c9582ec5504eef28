using AgentTrace.Domain.Model;

namespace AgentTrace.Web.Model;

/// <summary>Figures over a window of recent traces: counts by status over time, durations and tokens per agent, error rate.</summary>
public sealed class OverviewStats
{
    private OverviewStats(IReadOnlyList<TraceSession> traces, DateTimeOffset from, DateTimeOffset to, int buckets)
    {
        Traces = traces;
        From = from;
        BucketSize = (to - from) / buckets;
        BucketStarts = [.. Enumerable.Range(0, buckets).Select(i => from + (BucketSize * i))];
        var finished = traces.Where(t => t.IsFinished).ToList();
        Failed = finished.Count(t => t.Status == TraceStatus.Failed);
        ErrorRate = finished.Count == 0 ? 0 : (double)Failed / finished.Count;
        var durations = finished.Select(t => t.TotalElapsedTime).OfType<double>().Order().ToList();
        P50 = Percentile(durations, 0.50);
        P95 = Percentile(durations, 0.95);
        Tokens = Counts.Sum(traces, t => t.Summary.TotalTokens);
        Running = traces.Count(t => t.Status == TraceStatus.Running);
        Agents = [.. traces.GroupBy(t => t.AgentId ?? "unnamed", StringComparer.Ordinal)
            .Select(g => AgentStats.Of(g.Key, [.. g]))
            .OrderByDescending(a => a.Runs)];
    }

    public IReadOnlyList<TraceSession> Traces { get; }

    public DateTimeOffset From { get; }

    public TimeSpan BucketSize { get; }

    public IReadOnlyList<DateTimeOffset> BucketStarts { get; }

    public int Failed { get; }

    /// <summary>Failed runs among finished ones (0..1).</summary>
    public double ErrorRate { get; }

    public double? P50 { get; }

    public double? P95 { get; }

    public long Tokens { get; }

    public int Running { get; }

    public IReadOnlyList<AgentStats> Agents { get; }

    /// <param name="traces">The traces created in the window.</param>
    /// <param name="from">The window's start.</param>
    /// <param name="to">The window's end.</param>
    /// <param name="buckets">How many time buckets the charts over time have.</param>
    public static OverviewStats Of(IReadOnlyList<TraceSession> traces, DateTimeOffset from, DateTimeOffset to, int buckets = 24) =>
        new(traces, from, to, Math.Max(1, buckets));

    /// <summary>Which bucket a trace falls in (clamped into the window).</summary>
    public int BucketOf(TraceSession trace) =>
        Math.Clamp((int)((trace.CreatedAt - From) / BucketSize), 0, BucketStarts.Count - 1);

    /// <summary>Per bucket, how many traces have <paramref name="status"/>.</summary>
    public IReadOnlyList<int> CountsOverTime(TraceStatus status)
    {
        var counts = new int[BucketStarts.Count];
        foreach (var trace in Traces.Where(t => t.Status == status))
        {
            counts[BucketOf(trace)]++;
        }

        return counts;
    }

    /// <summary>Per bucket, the share of finished runs that failed; null where none finished.</summary>
    public IReadOnlyList<double?> ErrorRateOverTime()
    {
        var finished = new int[BucketStarts.Count];
        var failed = new int[BucketStarts.Count];
        foreach (var trace in Traces.Where(t => t.IsFinished))
        {
            var bucket = BucketOf(trace);
            finished[bucket]++;
            failed[bucket] += trace.Status == TraceStatus.Failed ? 1 : 0;
        }

        return [.. finished.Select((n, i) => n == 0 ? (double?)null : (double)failed[i] / n)];
    }

    /// <summary>The nearest-rank percentile of sorted values; null when there are none.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
