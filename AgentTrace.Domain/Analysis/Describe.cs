using System.Globalization;

namespace AgentTrace.Domain.Analysis;

/// <summary>
/// How numbers read wherever AgentTrace words them for people: recommendation messages and the dashboard (which
/// formats through this class too), in the invariant culture, so a figure reads the same in both.
/// </summary>
public static class Describe
{
    private static readonly CultureInfo s_culture = CultureInfo.InvariantCulture;

    /// <summary>A duration from seconds, in the largest useful unit: 850 ms, 1.25 s, 2 m 05 s, 1 h 02 m.</summary>
    public static string Duration(double seconds) => seconds switch
    {
        < 0.001 => "0 ms",
        < 1 => $"{(seconds * 1000).ToString("0", s_culture)} ms",
        < 60 => $"{seconds.ToString("0.00", s_culture)} s",
        < 3600 => $"{(int)(seconds / 60)} m {(int)(seconds % 60):00} s",
        _ => $"{(int)(seconds / 3600)} h {(int)(seconds % 3600 / 60):00} m",
    };

    /// <summary>A share of 1 as a percentage with at most one decimal: 64%, 12.5%.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.#", s_culture) + "%";

    /// <summary>A count with thousands separators: 12,400.</summary>
    public static string Count(long count) => count.ToString("#,0", s_culture);

    /// <summary>A similarity score with two decimals: 0.82.</summary>
    public static string Score(double score) => score.ToString("0.00", s_culture);
}
