using AgentTrace.Domain.Model;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Domain.Agents;

/// <summary>Cancellation, parallel branches and loops.</summary>
public sealed class RunControlTests : FakeLlmAgentTests
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["AgentTrace:Agents:MaxComponentRuns"] = "3",
    };

    [Fact]
    public async Task Cancel_MidLlmCall_EndsTheTraceCancelledWithEverySpanClosed()
    {
        Llm.Enqueue(new FakeReply { Text = "too late", Delay = TimeSpan.FromSeconds(30) });
        var run = await Host.StartAsync("doc-qa", "Which levels record thinking events?");
        await foreach (var e in Host.Store.WatchAsync(AgentHost.Tenant, run.TaskId, 0, TestContext.Current.CancellationToken))
        {
            if (e.EventType == TraceEventType.LlmCallStarted)
            {
                break;
            }
        }

        run.Cancel();
        var result = await run.Completion.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var (trace, events) = await Host.ReadAsync(run.TaskId);

        Assert.Equal(TraceStatus.Cancelled, result.Status);
        Assert.Equal(TraceStatus.Cancelled, trace.Status);
        Assert.Equal(
        [
            "node_started llm_0", "llm_call_started llm_0", "llm_call_completed llm_0", "node_failed llm_0", "workflow_cancelled",
        ], TraceAssert.Steps(events).TakeLast(5));
        Assert.Equal("the LLM call was cancelled", events.Single(e => e.EventType == TraceEventType.LlmCallCompleted).Error);
        Assert.Equal("stopped: the run was cancelled", events.Single(e => e.EventType == TraceEventType.NodeFailed).Error);
        TraceAssert.SpansAreNested(events);
    }

    [Fact]
    public async Task IndependentBranches_RunBeforeTheirJoin()
    {
        var (_, problems) = await Host.Catalog.PutAsync(AgentHost.Tenant, "fan", AgentValidatorTests.Parse("""
            {"components": {
              "begin": {"type": "Begin", "downstream": ["r1", "r2"]},
              "r1": {"type": "Retrieval", "knowledge_bases": ["agenttrace-docs"], "query": "trace levels", "downstream": ["llm"]},
              "r2": {"type": "Retrieval", "knowledge_bases": ["agenttrace-docs"], "query": "redaction secrets", "downstream": ["llm"]},
              "llm": {"type": "LLM", "prompt": "{r1.content}\n{r2.content}\nQuestion: {sys.query}", "downstream": ["m"]},
              "m": {"type": "Message", "content": "{llm.content}"}}}
            """), TestContext.Current.CancellationToken);
        Assert.Empty(problems);
        Llm.Enqueue(FakeReply.Say("joined"));

        var (result, _, events) = await Host.RunAsync("fan", "What is redacted?");

        Assert.Equal("joined", result.Answer);
        var steps = TraceAssert.Steps(events).ToList();
        var join = steps.IndexOf("node_started llm");
        Assert.True(steps.IndexOf("node_finished r1") < join && steps.IndexOf("node_finished r2") < join);
        Assert.True(steps.IndexOf("node_started r2") < steps.IndexOf("node_finished r1"), "the second branch starts before the first one finishes");
        Assert.Single(events, e => e.EventType == TraceEventType.NodeStarted && e.ComponentId == "llm");
        var prompt = Assert.Single(Llm.ChatRequests).GetProperty("messages")[0].GetProperty("content").ToString();
        Assert.Contains("trace-levels.md", prompt, StringComparison.Ordinal);
        Assert.Contains("redaction.md", prompt, StringComparison.Ordinal);
        TraceAssert.SpansAreNested(events);
    }

    [Fact]
    public async Task Loop_ThatNeverExits_StopsAtTheRunLimit()
    {
        await PutLoopAgentAsync("loop");
        for (var i = 0; i < 3; i++)
        {
            Llm.Enqueue(FakeReply.Say("draft"), FakeReply.Say("again"));
        }

        var (result, trace, events) = await Host.RunAsync("loop", "Write a poem");

        Assert.Equal(TraceStatus.Failed, result.Status);
        Assert.Equal("component 'llm' was to run more than 3 times in one run; its loop never took an exit", trace.Error);
        Assert.Equal(3, events.Count(e => e.EventType == TraceEventType.NodeFinished && e.ComponentId == "llm"));
        Assert.Equal(TraceEventType.WorkflowFailed, events[^1].EventType);
    }

    [Fact]
    public async Task Loop_ThatExits_RunsTheLoopAgainThenAnswers()
    {
        await PutLoopAgentAsync("loop2");
        Llm.Enqueue(FakeReply.Say("draft"), FakeReply.Say("again"), FakeReply.Say("final poem"), FakeReply.Say("done"));

        var (result, _, events) = await Host.RunAsync("loop2", "Write a poem");

        Assert.Equal(TraceStatus.Completed, result.Status);
        Assert.Equal("final poem", result.Answer);
        Assert.Equal(2, events.Count(e => e.EventType == TraceEventType.NodeFinished && e.ComponentId == "llm"));
    }

    /// <summary>Adds an agent whose LLM step runs again while the categorizer says "again", and answers on "done".</summary>
    private async Task PutLoopAgentAsync(string id)
    {
        var (_, problems) = await Host.Catalog.PutAsync(AgentHost.Tenant, id, AgentValidatorTests.Parse("""
            {"components": {
              "begin": {"type": "Begin", "downstream": ["llm"]},
              "llm": {"type": "LLM", "downstream": ["check"]},
              "check": {"type": "Categorize", "categories": {"again": {"to": "llm"}, "done": {"to": "m"}}},
              "m": {"type": "Message", "content": "{llm.content}"}}}
            """), TestContext.Current.CancellationToken);
        Assert.Empty(problems);
    }
}
