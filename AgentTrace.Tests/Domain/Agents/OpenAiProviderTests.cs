using AgentTrace.Domain.Agents.Llm;
using AgentTrace.Domain.Model;
using AgentTrace.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrace.Tests.Domain.Agents;

/// <summary>The OpenAI-compatible provider against a Chat Completions server on loopback, streamed and not.</summary>
public sealed class OpenAiProviderTests : FakeLlmAgentTests
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["AgentTrace:Llm:ApiKey"] = "sk-test-0123456789abcdef",
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DocQa_RecordsTheProvidersUsageModelAndAnswer(bool stream)
    {
        Llm.Enqueue(new FakeReply { Text = "Detailed and debug record thinking events.", PromptTokens = 321, CompletionTokens = 9 });

        var (result, trace, events) = await Host.RunAsync("doc-qa", "Which levels record thinking events?", streamLlm: stream);

        Assert.Equal(TraceStatus.Completed, result.Status);
        Assert.Equal("Detailed and debug record thinking events.", result.Answer);
        var llm = events.Single(e => e.EventType == TraceEventType.LlmCallCompleted);
        Assert.Equal("fake-model", llm.Llm!.ModelName);
        Assert.Equal(321, llm.Llm.PromptTokens);
        Assert.Equal(9, llm.Llm.CompletionTokens);
        Assert.Equal(330, llm.Llm.TotalTokens);
        Assert.Equal("stop", llm.Llm.FinishReason);
        Assert.Equal(stream, llm.Metadata!.Value.GetProperty("stream").GetBoolean());
        Assert.Equal(330, trace.Summary.TotalTokens);
        var request = Assert.Single(Llm.ChatRequests);
        Assert.Equal("fake-model", request.GetProperty("model").GetString());
        Assert.Equal(stream, request.TryGetProperty("stream", out var flag) && flag.GetBoolean());
        Assert.Equal(0.1, request.GetProperty("temperature").GetDouble(), 3);
        var messages = request.GetProperty("messages");
        Assert.Equal("system", messages[0].GetProperty("role").GetString());
        Assert.Contains("Question: Which levels record thinking events?", messages[1].GetProperty("content").ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ToolAssistant_FollowsTheModelsToolCalls(bool stream)
    {
        Llm.Enqueue(
            FakeReply.Say("tools"),
            FakeReply.Call("calculator", """{"expression":"(2 + 3) * 4"}"""),
            FakeReply.Say("It is 20."));

        var (result, _, events) = await Host.RunAsync("tool-assistant", "What is (2 + 3) * 4?", streamLlm: stream);

        Assert.Equal("It is 20.", result.Answer);
        var tool = events.Single(e => e.EventType == TraceEventType.ToolCallCompleted).Tool!;
        Assert.Equal("call_fake_1", tool.CallId);
        Assert.Equal("""{"expression":"(2 + 3) * 4"}""", tool.Arguments!.Value.GetRawText());
        Assert.Equal(20, tool.Result!.Value.GetProperty("result").GetDouble());
        var last = Llm.ChatRequests.Last().GetProperty("messages").EnumerateArray().Last();
        Assert.Equal("tool", last.GetProperty("role").GetString());
        Assert.Equal("call_fake_1", last.GetProperty("tool_call_id").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task NoUsage_TokensAreCountedWithTheTokenizer(bool stream)
    {
        Llm.Enqueue(new FakeReply { Text = "Detailed and debug record thinking events.", OmitUsage = true });

        var (_, trace, events) = await Host.RunAsync("doc-qa", "Which levels record thinking events?", streamLlm: stream);

        var tokens = Host.Services.GetRequiredService<TokenCounter>();
        var messages = events.Single(e => e.EventType == TraceEventType.LlmCallStarted).Llm!.Messages!
            .Select(m => new ChatMessage(new ChatRole(m.Role), m.Content));
        var llm = events.Single(e => e.EventType == TraceEventType.LlmCallCompleted).Llm!;
        Assert.Equal(tokens.Count(messages), llm.PromptTokens!.Value);
        Assert.Equal(tokens.Count("Detailed and debug record thinking events."), llm.CompletionTokens!.Value);
        Assert.Equal(llm.PromptTokens + llm.CompletionTokens, trace.Summary.TotalTokens);
    }

    [Fact]
    public async Task ApiKey_IsSentButNeverRecorded()
    {
        Llm.Enqueue(FakeReply.Say("fine"));

        var (_, _, events) = await Host.RunAsync("doc-qa", "How are secrets redacted?");

        Assert.DoesNotContain(events, e => System.Text.Json.JsonSerializer.Serialize(e, AgentTrace.Domain.Serialization.TraceJsonContext.Default.TraceEvent).Contains("sk-test", StringComparison.Ordinal));
    }
}
