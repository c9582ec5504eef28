using AgentTrace.Domain.Agents.Llm;
using AgentTrace.Domain.Agents.Llm.Offline;
using AgentTrace.Domain.Model;
using AgentTrace.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrace.Tests.Domain.Agents;

public sealed class DocQaAgentTests : IAsyncLifetime
{
    private AgentHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await AgentHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Run_RecordsEveryStepInOrder()
    {
        var (result, trace, events) = await _host.RunAsync("doc-qa", "Which levels record thinking events?");

        Assert.Equal(TraceStatus.Completed, result.Status);
        Assert.Equal(TraceStatus.Completed, trace.Status);
        Assert.Equal(
        [
            "workflow_started",
            "node_started begin", "node_finished begin",
            "node_started retrieval_0", "retrieval_started retrieval_0", "retrieval_completed retrieval_0", "node_finished retrieval_0",
            "node_started llm_0", "llm_call_started llm_0", "llm_call_completed llm_0", "node_finished llm_0",
            "node_started message_0", "message_generated message_0", "node_finished message_0",
            "workflow_completed",
        ], TraceAssert.Steps(events));
        TraceAssert.SpansAreNested(events);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
    }

    [Fact]
    public async Task Run_RetrievalCarriesChunksWithDocumentsAndScores()
    {
        var (_, trace, events) = await _host.RunAsync("doc-qa", "Which levels record thinking events?");

        var retrieval = events.Single(e => e.EventType == TraceEventType.RetrievalCompleted).Retrieval!;
        Assert.Equal("Which levels record thinking events?", retrieval.Query);
        Assert.Equal(["agenttrace-docs"], retrieval.KnowledgeBases);
        Assert.Equal(3, retrieval.TopK);
        Assert.Equal(0.2, retrieval.SimilarityThreshold);
        Assert.Equal(retrieval.Chunks!.Count, retrieval.ChunksRetrieved);
        var best = retrieval.Chunks![0];
        Assert.Equal("trace-levels.md", best.DocumentName);
        Assert.Equal("agenttrace-docs/trace-levels.md", best.DocumentId);
        Assert.Equal(1.0, best.Score);
        Assert.Contains("thinking events are recorded", best.Content, StringComparison.Ordinal);
        Assert.All(retrieval.Chunks, c => Assert.InRange(c.Score!.Value, 0.2, 1.0));
        Assert.Equal(retrieval.Chunks.Select(c => c.Score).OrderDescending(), retrieval.Chunks.Select(c => c.Score));
        Assert.Equal(retrieval.ChunksRetrieved!.Value, trace.Summary.TotalChunksRetrieved);
    }

    [Fact]
    public async Task Run_LlmCallCarriesPromptAnswerAndCountedTokens()
    {
        var (result, trace, events) = await _host.RunAsync("doc-qa", "Which levels record thinking events?");

        var started = events.Single(e => e.EventType == TraceEventType.LlmCallStarted).Llm!;
        var completed = events.Single(e => e.EventType == TraceEventType.LlmCallCompleted).Llm!;
        Assert.Equal(["system", "user"], started.Messages!.Select(m => m.Role));
        Assert.Contains("[1] trace-levels.md", started.Messages![1].Content, StringComparison.Ordinal);
        Assert.EndsWith("Question: Which levels record thinking events?", started.Messages[1].Content, StringComparison.Ordinal);
        Assert.Equal(OfflineChatClient.ModelName, completed.ModelName);
        Assert.Equal(0.1, completed.Temperature!.Value, 3);
        Assert.Equal(512, completed.MaxTokens!.Value);
        Assert.Equal("stop", completed.FinishReason);
        Assert.Contains("thinking events are recorded as well", completed.Response, StringComparison.Ordinal);
        var tokens = _host.Services.GetRequiredService<TokenCounter>();
        Assert.Equal(tokens.Count(completed.Response), completed.CompletionTokens!.Value);
        Assert.Equal(completed.PromptTokens + completed.CompletionTokens, completed.TotalTokens);
        Assert.True(completed.PromptTokens > 100);
        Assert.Equal(completed.TotalTokens, trace.Summary.TotalTokens);
        Assert.Equal(completed.Response, result.Answer);
    }

    [Fact]
    public async Task Run_MessageIsTheAnswerAndTheTraceOutput()
    {
        var (result, trace, events) = await _host.RunAsync("doc-qa", "How are secrets redacted?");

        var message = events.Single(e => e.EventType == TraceEventType.MessageGenerated);
        Assert.Equal(result.Answer, message.Outputs!.Value.GetProperty("content").GetString());
        Assert.Contains("[REDACTED]", result.Answer, StringComparison.Ordinal);
        Assert.Equal(result.Answer, trace.Outputs!.Value.GetProperty("content").GetString());
        Assert.Equal(4, trace.Summary.NodesExecuted);
        Assert.Equal(0, trace.Summary.ErrorsCount);
    }

    [Fact]
    public async Task Run_SameSession_GivesTheHistoryToTheLlm()
    {
        var (first, _, _) = await _host.RunAsync("doc-qa", "How are secrets redacted?", sessionId: "conv-1");
        var (_, trace, events) = await _host.RunAsync("doc-qa", "Which levels record thinking events?", sessionId: "conv-1");

        var messages = events.Single(e => e.EventType == TraceEventType.LlmCallStarted).Llm!.Messages!;
        Assert.Equal(["system", "user", "assistant", "user"], messages.Select(m => m.Role));
        Assert.Equal("How are secrets redacted?", messages[1].Content);
        Assert.Equal(first.Answer, messages[2].Content);
        Assert.Equal("conv-1", trace.SessionId);
    }

    [Fact]
    public async Task Run_StandardLevel_KeepsTopChunksCutAndNoThinking()
    {
        var (_, _, events) = await _host.RunAsync("doc-qa", "Which levels record thinking events?", TraceLevel.Standard);

        var chunks = events.Single(e => e.EventType == TraceEventType.RetrievalCompleted).Retrieval!.Chunks!;
        Assert.All(chunks, c => Assert.True(c.Content!.Length <= 201, $"chunk of {c.Content.Length} characters"));
    }
}
