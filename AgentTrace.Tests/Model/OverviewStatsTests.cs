using AgentTrace.Domain.Model;
using AgentTrace.Web.Model;

namespace AgentTrace.Tests.Model;

public sealed class OverviewStatsTests
{
    private static readonly DateTimeOffset s_to = new(2026, 1, 2, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0.50, 5)]
    [InlineData(0.95, 10)]
    [InlineData(0.10, 1)]
    public void Percentile_NearestRank(double p, double expected) =>
        Assert.Equal(expected, OverviewStats.Percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p));

    [Fact]
    public void Percentile_NoValues_IsNull() => Assert.Null(OverviewStats.Percentile([], 0.5));

    [Fact]
    public void Stats_Window_CountsStatusesPerBucketAndErrorRate()
    {
        var from = s_to.AddHours(-4);
        var traces = new[]
        {
            Trace("a", TraceStatus.Completed, from.AddMinutes(10), 2, 100),
            Trace("a", TraceStatus.Failed, from.AddMinutes(20), 4, 50),
            Trace("b", TraceStatus.Completed, from.AddHours(3.5), 1, 10),
            Trace("b", TraceStatus.Running, from.AddHours(3.9), null, 5),
        };

        var stats = OverviewStats.Of(traces, from, s_to, buckets: 4);

        Assert.Equal([1, 0, 0, 1], stats.CountsOverTime(TraceStatus.Completed));
        Assert.Equal([1, 0, 0, 0], stats.CountsOverTime(TraceStatus.Failed));
        Assert.Equal([0.5, null, null, 0.0], stats.ErrorRateOverTime());
        Assert.Equal(1.0 / 3, stats.ErrorRate, 6);
        Assert.Equal(1, stats.Running);
        Assert.Equal(165, stats.Tokens);
        var a = stats.Agents.Single(x => x.AgentId == "a");
        Assert.Equal((2, 1, 2.0, 4.0, 150L), (a.Runs, a.Failed, a.P50, a.P95, a.Tokens));
    }

    private static TraceSession Trace(string agent, TraceStatus status, DateTimeOffset at, double? seconds, long tokens) => new()
    {
        TaskId = TraceIds.NewTaskId(),
        TenantId = "t1",
        AgentId = agent,
        Status = status,
        CreatedAt = at,
        TotalElapsedTime = seconds,
        Summary = new TraceSummary { TotalTokens = tokens },
    };
}
