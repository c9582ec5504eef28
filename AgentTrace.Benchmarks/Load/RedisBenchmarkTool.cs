using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentTrace.Benchmarks.Load;

/// <summary>
/// Runs the <c>redis-benchmark</c> binary: pipelined <c>XADD</c> of a given payload into one stream, the most
/// a client on this machine can push into this server. Returns its requests per second.
/// </summary>
internal static partial class RedisBenchmarkTool
{
    public const int Pipeline = 16;
    public const int Clients = 50;

    /// <summary>The command line, for the report; the payload is shown by its size.</summary>
    public static string Describe(int requests, int payloadBytes) =>
        $"redis-benchmark -p PORT -q -c {Clients} -P {Pipeline} -n {requests} XADD bench:xadd '*' t llm_call_completed c llm_0 d <{payloadBytes}-byte event JSON>";

    public static async Task<double> XaddPerSecondAsync(int port, int requests, string payload)
    {
        var info = new ProcessStartInfo(LocalRedisServer.OnPath("redis-benchmark"),
            ["-p", $"{port}", "-q", "-c", $"{Clients}", "-P", $"{Pipeline}", "-n", $"{requests}",
             "XADD", "bench:xadd", "*", "t", "llm_call_completed", "c", "llm_0", "d", payload])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("redis-benchmark did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        var text = await output;
        var matches = RequestsPerSecond().Matches(text);
        return matches.Count > 0
            ? double.Parse(matches[^1].Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"redis-benchmark printed no rate (exit {process.ExitCode}): {text} {await errors}");
    }

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?) requests per second")]
    private static partial Regex RequestsPerSecond();
}
