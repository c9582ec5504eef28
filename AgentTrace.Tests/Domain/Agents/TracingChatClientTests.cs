using AgentTrace.Domain.Agents.Llm;
using AgentTrace.Domain.Agents.Llm.Offline;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Recording;
using AgentTrace.Domain.Storage;
using AgentTrace.Tests.Support;
using Microsoft.Extensions.AI;

namespace AgentTrace.Tests.Domain.Agents;

/// <summary>The tracing middleware on its own, around any chat client, as another .NET app would use it.</summary>
public sealed class TracingChatClientTests : IAsyncLifetime
{
    private static readonly TokenCounter s_tokens = new();

    private readonly RecordingHarness _harness = new();
    private readonly IChatClient _client = new OfflineChatClient(s_tokens).AsBuilder().UseAgentTrace(s_tokens).Build();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task OutsideATraceScope_OnlyPassesTheCallThrough()
    {
        var response = await _client.GetResponseAsync("Question: what is it?", cancellationToken: Ct);

        Assert.Equal(OfflineChatClient.NoContextAnswer, response.Text);
        Assert.Equal(0, (await _harness.Store.ListAsync("t1", new TraceQuery(), Ct)).Total);
    }

    [Fact]
    public async Task InAScope_RecordsTheCallUnderTheScopesSpan()
    {
        var trace = await _harness.Recorder.StartAsync(Events.Session(level: TraceLevel.Debug), Ct);
        using (TraceContext.Enter(new TraceScope(trace, TimeProvider.System, "parent-span", "writer", "Writer", "LLM")))
        {
            await _client.GetResponseAsync(
                [new(ChatRole.System, "AgentTrace records every step of an agent run."), new(ChatRole.User, "What does AgentTrace record?")],
                new ChatOptions { Temperature = 0.5f, MaxOutputTokens = 64 }, Ct);
        }

        var events = await EventsAsync(trace);

        Assert.Equal([TraceEventType.LlmCallStarted, TraceEventType.LlmCallCompleted], events.Select(e => e.EventType));
        Assert.All(events, e =>
        {
            Assert.Equal("parent-span", e.ParentSpanId);
            Assert.Equal("writer", e.ComponentId);
            Assert.Equal("LLM", e.ComponentType);
            Assert.Equal(0.5, e.Llm!.Temperature);
            Assert.Equal(64, e.Llm.MaxTokens);
            Assert.False(e.Metadata!.Value.GetProperty("stream").GetBoolean());
        });
        Assert.Equal(events[0].SpanId, events[1].SpanId);
        Assert.Equal(["system", "user"], events[0].Llm!.Messages!.Select(m => m.Role));
        var completed = events[1].Llm!;
        Assert.Equal("AgentTrace records every step of an agent run.", completed.Response);
        Assert.Equal(s_tokens.Count(completed.Response), completed.CompletionTokens);
        Assert.Equal("stop", completed.FinishReason);
        Assert.True(completed.LatencyMs >= 0);
    }

    [Fact]
    public async Task Streaming_RecordsTheWholeAnswerOnceItEnds()
    {
        var trace = await _harness.Recorder.StartAsync(Events.Session(), Ct);
        var text = "";
        using (TraceContext.Enter(new TraceScope(trace, TimeProvider.System, null)))
        {
            await foreach (var update in _client.GetStreamingResponseAsync("Context: tokens are counted at every level.\nQuestion: are tokens counted?", cancellationToken: Ct))
            {
                text += update.Text;
            }
        }

        var completed = (await EventsAsync(trace)).Single(e => e.EventType == TraceEventType.LlmCallCompleted);
        Assert.Equal(text, completed.Llm!.Response);
        Assert.True(completed.Metadata!.Value.GetProperty("stream").GetBoolean());
        Assert.Equal(s_tokens.Count(text), completed.Llm.CompletionTokens);
    }

    [Fact]
    public async Task Streaming_LeftEarly_ClosesTheSpanWithAnError()
    {
        var trace = await _harness.Recorder.StartAsync(Events.Session(), Ct);
        using (TraceContext.Enter(new TraceScope(trace, TimeProvider.System, null)))
        {
            await foreach (var _ in _client.GetStreamingResponseAsync("Context: one two three four five six.\nQuestion: one two three?", cancellationToken: Ct))
            {
                break;
            }
        }

        var completed = (await EventsAsync(trace)).Single(e => e.EventType == TraceEventType.LlmCallCompleted);
        Assert.Equal("the LLM call was cancelled", completed.Error);
    }

    private async Task<IReadOnlyList<TraceEvent>> EventsAsync(ActiveTrace trace)
    {
        await trace.FlushAsync(Ct);
        return (await _harness.Store.GetEventsAsync("t1", trace.TaskId, new EventQuery(), Ct))!.Events;
    }
}
