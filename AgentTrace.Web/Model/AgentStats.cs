using AgentTrace.Domain.Model;

namespace AgentTrace.Web.Model;

/// <summary>One agent's runs in the overview's window.</summary>
public sealed record AgentStats(string AgentId, int Runs, int Failed, double? P50, double? P95, long Tokens)
{
    public static AgentStats Of(string agentId, IReadOnlyList<TraceSession> runs)
    {
        var durations = runs.Where(r => r.IsFinished).Select(r => r.TotalElapsedTime).OfType<double>().Order().ToList();
        return new AgentStats(
            agentId,
            runs.Count,
            runs.Count(r => r.Status == TraceStatus.Failed),
            OverviewStats.Percentile(durations, 0.50),
            OverviewStats.Percentile(durations, 0.95),
            Counts.Sum(runs, r => r.Summary.TotalTokens));
    }
}
