using System.Diagnostics;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Recording;
using AgentTrace.Domain.Storage;
using AgentTrace.Domain.Storage.InMemory;
using BenchmarkDotNet.Attributes;
using TraceLevel = AgentTrace.Domain.Model.TraceLevel;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgentTrace.Benchmarks;

/// <summary>
/// The cost of recording one event end to end — queue, level policy, truncation, redaction, seq, store append and
/// summary — at each level, with no reader and with one live reader, against the cost a .NET developer already pays
/// for OpenTelemetry: starting and stopping an <see cref="Activity"/> from a source that has a listener.
/// Each invocation records a batch into a new trace and waits until the store has all of it.
/// </summary>
[MemoryDiagnoser]
public class RecordingBenchmarks
{
    private const int EventsPerInvocation = 1000;

    private readonly ActivitySource _source = new("AgentTrace.Benchmarks");
    private ActivityListener? _listener;
    private InMemoryTraceStore _store = null!;
    private TraceCollector _collector = null!;
    private TraceRecorder _recorder = null!;
    private TraceEvent _event = null!;
    private ActiveTrace? _producerTrace;

    [Params(TraceLevel.Minimal, TraceLevel.Standard, TraceLevel.Detailed, TraceLevel.Debug)]
    public TraceLevel Level { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == _source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ => { },
        };
        ActivitySource.AddActivityListener(_listener);
        _store = new InMemoryTraceStore(Options.Create(new InMemoryStoreOptions { MaxTraces = 200 }));
        var sanitizer = new EventSanitizer(new Redactor(Options.Create(new RedactionOptions())));
        _collector = new TraceCollector(_store, sanitizer, Options.Create(new RecorderOptions()), NullLogger<TraceCollector>.Instance);
        _collector.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _recorder = new TraceRecorder(_collector, TimeProvider.System);
        _event = SampleEvents.LlmCall(DateTimeOffset.UtcNow);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _collector.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _collector.Dispose();
        _listener?.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EventsPerInvocation, Description = "Activity start+stop (OpenTelemetry baseline)")]
    public void ActivityStartStop()
    {
        for (var i = 0; i < EventsPerInvocation; i++)
        {
            using var activity = _source.StartActivity("llm_call");
            activity?.SetTag("component_id", "llm_0");
            activity?.SetTag("gen_ai.request.model", "gpt-4o-mini");
            activity?.SetTag("gen_ai.usage.input_tokens", 265);
        }
    }

    [IterationSetup(Target = nameof(RecordProducerSide))]
    public void StartProducerTrace() => _producerTrace = _recorder.StartAsync(SampleEvents.Session(Level)).GetAwaiter().GetResult();

    [IterationCleanup(Target = nameof(RecordProducerSide))]
    public void FlushProducerTrace() => _producerTrace!.FlushAsync().GetAwaiter().GetResult();

    /// <summary>What the agent's own thread pays: the collector stores the events meanwhile, flushed after timing.</summary>
    [Benchmark(OperationsPerInvoke = EventsPerInvocation, Description = "Record event, producer side")]
    public async Task RecordProducerSide()
    {
        for (var i = 0; i < EventsPerInvocation; i++)
        {
            await _producerTrace!.RecordAsync(_event);
        }
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvocation, Description = "Record event end to end, no reader")]
    public async Task RecordNoReader()
    {
        var trace = await _recorder.StartAsync(SampleEvents.Session(Level));
        for (var i = 0; i < EventsPerInvocation; i++)
        {
            await trace.RecordAsync(_event);
        }

        await trace.FlushAsync();
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvocation, Description = "Record event end to end, one live reader")]
    public async Task RecordOneReader()
    {
        var trace = await _recorder.StartAsync(SampleEvents.Session(Level));
        var reader = Task.Run(() => CountAsync(_store.WatchAsync(trace.TenantId, trace.TaskId, 0)));
        for (var i = 0; i < EventsPerInvocation; i++)
        {
            await trace.RecordAsync(_event);
        }

        await trace.CompleteAsync(new TraceCompletion { Status = TraceStatus.Completed, CompletedAt = DateTimeOffset.UtcNow });
        if (await reader != EventsPerInvocation)
        {
            throw new InvalidOperationException("the reader missed events");
        }
    }

    private static async Task<int> CountAsync(IAsyncEnumerable<TraceEvent> events)
    {
        var count = 0;
        await foreach (var _ in events)
        {
            count++;
        }

        return count;
    }
}
