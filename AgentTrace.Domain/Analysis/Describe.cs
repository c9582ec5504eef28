using System.Globalization;

namespace AgentTrace.Domain.Analysis;

/// <summary>Numbers as recommendation messages show them, in the invariant culture.</summary>
internal static class Describe
{
    public static string Seconds(double seconds) => seconds.ToString("0.##", CultureInfo.InvariantCulture) + " s";

    public static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    public static string Count(long count) => count.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Score(double score) => score.ToString("0.00", CultureInfo.InvariantCulture);
}
