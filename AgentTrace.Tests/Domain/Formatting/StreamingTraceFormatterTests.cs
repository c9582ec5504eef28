using AgentTrace.Domain.Formatting;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Serialization;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Domain.Formatting;

public sealed class StreamingTraceFormatterTests
{
    private readonly StreamingTraceFormatter _formatter = new();

    [Fact]
    public void FormatEvent_LlmCompletion_LiftsPayloadFieldsToTheTop()
    {
        var completion = SampleRuns.Rag().Events.Single(e => e.EventType == TraceEventType.LlmCallCompleted);

        var flat = _formatter.FormatEvent(completion);

        Assert.Equal(
            """{"seq":10,"event_id":"e10","event_type":"llm_call_completed","timestamp":"2025-03-01T09:00:01.6Z","span_id":"s7","parent_span_id":"s5","component_id":"llm_0","component_name":"Answer","component_type":"LLM","elapsed_time":1,"call_id":"c6","model_name":"gpt-4o","response":"Refunds are accepted within 30 days.","prompt_tokens":120,"completion_tokens":45,"total_tokens":165,"latency_ms":1000,"finish_reason":"stop"}""",
            flat.ToJsonString(TraceJsonContext.Wire.Options));
    }

    [Fact]
    public void FormatEvent_NodeStarted_LeavesNullsOut()
    {
        var started = SampleRuns.Rag().Events[1];

        var flat = _formatter.FormatEvent(started);

        Assert.Equal(
            """{"seq":2,"event_id":"e2","event_type":"node_started","timestamp":"2025-03-01T09:00:00Z","span_id":"s1","parent_span_id":"wf","component_id":"begin_0","component_name":"Begin","component_type":"Begin"}""",
            flat.ToJsonString(TraceJsonContext.Wire.Options));
    }

    [Fact]
    public void FormatEvent_RetrievalCompletion_KeepsChunksAsAnArray()
    {
        var completion = SampleRuns.Rag().Events.Single(e => e.EventType == TraceEventType.RetrievalCompleted);

        var flat = _formatter.FormatEvent(completion);

        Assert.Equal(["kb_docs"], flat["knowledge_bases"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(2, flat["chunks_retrieved"]!.GetValue<int>());
        Assert.Equal([0.82, 0.64], flat["chunks"]!.AsArray().Select(c => c!["score"]!.GetValue<double>()));
        Assert.False(flat.ContainsKey("retrieval"));
    }

    [Fact]
    public void FormatTrace_WholeRun_GivesTheTraceAndEveryEventFlat()
    {
        var run = SampleRuns.Rag();

        var trace = _formatter.FormatTrace(run.Session(), run.Events);

        Assert.Equal(["trace", "events"], trace.Select(p => p.Key));
        Assert.Equal(TraceBuilder.TaskId, trace["trace"]!["task_id"]!.GetValue<string>());
        var events = trace["events"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, 15), events.Select(e => e!["seq"]!.GetValue<int>()));
        Assert.Equal("gpt-4o", events[9]!["model_name"]!.GetValue<string>());
    }
}
