using AgentTrace.Domain.Model;
using AgentTrace.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AgentTrace.Tests.Domain.Agents;

/// <summary>Every way a run fails ends the trace <c>failed</c> with the error on the node and the workflow.</summary>
public sealed class RunFailureTests : FakeLlmAgentTests
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var (_, problems) = await Host.Catalog.PutAsync(AgentHost.Tenant, "hooks", AgentValidatorTests.Parse($$$"""
            {"components": {
              "begin": {"type": "Begin", "downstream": ["agent"]},
              "agent": {"type": "Agent", "tools": ["ticket", "http_get"], "downstream": ["m"], "timeout_seconds": 5},
              "m": {"type": "Message", "content": "{agent.content}"}},
             "tools": [{"name": "ticket", "url": "{{{Llm.HookUrl("ticket")}}}", "description": "Opens a ticket",
                        "parameters": {"type": "object", "properties": {"title": {"type": "string"} } }, "timeout_seconds": 0.5 } ] }
            """), TestContext.Current.CancellationToken);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Webhook_PostsArgumentsAndRecordsItsAnswer()
    {
        Llm.OnHook("ticket", context => context.Response.WriteAsJsonAsync(new { id = 7, status = "open" }));
        Llm.Enqueue(FakeReply.Call("ticket", """{"title":"printer on fire"}"""), FakeReply.Say("Ticket 7 is open."));

        var (result, _, events) = await Host.RunAsync("hooks", "Open a ticket");

        Assert.Equal(TraceStatus.Completed, result.Status);
        var tool = events.Single(e => e.EventType == TraceEventType.ToolCallCompleted).Tool!;
        Assert.Equal("webhook", tool.ToolType);
        Assert.Equal("""{"id":7,"status":"open"}""", tool.Result!.Value.GetRawText());
        Assert.Equal("printer on fire", Assert.Single(Llm.HookRequests).GetProperty("title").GetString());
    }

    [Fact]
    public async Task HttpGet_HostNotAllowed_IsRefusedAsAToolErrorAndTheRunGoesOn()
    {
        Llm.Enqueue(FakeReply.Call("http_get", """{"url":"http://169.254.169.254/latest"}"""), FakeReply.Say("I may not fetch that."));

        var (result, _, events) = await Host.RunAsync("hooks", "Fetch the metadata");

        Assert.Equal(TraceStatus.Completed, result.Status);
        var tool = events.Single(e => e.EventType == TraceEventType.ToolCallCompleted);
        Assert.StartsWith("tool http_get refused the call: host '169.254.169.254' is not allowed", tool.Error, StringComparison.Ordinal);
        Assert.StartsWith("host '169.254.169.254' is not allowed", tool.Tool!.Result!.Value.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("is not allowed", Llm.ChatRequests.Last().GetProperty("messages").EnumerateArray().Last().GetProperty("content").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_ServerError_FailsTheRun()
    {
        Llm.OnHook("ticket", context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return context.Response.WriteAsync("database down");
        });
        Llm.Enqueue(FakeReply.Call("ticket", """{"title":"x"}"""));

        var (result, trace, events) = await Host.RunAsync("hooks", "Open a ticket");

        AssertFailed(result.Status, trace, events, "agent", "tool ticket failed: webhook ticket answered HTTP 500: database down");
        Assert.Equal("tool ticket failed: webhook ticket answered HTTP 500: database down", events.Single(e => e.EventType == TraceEventType.ToolCallCompleted).Error);
    }

    [Fact]
    public async Task Webhook_TooSlow_TimesOutAndFailsTheRun()
    {
        Llm.OnHook("ticket", context => Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted));
        Llm.Enqueue(FakeReply.Call("ticket", """{"title":"x"}"""));

        var (result, trace, events) = await Host.RunAsync("hooks", "Open a ticket");

        AssertFailed(result.Status, trace, events, "agent", "took longer than 0.5 s");
    }

    [Fact]
    public async Task Llm_AnswersGarbage_FailsTheRun()
    {
        Llm.Enqueue(new FakeReply { Garbage = true });

        var (result, trace, events) = await Host.RunAsync("doc-qa", "Which levels record thinking events?", streamLlm: false);

        AssertFailed(result.Status, trace, events, "llm_0", "component 'llm_0' failed");
        Assert.StartsWith("the LLM call failed", events.Single(e => e.EventType == TraceEventType.LlmCallCompleted).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Llm_StreamsGarbage_FailsTheRun()
    {
        Llm.Enqueue(new FakeReply { Garbage = true });

        var (result, trace, events) = await Host.RunAsync("doc-qa", "Which levels record thinking events?", streamLlm: true);

        AssertFailed(result.Status, trace, events, "llm_0", "component 'llm_0' failed: the LLM endpoint sent no answer");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Llm_ClosesTheConnection_FailsTheRun(bool stream)
    {
        Llm.Enqueue(new FakeReply { Close = true });

        var (result, trace, events) = await Host.RunAsync("doc-qa", "Which levels record thinking events?", streamLlm: stream);

        AssertFailed(result.Status, trace, events, "llm_0", "component 'llm_0' failed");
    }

    [Fact]
    public async Task Llm_TooSlow_TimesOutTheComponent()
    {
        var (_, problems) = await Host.Catalog.PutAsync(AgentHost.Tenant, "slow", AgentValidatorTests.Parse("""
            {"components": {
              "begin": {"type": "Begin", "downstream": ["llm"]},
              "llm": {"type": "LLM", "timeout_seconds": 0.3, "downstream": ["m"]},
              "m": {"type": "Message", "content": "{llm.content}"}}}
            """), TestContext.Current.CancellationToken);
        Assert.Empty(problems);
        Llm.Enqueue(new FakeReply { Text = "late", Delay = TimeSpan.FromSeconds(5) });

        var (result, trace, events) = await Host.RunAsync("slow", "hello");

        AssertFailed(result.Status, trace, events, "llm", "component 'llm' timed out after 0.3 s");
        Assert.DoesNotContain(events, e => e.ComponentId == "m");
    }

    private static void AssertFailed(TraceStatus status, TraceSession trace, IReadOnlyList<TraceEvent> events, string component, string error)
    {
        Assert.Equal(TraceStatus.Failed, status);
        Assert.Equal(TraceStatus.Failed, trace.Status);
        Assert.Contains(error, trace.Error, StringComparison.Ordinal);
        var failed = events.Single(e => e.EventType == TraceEventType.NodeFailed);
        Assert.Equal(component, failed.ComponentId);
        Assert.Contains(error, failed.Error, StringComparison.Ordinal);
        var last = events[^1];
        Assert.Equal(TraceEventType.WorkflowFailed, last.EventType);
        Assert.Equal(trace.Error, last.Error);
        TraceAssert.SpansAreNested(events);
        Assert.True(trace.Summary.ErrorsCount >= 2);
    }
}
