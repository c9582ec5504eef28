using AgentTrace.Domain.Recording;
using AgentTrace.Domain.Storage;
using AgentTrace.Domain.Storage.InMemory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgentTrace.Tests.Support;

/// <summary>A recorder, its running collector and a store, wired as the app wires them.</summary>
public sealed class RecordingHarness : IAsyncDisposable
{
    public RecordingHarness(ITraceStore? store = null, RecorderOptions? recorderOptions = null, RedactionOptions? redaction = null)
    {
        Store = store ?? new InMemoryTraceStore(Options.Create(new InMemoryStoreOptions()));
        var sanitizer = new EventSanitizer(new Redactor(Options.Create(redaction ?? new RedactionOptions())));
        Collector = new TraceCollector(Store, sanitizer, Options.Create(recorderOptions ?? new RecorderOptions()), NullLogger<TraceCollector>.Instance);
        Recorder = new TraceRecorder(Collector, TimeProvider.System);
        Collector.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public ITraceStore Store { get; }

    public TraceCollector Collector { get; }

    public TraceRecorder Recorder { get; }

    public async ValueTask DisposeAsync()
    {
        await Collector.StopAsync(CancellationToken.None);
        Collector.Dispose();
    }
}
