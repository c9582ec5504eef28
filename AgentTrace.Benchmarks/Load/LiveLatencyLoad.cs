using System.Diagnostics;
using System.Net.Http.Headers;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Recording;
using AgentTrace.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;
using TraceLevel = AgentTrace.Domain.Model.TraceLevel;

namespace AgentTrace.Benchmarks.Load;

/// <summary>
/// Two AgentTrace servers on one Redis. Instance A records a trace at a steady rate through its recorder (queue,
/// collector, <c>RedisTraceStore</c>); an SSE client of instance B's stream route notes when each event arrives.
/// Reports the time from the record call on A to receipt on B.
/// </summary>
internal static class LiveLatencyLoad
{
    private const string Tenant = "bench";
    private const string ReaderKey = "bench-reader-key-0123456789";
    private const int EventsPerSecond = 1000;
    private const int Seconds = 10;
    private const int Events = EventsPerSecond * Seconds;
    private const int WarmupSeconds = 2;

    public static async Task RunAsync(LocalRedisServer server)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AgentTrace:Storage:Redis"] = server.ConnectionString,
            ["AgentTrace:Storage:RedisKeyPrefix"] = "bench",
            ["AgentTrace:Auth:Keys:0:Name"] = "bench-reader",
            ["AgentTrace:Auth:Keys:0:Key"] = ReaderKey,
            ["AgentTrace:Auth:Keys:0:Tenant"] = Tenant,
            ["AgentTrace:Auth:Keys:0:Role"] = "reader",
        };
        await using var instanceA = await WebInstance.StartAsync(settings);
        await using var instanceB = await WebInstance.StartAsync(settings);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds((WarmupSeconds + Seconds) * 6));
        await MeasureAsync(instanceA, instanceB, WarmupSeconds * EventsPerSecond, deadline.Token);
        var (latencies, sending) = await MeasureAsync(instanceA, instanceB, Events, deadline.Token);

        Console.WriteLine($"After a {WarmupSeconds} s warm-up trace, sent {Events:N0} events in {sending.TotalSeconds:F2} s ({Events / sending.TotalSeconds:N0}/s); received {latencies.Count:N0} on B.");
        Console.WriteLine();
        Console.WriteLine("| Rate | Events | Received | p50 ms | p90 ms | p99 ms | max ms |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| {EventsPerSecond:N0}/s | {Events:N0} | {latencies.Count:N0} | {Timing.Percentile(latencies, 50):F2} | {Timing.Percentile(latencies, 90):F2} | {Timing.Percentile(latencies, 99):F2} | {latencies.Max():F2} |");
    }

    /// <summary>Records one trace of <paramref name="events"/> events on A while B streams it; returns each event's latency in ms and how long sending took.</summary>
    private static async Task<(List<double> Latencies, TimeSpan Sending)> MeasureAsync(WebInstance instanceA, WebInstance instanceB, int events, CancellationToken cancellationToken)
    {
        var trace = await instanceA.Services.GetRequiredService<TraceRecorder>().StartAsync(SampleEvents.Session(TraceLevel.Detailed, Tenant), cancellationToken);
        using var client = new HttpClient { BaseAddress = instanceB.Address, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ReaderKey);
        using var response = await client.GetAsync($"/api/v1/traces/{trace.TaskId}/stream", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        var receiving = SseReceiver.ReadAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken);

        var sent = new long[events];
        var e = SampleEvents.LlmCall(DateTimeOffset.UtcNow);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < events; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / EventsPerSecond) - Stopwatch.GetElapsedTime(started);
            if (due >= TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(due, cancellationToken);
            }

            sent[i] = Stopwatch.GetTimestamp();
            await trace.RecordAsync(e with { Timestamp = DateTimeOffset.UtcNow }, cancellationToken);
        }

        var sending = Stopwatch.GetElapsedTime(started);
        await trace.CompleteAsync(new TraceCompletion { Status = TraceStatus.Completed, CompletedAt = DateTimeOffset.UtcNow }, cancellationToken);
        var received = await receiving;
        return ([.. Enumerable.Range(1, events).Where(seq => received.ContainsKey(seq)).Select(seq => Timing.Milliseconds(sent[seq - 1], received[seq]))], sending);
    }
}
