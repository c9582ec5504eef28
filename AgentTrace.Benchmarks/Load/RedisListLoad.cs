using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Domain.Storage.Redis;
using Microsoft.Extensions.Options;
using TraceLevel = AgentTrace.Domain.Model.TraceLevel;

namespace AgentTrace.Benchmarks.Load;

/// <summary>
/// Listing among 10,000 and then 100,000 traces of one tenant (ten agents): <see cref="RedisTraceStore.ListAsync"/>
/// (sorted-set indexes) against <see cref="KeysScanLister"/>, for the newest page and a page filtered by agent, at
/// page sizes 20 and 100. Both hold the same traces.
/// </summary>
internal static class RedisListLoad
{
    private const string Tenant = "bench";
    private const string Agent = "agent-3";
    private const int Agents = 10;
    private const int IndexedRuns = 300;
    private const int BaselineRuns = 5;
    private const int IndexedWarmups = 100;
    private const int BaselineWarmups = 2;
    private static readonly int[] s_traceCounts = [10_000, 100_000];
    private static readonly TimeSpan s_budget = TimeSpan.FromSeconds(20);

    public static async Task RunAsync(LocalRedisServer server)
    {
        using var redis = server.Connect();
        var store = new RedisTraceStore(redis, Options.Create(new StorageOptions { RedisKeyPrefix = "bench" }), TimeProvider.System);
        using var admin = server.ConnectAdmin();
        var baseline = new KeysScanLister(admin.GetDatabase());
        var start = DateTimeOffset.UtcNow.AddDays(-2);
        var stored = 0;
        Console.WriteLine("| Traces | Query | Page size | RedisTraceStore median (p95) ms | KEYS+GET baseline median ms | Speed-up |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|");
        foreach (var count in s_traceCounts)
        {
            for (; stored < count; stored += 1000)
            {
                var sessions = Enumerable.Range(stored, 1000).Select(i => Session(i, start)).ToList();
                await Task.WhenAll(sessions.Select(s => store.CreateAsync(s)).Concat(sessions.Select(baseline.SaveAsync)));
            }

            foreach (var agent in new[] { null, Agent })
            {
                var expected = agent is null ? count : count / Agents;
                var baselineTimes = await Timing.RepeatAsync(() => CheckAsync(baseline.ListAsync(Tenant, agent, 20), expected), BaselineRuns, s_budget, BaselineWarmups);
                foreach (var pageSize in new[] { 20, 100 })
                {
                    var query = new TraceQuery { AgentId = agent, PageSize = pageSize };
                    var times = await Timing.RepeatAsync(() => CheckAsync(store.ListAsync(Tenant, query), expected, pageSize), IndexedRuns, s_budget, IndexedWarmups);
                    var median = Timing.Percentile(times, 50);
                    var baselineMedian = Timing.Percentile(baselineTimes, 50);
                    Console.WriteLine($"| {count:N0} | {(agent is null ? "newest" : "agent = " + agent)} | {pageSize} | {median:F2} ({Timing.Percentile(times, 95):F2}) | {baselineMedian:F0} | {baselineMedian / median:N0}× |");
                }
            }
        }
    }

    private static TraceSession Session(int i, DateTimeOffset start) =>
        SampleEvents.Session(TraceLevel.Standard, Tenant) with { AgentId = $"agent-{i % Agents}", CreatedAt = start.AddSeconds(i) };

    private static async Task CheckAsync(Task<TracePage> listing, long expectedTotal, int pageSize)
    {
        var page = await listing;
        if (page.Total != expectedTotal || page.Sessions.Count != pageSize)
        {
            throw new InvalidOperationException($"listed {page.Sessions.Count} of {page.Total} traces; expected {pageSize} of {expectedTotal}");
        }
    }

    private static async Task CheckAsync(Task<(long Total, List<TraceSession> Page)> listing, long expectedTotal)
    {
        var (total, page) = await listing;
        if (total != expectedTotal || page.Count != 20)
        {
            throw new InvalidOperationException($"the baseline listed {page.Count} of {total} traces; expected 20 of {expectedTotal}");
        }
    }
}
