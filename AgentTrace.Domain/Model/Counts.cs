namespace AgentTrace.Domain.Model;

/// <summary>
/// Counter arithmetic that cannot overflow: sums saturate at <see cref="Max"/> (2^53 − 1, the largest integer every
/// JSON reader, JavaScript's too, holds exactly), in every store and every roll-up.
/// </summary>
public static class Counts
{
    public const long Max = 9_007_199_254_740_991;

    /// <summary>The sum of two counts of 0 or more, at most <see cref="Max"/>.</summary>
    public static long Add(long a, long b)
    {
        var sum = Math.Clamp(a, 0, Max) + Math.Clamp(b, 0, Max);
        return Math.Min(sum, Max);
    }

    /// <summary>The saturating sum of a sequence of counts.</summary>
    public static long Sum<T>(IEnumerable<T> items, Func<T, long> count)
    {
        long total = 0;
        foreach (var item in items)
        {
            total = Add(total, count(item));
        }

        return total;
    }
}
