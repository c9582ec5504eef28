namespace AgentTrace.Web.Model;

/// <summary>The time scale of a waterfall: where a moment falls (percent of the width) and round tick marks.</summary>
public sealed record TimeAxis(double Seconds)
{
    private static readonly double[] s_steps = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];

    /// <summary>Bars never get thinner than this share of the width, so instant steps stay visible and clickable.</summary>
    public const double MinWidthPercent = 0.25;

    public double Percent(double seconds) => Seconds <= 0 ? 0 : Math.Clamp(seconds / Seconds * 100, 0, 100);

    public double WidthPercent(double start, double duration) =>
        Math.Max(MinWidthPercent, Math.Min(Percent(duration), 100 - Percent(start)));

    /// <summary>About <paramref name="count"/> evenly spaced round instants from 0 up to the end.</summary>
    public IReadOnlyList<double> Ticks(int count = 6)
    {
        if (Seconds <= 0)
        {
            return [0];
        }

        var step = s_steps.FirstOrDefault(s => Seconds / s <= count, s_steps[^1] * Math.Ceiling(Seconds / count / s_steps[^1]));
        var ticks = new List<double>();
        for (var t = 0.0; t <= Seconds + 1e-9; t += step)
        {
            ticks.Add(Math.Round(t, 6));
        }

        return ticks;
    }
}
