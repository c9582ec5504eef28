using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Domain.Storage.InMemory;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;

namespace AgentTrace.Benchmarks;

/// <summary>Append throughput of the embedded store, and listing among many traces.</summary>
[MemoryDiagnoser]
public class InMemoryStoreBenchmarks
{
    private const int BatchSize = 512;

    private InMemoryTraceStore _store = null!;
    private TraceEvent[] _batch = [];
    private TraceSession _appendTarget = null!;
    private long _nextSeq;

    [Params(100_000)]
    public int Traces { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _store = new InMemoryTraceStore(Options.Create(new InMemoryStoreOptions { MaxTraces = Traces + 10, MaxMegabytes = 16_384 }), storage: Options.Create(new StorageOptions { MaxEventsPerTrace = 100_000_000 }));
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        for (var i = 0; i < Traces; i++)
        {
            _store.CreateAsync(SampleEvents.Session(TraceLevel.Standard) with { AgentId = $"agent-{i % 10}", CreatedAt = start.AddSeconds(i) }).GetAwaiter().GetResult();
        }

        _appendTarget = SampleEvents.Session(TraceLevel.Standard);
        _store.CreateAsync(_appendTarget).GetAwaiter().GetResult();
        _batch = [.. Enumerable.Range(0, BatchSize).Select(_ => SampleEvents.LlmCall(DateTimeOffset.UtcNow))];
    }

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "Append one event (batches of 512)")]
    public async Task Append()
    {
        var first = _nextSeq + 1;
        var events = new TraceEvent[BatchSize];
        for (var i = 0; i < BatchSize; i++)
        {
            events[i] = _batch[i] with { Seq = first + i };
        }

        _nextSeq += BatchSize;
        await _store.AppendAsync(_appendTarget.TenantId, _appendTarget.TaskId, events);
    }

    [Benchmark(Description = "List newest page (20)")]
    public Task<TracePage> ListNewest() => _store.ListAsync("bench", new TraceQuery { PageSize = 20 });

    [Benchmark(Description = "List newest page filtered by agent (20)")]
    public Task<TracePage> ListFiltered() => _store.ListAsync("bench", new TraceQuery { AgentId = "agent-3", PageSize = 20 });
}
