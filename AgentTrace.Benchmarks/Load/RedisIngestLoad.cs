using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Recording;
using AgentTrace.Domain.Serialization;
using AgentTrace.Domain.Storage;
using AgentTrace.Domain.Storage.Redis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TraceLevel = AgentTrace.Domain.Model.TraceLevel;

namespace AgentTrace.Benchmarks.Load;

/// <summary>
/// Events per second into Redis: <c>redis-benchmark</c> doing pipelined <c>XADD</c> of the event's JSON (the limit),
/// against <see cref="RedisTraceStore"/> fed by the collector, and fed directly in batches by one and by several
/// writers. The four run in turn for a few rounds, each on an empty server, so that load from elsewhere on the
/// machine falls on all of them; the best round of each counts, and the server's own time per event is shown.
/// </summary>
internal static class RedisIngestLoad
{
    private const int Rounds = 3;
    private const int Events = 100_000;
    private const int XaddRequests = 200_000;
    private const int Batch = 512;
    private const int Traces = 8;

    public static async Task RunAsync(LocalRedisServer server)
    {
        var payload = JsonSerializer.Serialize(Stamped(1), TraceJsonContext.Wire.TraceEvent);
        var size = Encoding.UTF8.GetByteCount(payload);
        using var redis = server.Connect();
        var store = new RedisTraceStore(redis, Options.Create(new StorageOptions { RedisKeyPrefix = "bench", MaxEventsPerTrace = 10_000_000 }), TimeProvider.System);
        await DirectAsync(store, writers: 1, events: 5_000);

        (string Writer, int Events, Func<Task<double>> Run)[] writers =
        [
            ($"redis-benchmark XADD -P {RedisBenchmarkTool.Pipeline} -c {RedisBenchmarkTool.Clients}", XaddRequests, () => RedisBenchmarkTool.XaddPerSecondAsync(server.Port, XaddRequests, payload)),
            ($"TraceCollector → RedisTraceStore, {Traces} traces, batches ≤ {Batch}", Events, () => CollectorAsync(store)),
            ($"RedisTraceStore.AppendAsync, 1 writer, batches of {Batch}", Events, () => DirectAsync(store, writers: 1, Events)),
            ($"RedisTraceStore.AppendAsync, {Traces} writers, batches of {Batch}", Events, () => DirectAsync(store, writers: Traces, Events)),
        ];
        var rates = writers.Select(_ => new List<double>()).ToArray();
        var serverMicros = writers.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            for (var w = 0; w < writers.Length; w++)
            {
                await server.FlushAsync();
                await server.ResetStatsAsync();
                rates[w].Add(await writers[w].Run());
                serverMicros[w].Add((double)await server.CommandMicrosecondsAsync() / writers[w].Events);
            }
        }

        await server.FlushAsync();
        var limit = rates[0].Max();
        Console.WriteLine($"Event JSON: {size} bytes. Limit: {RedisBenchmarkTool.Describe(XaddRequests, size)}");
        Console.WriteLine();
        Console.WriteLine($"| Writer | Events per round | Best events/s of {Rounds} | All rounds | Share of the limit (best) | Redis µs per event |");
        Console.WriteLine("|---|---:|---:|---|---:|---:|");
        for (var w = 0; w < writers.Length; w++)
        {
            Console.WriteLine($"| {writers[w].Writer} | {writers[w].Events:N0} | {rates[w].Max():N0} | {string.Join(" / ", rates[w].Select(r => r.ToString("N0")))} | {rates[w].Max() / limit:P0} | {serverMicros[w].Min():F1} |");
        }
    }

    /// <summary>The product's path: events recorded into a queue, one collector appending them in batches.</summary>
    private static async Task<double> CollectorAsync(RedisTraceStore store)
    {
        var sanitizer = new EventSanitizer(new Redactor(Options.Create(new RedactionOptions())));
        using var collector = new TraceCollector(store, sanitizer, Options.Create(new RecorderOptions { MaxBatchSize = Batch }), NullLogger<TraceCollector>.Instance);
        await collector.StartAsync(CancellationToken.None);
        var recorder = new TraceRecorder(collector, TimeProvider.System);
        var traces = new ActiveTrace[Traces];
        for (var t = 0; t < Traces; t++)
        {
            traces[t] = await recorder.StartAsync(SampleEvents.Session(TraceLevel.Detailed));
        }

        var e = SampleEvents.LlmCall(DateTimeOffset.UtcNow);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < Events; i++)
        {
            await traces[i % Traces].RecordAsync(e);
        }

        await Task.WhenAll(traces.Select(t => t.FlushAsync()));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await collector.StopAsync(CancellationToken.None);
        return Events / seconds;
    }

    /// <summary>Appends straight to the store: each writer its own trace, one batch in flight per trace (as seq requires).</summary>
    private static async Task<double> DirectAsync(RedisTraceStore store, int writers, int events)
    {
        var sessions = Enumerable.Range(0, writers).Select(_ => SampleEvents.Session(TraceLevel.Detailed)).ToArray();
        await Task.WhenAll(sessions.Select(s => store.CreateAsync(s)));
        var perWriter = events / writers;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(sessions.Select(s => Task.Run(() => WriteAsync(store, s, perWriter))));
        return perWriter * writers / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task WriteAsync(RedisTraceStore store, TraceSession session, int events)
    {
        for (var first = 1; first <= events; first += Batch)
        {
            var batch = Enumerable.Range(first, Math.Min(Batch, events - first + 1)).Select(seq => Stamped(seq)).ToList();
            var result = await store.AppendAsync(session.TenantId, session.TaskId, batch);
            if (result.Outcome != AppendOutcome.Appended || result.Appended != batch.Count)
            {
                throw new InvalidOperationException($"append was {result.Outcome} with {result.Appended} of {batch.Count} stored");
            }
        }
    }

    /// <summary>The sample event as the collector hands it to the store: with its seq and event id.</summary>
    private static TraceEvent Stamped(long seq) => SampleEvents.LlmCall(DateTimeOffset.UtcNow) with { Seq = seq, EventId = "9c1d2e3f4a5b6c7d" };
}
