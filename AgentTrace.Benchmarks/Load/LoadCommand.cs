namespace AgentTrace.Benchmarks.Load;

/// <summary>
/// <c>load redis-ingest|redis-list|live-latency|all</c>: runs against a <c>redis-server</c> started for the run on
/// a free loopback port and stopped at its end. Prints Markdown tables.
/// </summary>
internal static class LoadCommand
{
    private static readonly Dictionary<string, Func<LocalRedisServer, Task>> s_loads = new(StringComparer.Ordinal)
    {
        ["redis-ingest"] = RedisIngestLoad.RunAsync,
        ["redis-list"] = RedisListLoad.RunAsync,
        ["live-latency"] = LiveLatencyLoad.RunAsync,
    };

    public static async Task<int> RunAsync(string[] names)
    {
        var chosen = names is ["all"] ? [.. s_loads.Keys] : names;
        if (chosen.Length == 0 || chosen.Any(n => !s_loads.ContainsKey(n)))
        {
            Console.Error.WriteLine($"usage: load {string.Join('|', s_loads.Keys)}|all");
            return 2;
        }

        await using var server = await LocalRedisServer.StartAsync();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()} at start; redis-server on 127.0.0.1:{server.Port}");
        foreach (var name in chosen)
        {
            Console.WriteLine();
            Console.WriteLine($"### {name}");
            Console.WriteLine();
            await s_loads[name](server);
            await server.FlushAsync();
        }

        return 0;
    }
}
