using System.Text.Json;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Domain.Recording;

/// <summary>What no producer can do to the collector: stop its queue, or store what readers cannot read.</summary>
public sealed class PoisonRecordingTests
{
    private const string Replacement = "\uFFFD";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Record_BatchTheStoreRefuses_FailsAloneSaysSoInTheTraceAndTheQueueGoesOn()
    {
        var store = new FlakyStore(failures: 0, cannotHold: e => e.ComponentId == "poison");
        await using var harness = new RecordingHarness(store);
        var poisoned = await harness.Recorder.StartAsync(Events.Session(), Ct);
        var healthy = await harness.Recorder.StartAsync(Events.Session(), Ct);

        await poisoned.RecordAsync(new TraceEvent { EventType = TraceEventType.NodeStarted, ComponentId = "poison" }, Ct);
        await poisoned.FlushAsync(Ct);
        await healthy.RecordAsync(new TraceEvent { EventType = TraceEventType.NodeStarted, ComponentId = "fine" }, Ct);
        await healthy.FlushAsync(Ct);
        await poisoned.RecordAsync(new TraceEvent { EventType = TraceEventType.NodeFinished, ComponentId = "after" }, Ct);
        await poisoned.FlushAsync(Ct);

        Assert.Equal(1, store.Refused);
        var lost = (await store.GetEventsAsync("t1", poisoned.TaskId, new EventQuery(), Ct))!.Events;
        Assert.Equal([(1L, TraceEventType.ErrorOccurred), (2L, TraceEventType.NodeFinished)], lost.Select(e => (e.Seq, e.EventType)));
        Assert.StartsWith("1 event(s) from seq 1 could not be stored", lost[0].Error);
        Assert.Equal(1, (await store.GetAsync("t1", poisoned.TaskId, Ct))!.Summary.ErrorsCount);
        Assert.Equal(["fine"], (await store.GetEventsAsync("t1", healthy.TaskId, new EventQuery(), Ct))!.Events.Select(e => e.ComponentId));
    }

    [Fact]
    public async Task Record_InvalidTextFromTheRuntime_IsRepairedAndListed()
    {
        await using var harness = new RecordingHarness();
        var trace = await harness.Recorder.StartAsync(Events.Session(level: TraceLevel.Debug) with { Tags = ["ok", "bad\uD800"] }, Ct);
        using var arguments = JsonDocument.Parse("""{"q\udc00":"\ud800","fine":"\ud83d\ude00"}""");

        await trace.RecordAsync(new TraceEvent
        {
            EventType = TraceEventType.ToolCallCompleted,
            ComponentName = "search\uDC00",
            Error = "e\uD800",
            Tool = new ToolPayload { ToolName = "t\uD800", Arguments = arguments.RootElement.Clone() },
        }, Ct);
        await trace.CompleteAsync(new TraceCompletion { Status = TraceStatus.Failed, CompletedAt = DateTimeOffset.UtcNow, Error = "x\uDFFF" }, Ct);

        var stored = (await harness.Store.GetEventsAsync("t1", trace.TaskId, new EventQuery(), Ct))!.Events.Single();
        Assert.Equal($"search{Replacement}", stored.ComponentName);
        Assert.Equal($"e{Replacement}", stored.Error);
        Assert.Equal($"t{Replacement}", stored.Tool!.ToolName);
        Assert.Equal(Replacement, stored.Tool.Arguments!.Value.GetProperty($"q{Replacement}").GetString());
        Assert.Equal("\U0001F600", stored.Tool.Arguments.Value.GetProperty("fine").GetString());
        Assert.Equal(["component_name", "error", $"tool.arguments.q{Replacement}", "tool.tool_name"], stored.Truncated!.Distinct().Order(StringComparer.Ordinal));
        var session = (await harness.Store.GetAsync("t1", trace.TaskId, Ct))!;
        Assert.Equal(["ok", $"bad{Replacement}"], session.Tags);
        Assert.Equal($"x{Replacement}", session.Error);
        JsonSerializer.Serialize(stored, AgentTrace.Domain.Serialization.TraceJsonContext.Wire.TraceEvent);
    }

    [Fact]
    public async Task Record_NumbersThatAreNotFinite_AreLeftOutAndListed()
    {
        await using var harness = new RecordingHarness();
        var trace = await harness.Recorder.StartAsync(Events.Session(), Ct);

        await trace.RecordAsync(new TraceEvent
        {
            EventType = TraceEventType.RetrievalCompleted,
            ElapsedTime = double.PositiveInfinity,
            Retrieval = new RetrievalPayload
            {
                LatencyMs = double.NaN,
                SimilarityThreshold = double.NegativeInfinity,
                Chunks = [new RetrievedChunk { Content = "c", Score = double.NaN }, new RetrievedChunk { Content = "d", Score = 0.5 }],
            },
        }, Ct);
        await trace.FlushAsync(Ct);

        var stored = (await harness.Store.GetEventsAsync("t1", trace.TaskId, new EventQuery(), Ct))!.Events.Single();
        Assert.Null(stored.ElapsedTime);
        Assert.Null(stored.Retrieval!.LatencyMs);
        Assert.Null(stored.Retrieval.SimilarityThreshold);
        Assert.Equal([null, 0.5], stored.Retrieval.Chunks!.Select(c => c.Score));
        Assert.Equal(
            ["elapsed_time", "retrieval.chunks[0].score", "retrieval.latency_ms", "retrieval.similarity_threshold"],
            stored.Truncated!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Record_TokenCountsNearTheLimit_SaturateInsteadOfOverflowing()
    {
        await using var harness = new RecordingHarness();
        var trace = await harness.Recorder.StartAsync(Events.Session(), Ct);

        for (var i = 0; i < 3; i++)
        {
            await trace.RecordAsync(new TraceEvent { EventType = TraceEventType.LlmCallCompleted, Llm = new LlmPayload { PromptTokens = long.MaxValue - 1, CompletionTokens = long.MaxValue } }, Ct);
        }

        await trace.FlushAsync(Ct);

        var summary = (await harness.Store.GetAsync("t1", trace.TaskId, Ct))!.Summary;
        Assert.Equal((Counts.Max, Counts.Max, Counts.Max), (summary.PromptTokens, summary.CompletionTokens, summary.TotalTokens));
        Assert.Equal(3, summary.TotalLlmCalls);
    }
}
