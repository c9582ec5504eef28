using System.Diagnostics;

namespace AgentTrace.Benchmarks.Load;

/// <summary>Percentiles of measured durations, in milliseconds.</summary>
internal static class Timing
{
    public static double Milliseconds(long fromTimestamp, long toTimestamp) => Stopwatch.GetElapsedTime(fromTimestamp, toTimestamp).TotalMilliseconds;

    /// <summary>The value at percentile <paramref name="p"/> (0–100) by nearest rank.</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Runs <paramref name="action"/> <paramref name="warmups"/> times unmeasured (so the JIT has settled), then until <paramref name="runs"/> runs or the time budget is used; returns each run's milliseconds.</summary>
    public static async Task<List<double>> RepeatAsync(Func<Task> action, int runs, TimeSpan budget, int warmups)
    {
        for (var i = 0; i < warmups; i++)
        {
            await action();
        }

        var times = new List<double>(runs);
        var started = Stopwatch.GetTimestamp();
        while (times.Count < runs && (times.Count == 0 || Stopwatch.GetElapsedTime(started) < budget))
        {
            var before = Stopwatch.GetTimestamp();
            await action();
            times.Add(Milliseconds(before, Stopwatch.GetTimestamp()));
        }

        return times;
    }
}
