using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Browser;

/// <summary>A day of runs of three agents for one tenant, as an operator would see it: fast and slow, some failing, one running.</summary>
public static class DemoTenant
{
    public sealed record Seeded(string FailedToolRun, string SlowRag, string FastRag, string Running);

    public static async Task<Seeded> SeedAsync(ITraceStore store, string tenant, DateTimeOffset now)
    {
        var random = new Random(7);
        string? failed = null;
        var rags = new List<(string Id, double Scale)>();
        for (var i = 0; i < 48; i++)
        {
            var at = now.AddMinutes(-(i * 29) - random.Next(0, 20));
            switch (i % 3)
            {
                case 0:
                    var scale = 0.5 + (random.NextDouble() * 2);
                    rags.Add((await store.SaveAsync(tenant, SampleRuns.Rag(scale), createdAt: at, agentId: "support-bot", userId: $"user-{i % 5}"), scale));
                    break;
                case 1:
                    var fail = i % 4 == 1;
                    var id = await store.SaveAsync(tenant, DemoRuns.ToolAgent(0.6 + random.NextDouble(), failTool: fail), fail ? TraceStatus.Failed : TraceStatus.Completed,
                        createdAt: at, agentId: "math-agent", userId: $"user-{i % 5}", error: fail ? "the calculator failed" : null);
                    failed ??= fail ? id : null;
                    break;
                default:
                    await store.SaveAsync(tenant, DemoRuns.ToolAgent(1 + random.NextDouble(), rounds: 3), createdAt: at, agentId: "research-agent", userId: $"user-{i % 5}");
                    break;
            }
        }

        var running = await StartRunningAsync(store, tenant, now);
        var ordered = rags.OrderBy(r => r.Scale).ToList();
        return new Seeded(failed!, ordered[^1].Id, ordered[0].Id, running);
    }

    /// <summary>A tool agent run stopped half way, still running.</summary>
    private static async Task<string> StartRunningAsync(ITraceStore store, string tenant, DateTimeOffset now)
    {
        var run = DemoRuns.ToolAgent(rounds: 3);
        var half = run.Events.Take(run.Events.Count / 2).ToList();
        var partial = new TraceBuilder(TraceLevel.Detailed);
        foreach (var e in half)
        {
            partial.Add(e);
        }

        var start = now - (half[^1].Timestamp - TraceBuilder.Origin);
        return await store.SaveAsync(tenant, partial, TraceStatus.Running, createdAt: start, agentId: "research-agent", userId: "user-1");
    }
}
