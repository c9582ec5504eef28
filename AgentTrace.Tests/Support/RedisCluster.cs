using System.Diagnostics;

namespace AgentTrace.Tests.Support;

/// <summary>
/// A real Redis Cluster of a test's own: three masters without replicas, each a <see cref="RedisProcess"/> on free
/// loopback ports (client and cluster bus) with its cluster config file in its own folder, joined by
/// <c>redis-cli --cluster create</c>. Started, it is ready: every node reports <c>cluster_state:ok</c>.
/// </summary>
public sealed class RedisCluster : IAsyncDisposable
{
    public const int Masters = 3;

    /// <summary>How long forming the cluster may take before the test fails (it takes about a second).</summary>
    private static readonly TimeSpan s_formWait = TimeSpan.FromSeconds(60);

    private readonly RedisProcess[] _nodes = [.. Enumerable.Range(0, Masters).Select(_ => new RedisProcess(Arguments))];

    private RedisCluster()
    {
    }

    /// <summary>The nodes' addresses, then the test options: StackExchange.Redis discovers the cluster from them.</summary>
    public string ConnectionString => string.Join(",", _nodes.Select(n => n.Endpoint).Append(RedisProcess.ConnectionOptions));

    public static async Task<RedisCluster> StartNewAsync()
    {
        var cluster = new RedisCluster();
        try
        {
            await Task.WhenAll(cluster._nodes.Select(n => n.StartAsync()));
            await cluster.CreateAsync();
            await cluster.WaitUntilOkAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    private static string Arguments(RedisProcess node)
    {
        var bus = RedisProcess.FreePort();
        while (bus == node.Port)
        {
            bus = RedisProcess.FreePort();
        }

        return $"--appendonly no --cluster-enabled yes --cluster-config-file {node.Folder}/nodes-{node.Port}.conf --cluster-port {bus} --cluster-node-timeout 2000";
    }

    /// <summary>Assigns the slots over the three nodes and joins them.</summary>
    private async Task CreateAsync()
    {
        var start = new ProcessStartInfo(RedisProcess.Binary("redis-cli"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["--cluster", "create", .. _nodes.Select(n => n.Endpoint), "--cluster-replicas", "0", "--cluster-yes"])
        {
            start.ArgumentList.Add(argument);
        }

        using var cli = Process.Start(start) ?? throw new InvalidOperationException("redis-cli did not start");
        var output = cli.StandardOutput.ReadToEndAsync();
        var errors = cli.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_formWait);
        var outcome = "";
        try
        {
            await cli.WaitForExitAsync(timeout.Token);
            outcome = $"exit code {cli.ExitCode}";
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            cli.Kill();
            await cli.WaitForExitAsync();
            outcome = $"no end within {s_formWait.TotalSeconds} s";
        }

        if (timeout.IsCancellationRequested || cli.ExitCode != 0)
        {
            throw new InvalidOperationException($"redis-cli --cluster create failed ({outcome}):\n{await output}\n{await errors}\n{Logs()}");
        }
    }

    /// <summary>Waits until every node sees all three masters and every slot served.</summary>
    private async Task WaitUntilOkAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var infos = await Task.WhenAll(_nodes.Select(n => n.CommandAsync("CLUSTER INFO")));
            if (infos.All(IsOk))
            {
                return;
            }

            if (deadline.Elapsed > s_formWait)
            {
                var states = string.Join("\n", _nodes.Zip(infos, (node, info) => $"node {node.Endpoint}:\n{info ?? "(no answer)"}"));
                throw new InvalidOperationException($"the Redis Cluster did not reach cluster_state:ok within {s_formWait.TotalSeconds} s:\n{states}\n{Logs()}");
            }

            await Task.Delay(50);
        }
    }

    private static bool IsOk(string? info) =>
        info is not null
        && info.Contains("cluster_state:ok", StringComparison.Ordinal)
        && info.Contains($"cluster_known_nodes:{Masters}\r", StringComparison.Ordinal)
        && info.Contains("cluster_slots_ok:16384", StringComparison.Ordinal);

    private string Logs() => string.Join("\n", _nodes.Select(n => $"--- log of node {n.Endpoint} ---\n{n.Log()}"));
}
