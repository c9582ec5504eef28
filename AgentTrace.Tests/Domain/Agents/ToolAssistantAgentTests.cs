using System.Text.Json;
using AgentTrace.Domain.Model;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Domain.Agents;

public sealed class ToolAssistantAgentTests : IAsyncLifetime
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 25, 16, 30, 0, TimeSpan.Zero);

    private AgentHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await AgentHost.StartAsync(clock: new FixedClock(s_now));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Arithmetic_RoutesToTheAgentWhichCallsTheCalculator()
    {
        var (result, trace, events) = await _host.RunAsync("tool-assistant", "What is 17 * 23?");

        Assert.Equal(TraceStatus.Completed, result.Status);
        Assert.Equal("17 * 23 = 391.", result.Answer);
        Assert.Equal(
        [
            "workflow_started",
            "node_started begin", "node_finished begin",
            "node_started categorize_0", "llm_call_started categorize_0", "llm_call_completed categorize_0", "node_finished categorize_0",
            "node_started agent_0",
            "thinking_started agent_0", "llm_call_started agent_0", "llm_call_completed agent_0", "thinking_completed agent_0",
            "tool_call_started agent_0", "tool_call_completed agent_0",
            "thinking_started agent_0", "llm_call_started agent_0", "llm_call_completed agent_0", "thinking_completed agent_0",
            "node_finished agent_0",
            "node_started message_0", "message_generated message_0", "node_finished message_0",
            "workflow_completed",
        ], TraceAssert.Steps(events));
        TraceAssert.SpansAreNested(events);
        Assert.Equal(3, trace.Summary.TotalLlmCalls);
        Assert.Equal(1, trace.Summary.TotalToolCalls);
    }

    [Fact]
    public async Task Arithmetic_ToolSpanCarriesArgumentsResultAndTheModelsRequest()
    {
        var (_, _, events) = await _host.RunAsync("tool-assistant", "What is 17 * 23?");

        var categorize = events.First(e => e.EventType == TraceEventType.LlmCallCompleted).Llm!;
        Assert.Equal("tools", categorize.Response);
        var node = events.Single(e => e.EventType == TraceEventType.NodeFinished && e.ComponentId == "categorize_0");
        Assert.Equal("tools", node.Outputs!.Value.GetProperty("category").GetString());
        var ask = events.Where(e => e.EventType == TraceEventType.LlmCallCompleted && e.ComponentId == "agent_0").ToList();
        Assert.Equal("tool_calls", ask[0].Llm!.FinishReason);
        Assert.Contains("calculator(", ask[0].Llm!.Response, StringComparison.Ordinal);
        Assert.Equal("stop", ask[1].Llm!.FinishReason);
        var tool = events.Single(e => e.EventType == TraceEventType.ToolCallCompleted).Tool!;
        Assert.Equal("calculator", tool.ToolName);
        Assert.Equal("builtin", tool.ToolType);
        Assert.Equal("call_1", tool.CallId);
        Assert.Equal("""{"expression":"17 * 23"}""", tool.Arguments!.Value.GetRawText());
        Assert.Equal(391, tool.Result!.Value.GetProperty("result").GetDouble());
        Assert.True(tool.LatencyMs >= 0);
        var second = events.Last(e => e.EventType == TraceEventType.LlmCallStarted).Llm!.Messages!;
        Assert.Equal(["system", "user", "assistant", "tool"], second.Select(m => m.Role));
        Assert.Contains("391", second[3].Content, StringComparison.Ordinal);
        var thoughts = events.Where(e => e.EventType == TraceEventType.ThinkingCompleted).Select(e => e.Thoughts);
        Assert.Equal(["Round 1: calling calculator", "Round 2: answering"], thoughts);
    }

    [Fact]
    public async Task TimeQuestion_CallsCurrentTime()
    {
        var (result, _, events) = await _host.RunAsync("tool-assistant", "What time is it now?");

        var tool = events.Single(e => e.EventType == TraceEventType.ToolCallCompleted).Tool!;
        Assert.Equal("current_time", tool.ToolName);
        Assert.Equal("2026-11-25T16:30:00Z", tool.Result!.Value.GetProperty("utc").GetString());
        Assert.Equal("The current time is 2026-11-25T16:30:00Z (UTC).", result.Answer);
    }

    [Fact]
    public async Task Greeting_RoutesToTheLlmOnly()
    {
        var (result, _, events) = await _host.RunAsync("tool-assistant", "Hello, who are you?");

        Assert.Equal(TraceStatus.Completed, result.Status);
        Assert.DoesNotContain(events, e => e.ComponentId == "agent_0");
        Assert.Contains(events, e => e.EventType == TraceEventType.NodeFinished && e.ComponentId == "llm_0");
        Assert.Equal(
            JsonSerializer.Serialize("chat"),
            events.Single(e => e.EventType == TraceEventType.NodeFinished && e.ComponentId == "categorize_0").Outputs!.Value.GetProperty("category").GetRawText());
    }

    [Fact]
    public async Task StandardLevel_LeavesThinkingOut()
    {
        var (_, _, events) = await _host.RunAsync("tool-assistant", "What is 2 + 2?", TraceLevel.Standard);

        Assert.DoesNotContain(events, e => e.EventType is TraceEventType.ThinkingStarted or TraceEventType.ThinkingCompleted);
        Assert.Contains(events, e => e.EventType == TraceEventType.ToolCallCompleted);
    }

    [Fact]
    public async Task NotStreamed_RecordsTheSameSteps()
    {
        var streamed = await _host.RunAsync("tool-assistant", "What is 6 * 7?");
        var whole = await _host.RunAsync("tool-assistant", "What is 6 * 7?", streamLlm: false);

        Assert.Equal(TraceAssert.Steps(streamed.Events), TraceAssert.Steps(whole.Events));
        Assert.Equal(streamed.Result.Answer, whole.Result.Answer);
        Assert.Equal(streamed.Trace.Summary.TotalTokens, whole.Trace.Summary.TotalTokens);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
