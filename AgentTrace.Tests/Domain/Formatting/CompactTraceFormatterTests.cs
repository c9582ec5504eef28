using System.Text.Json;
using AgentTrace.Domain.Formatting;
using AgentTrace.Domain.Model;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Domain.Formatting;

public sealed class CompactTraceFormatterTests
{
    private readonly CompactTraceFormatter _formatter = new();

    [Fact]
    public void FormatTrace_RagRun_GivesCountsAndOneLinePerEvent()
    {
        var run = SampleRuns.Rag();

        var compact = _formatter.FormatTrace(run.Session(), run.Events);

        var json = JsonSerializer.SerializeToNode(compact, FormatJsonContext.Wire.CompactTrace)!.AsObject();
        Assert.Equal(
            ["task_id", "agent_id", "session_id", "status", "trace_level", "created_at", "completed_at", "duration_s", "nodes",
                "llm_calls", "retrievals", "tool_calls", "tokens", "errors", "summary", "timeline"],
            json.Select(p => p.Key));
        Assert.Equal(
            (TraceStatus.Completed, 1.8, 4L, 1L, 1L, 0L, 165L, 0L),
            (compact.Status, compact.DurationS, compact.Nodes, compact.LlmCalls, compact.Retrievals, compact.ToolCalls, compact.Tokens, compact.Errors));
        Assert.Equal(15, compact.Timeline.Count);
        Assert.Equal(
            """{"seq":5,"type":"retrieval_started","time":0.1,"component":"Retrieve","detail":"kb_docs: \"What is the refund policy?\""}""",
            Line(compact.Timeline[4]));
        Assert.Equal(
            """{"seq":6,"type":"retrieval_completed","time":0.5,"component":"Retrieve","duration_ms":400,"detail":"kb_docs: 2 chunks, top 0.82"}""",
            Line(compact.Timeline[5]));
        Assert.Equal(
            """{"seq":10,"type":"llm_call_completed","time":1.6,"component":"Answer","duration_ms":1000,"detail":"gpt-4o 120→45 tokens"}""",
            Line(compact.Timeline[9]));
        Assert.Equal("""{"seq":11,"type":"node_finished","time":1.7,"component":"Answer","duration_ms":1150}""", Line(compact.Timeline[10]));
        Assert.Equal("""{"seq":15,"type":"workflow_completed","time":1.8,"duration_ms":1800}""", Line(compact.Timeline[14]));
    }

    [Fact]
    public void FormatEvent_ToolCall_ShowsArgumentsAndResult()
    {
        var run = AgentWithCalculator();

        var steps = run.Events.Select(e => _formatter.FormatEvent(run.Session(), e)).ToList();

        Assert.Equal("calculator(2+2)", steps[4].Detail);
        Assert.Equal("calculator(2+2) → 4", steps[5].Detail);
        Assert.Equal(250, steps[5].DurationMs);
        Assert.Equal(0.35, steps[5].Time);
    }

    [Fact]
    public void FormatEvent_MinimalLevel_StillNamesToolModelAndCounts()
    {
        var run = AgentWithCalculator();
        var minimal = run.EventsAt(TraceLevel.Minimal);
        var session = run.Session();

        var details = minimal.Select(e => _formatter.FormatEvent(session, e).Detail).ToList();

        Assert.Equal("calculator", details[5]);
        Assert.Equal("gpt-4o-mini 30→12 tokens", details[7]);
        var rag = SampleRuns.Rag();
        Assert.Equal("kb_docs: 2 chunks", _formatter.FormatEvent(rag.Session(), rag.EventsAt(TraceLevel.Minimal)[5]).Detail);
    }

    [Fact]
    public void FormatEvent_LongError_KeepsTheFirst200Characters()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        var failed = run.Node("search_0", "Search", "Retrieval", 0.1, error: new string('x', 300));

        var step = _formatter.FormatEvent(run.Session(), failed);

        Assert.Equal(new string('x', 200) + "…", step.Error);
        Assert.Equal(TraceEventType.NodeFailed, step.Type);
        Assert.Equal("Search", step.Component);
    }

    [Fact]
    public void FormatEvent_StreamedLine_EqualsTheWholeTracesLine()
    {
        var run = SampleRuns.Rag();
        var session = run.Session();

        var whole = _formatter.FormatTrace(session, run.Events).Timeline;

        Assert.Equal(whole, run.Events.Select(e => _formatter.FormatEvent(session, e)));
    }

    private static TraceBuilder AgentWithCalculator()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        run.Node("begin_0", "Begin", "Begin", 0.05);
        run.StartNode("agent_0", "Solver", "Agent");
        run.Advance(0.05);
        run.Tool(0.25, new ToolPayload { ToolName = "calculator", ToolType = "builtin", Arguments = SampleRuns.Json("""{"expression":"2+2"}"""), Result = SampleRuns.Json("4") });
        run.Llm(0.4, new LlmPayload { ModelName = "gpt-4o-mini", Prompt = "2+2 is 4. Say it.", Response = "4", PromptTokens = 30, CompletionTokens = 12 });
        run.FinishNode();
        run.FinishWorkflow();
        return run;
    }

    private static string Line(CompactStep step) => JsonSerializer.Serialize(step, FormatJsonContext.Wire.CompactStep);
}
