using System.Diagnostics;
using System.Globalization;

namespace AgentTrace.Benchmarks.Load;

/// <summary>Reads a Server-Sent Events stream to its end and notes when each frame with an <c>id:</c> (a seq) arrived.</summary>
internal static class SseReceiver
{
    /// <summary>Receipt timestamps (<see cref="Stopwatch"/> ticks) by seq.</summary>
    public static async Task<Dictionary<long, long>> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        var received = new Dictionary<long, long>();
        using var reader = new StreamReader(body);
        long? id = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = long.Parse(line.AsSpan(4), CultureInfo.InvariantCulture);
            }
            else if (line.Length == 0 && id is { } seq)
            {
                received[seq] = Stopwatch.GetTimestamp();
                id = null;
            }
        }

        return received;
    }
}
