using System.Text.Json;
using AgentTrace.Domain.Formatting;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Serialization;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Domain.Formatting;

public sealed class DetailedTraceFormatterTests
{
    private readonly DetailedTraceFormatter _formatter = new();

    [Fact]
    public void FormatTrace_RagRun_PairsTheLlmStartWithItsCompletion()
    {
        var run = SampleRuns.Rag();

        var detailed = _formatter.FormatTrace(run.Session(), run.Events);

        var call = Assert.Single(detailed.LlmCalls);
        Assert.Equal(
            """{"span_id":"s7","parent_span_id":"s5","component_id":"llm_0","component_name":"Answer","status":"completed","started_seq":9,"completed_seq":10,"started_at":"2025-03-01T09:00:00.6Z","completed_at":"2025-03-01T09:00:01.6Z","latency_ms":1000,"call_id":"c6","model_name":"gpt-4o","prompt":"Answer from the context: Refunds are accepted within 30 days.","temperature":0.1,"response":"Refunds are accepted within 30 days.","prompt_tokens":120,"completion_tokens":45,"total_tokens":165,"finish_reason":"stop"}""",
            call.ToJsonString(TraceJsonContext.Wire.Options));
    }

    [Fact]
    public void FormatTrace_RagRun_CarriesTraceSummaryEventsAndRetrieval()
    {
        var run = SampleRuns.Rag();
        var session = run.Session();

        var detailed = _formatter.FormatTrace(session, run.Events);

        Assert.Same(session, detailed.Trace);
        Assert.Equal(session.Summary, detailed.Summary);
        Assert.Equal(run.Events, detailed.Events);
        Assert.Empty(detailed.ToolCalls);
        var retrieval = Assert.Single(detailed.Retrievals);
        Assert.Equal("What is the refund policy?", retrieval["query"]!.GetValue<string>());
        Assert.Equal(2, retrieval["chunks_retrieved"]!.GetValue<int>());
        Assert.Equal(400, retrieval["latency_ms"]!.GetValue<double>());
        Assert.Equal((5, 6), (retrieval["started_seq"]!.GetValue<int>(), retrieval["completed_seq"]!.GetValue<int>()));
        var json = JsonSerializer.SerializeToNode(detailed, FormatJsonContext.Wire.DetailedTrace)!.AsObject();
        Assert.Equal(["trace", "summary", "events", "llm_calls", "retrievals", "tool_calls"], json.Select(p => p.Key));
    }

    [Fact]
    public void FormatTrace_CallWithoutCompletion_IsKeptOpenUntilTheTraceEnd()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        run.StartNode("llm_0", "Answer", "LLM");
        run.Begin(TraceEventType.LlmCallStarted, e => e with { Llm = new LlmPayload { CallId = "c1", ModelName = "gpt-4o" } });
        run.Advance(2.5);
        run.Add(new TraceEvent { EventType = TraceEventType.WorkflowFailed, SpanId = "wf", Error = "timed out" });

        var detailed = _formatter.FormatTrace(run.Session(TraceStatus.Failed), run.Events);

        var call = Assert.Single(detailed.LlmCalls);
        Assert.Equal("open", call["status"]!.GetValue<string>());
        Assert.Equal(2500, call["latency_ms"]!.GetValue<double>());
        Assert.False(call.ContainsKey("completed_at"));
        Assert.False(call.ContainsKey("completed_seq"));
        Assert.Equal("gpt-4o", call["model_name"]!.GetValue<string>());
    }

    [Fact]
    public void FormatTrace_CallsWithoutSpanIds_ArePairedByCallId()
    {
        var run = new TraceBuilder();
        run.Add(Tool(TraceEventType.ToolCallStarted, "a", "search"));
        run.Advance(0.1);
        run.Add(Tool(TraceEventType.ToolCallStarted, "b", "weather"));
        run.Advance(0.2);
        run.Add(Tool(TraceEventType.ToolCallCompleted, "b", "weather") with { Error = "city unknown" });
        run.Advance(0.3);
        run.Add(Tool(TraceEventType.ToolCallCompleted, "a", "search"));

        var calls = _formatter.FormatTrace(run.Session(), run.Events).ToolCalls;

        Assert.Equal(
            [("a", 1, 4, 600.0, "completed"), ("b", 2, 3, 200.0, "failed")],
            calls.Select(c => (
                c["call_id"]!.GetValue<string>(),
                c["started_seq"]!.GetValue<int>(),
                c["completed_seq"]!.GetValue<int>(),
                c["latency_ms"]!.GetValue<double>(),
                c["status"]!.GetValue<string>())));
        Assert.Equal("city unknown", calls[1]["error"]!.GetValue<string>());
        Assert.Equal("#2", calls[1]["span_id"]!.GetValue<string>());
    }

    private static TraceEvent Tool(TraceEventType type, string callId, string name) =>
        new() { EventType = type, ComponentId = "agent_0", Tool = new ToolPayload { CallId = callId, ToolName = name } };
}
