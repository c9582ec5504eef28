using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Model;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Domain.Analysis;

public sealed class TraceAnalyzerSpanTests
{
    private readonly TraceAnalyzer _analyzer = AnalyzerFactory.Default();

    [Fact]
    public void Analyze_RagRun_BuildsTheSpanTree()
    {
        var run = SampleRuns.Rag();

        var spans = _analyzer.Analyze(run.Session(), run.Events).Spans;

        Assert.Equal(
            [
                ("wf", null, SpanKind.Workflow, 1L, 15L, 0.0, 1.8, 0.0),
                ("s1", "wf", SpanKind.Node, 2L, 3L, 0.0, 0.05, 0.05),
                ("s2", "wf", SpanKind.Node, 4L, 7L, 0.05, 0.5, 0.1),
                ("s4", "s2", SpanKind.Retrieval, 5L, 6L, 0.1, 0.4, 0.4),
                ("s5", "wf", SpanKind.Node, 8L, 11L, 0.55, 1.15, 0.15),
                ("s7", "s5", SpanKind.Llm, 9L, 10L, 0.6, 1.0, 1.0),
                ("s8", "wf", SpanKind.Node, 12L, 14L, 1.7, 0.1, 0.1),
            ],
            spans.Select(s => (s.SpanId, s.ParentSpanId, s.Kind, s.StartSeq!.Value, s.EndSeq!.Value, s.StartS, s.DurationS, s.SelfS)));
        Assert.All(spans, s => Assert.Equal(SpanStatus.Completed, s.Status));
        Assert.DoesNotContain(spans, s => s.Orphan);
    }

    [Fact]
    public void Analyze_RagRun_CriticalPathRunsThroughEverySequentialStep()
    {
        var run = SampleRuns.Rag();

        var path = _analyzer.Analyze(run.Session(), run.Events).CriticalPath;

        Assert.Equal(
            [("wf", 1.8), ("s1", 0.05), ("s2", 0.5), ("s4", 0.4), ("s5", 1.15), ("s7", 1.0), ("s8", 0.1)],
            path.Select(s => (s.SpanId, s.DurationS)));
    }

    [Fact]
    public void Analyze_ParallelNodes_CriticalPathTakesTheOneThatEndedLast()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        var fast = run.Begin(TraceEventType.NodeStarted, e => e with { ComponentId = "kb_a", ComponentName = "Search A" }, parentSpanId: "wf");
        var slow = run.Begin(TraceEventType.NodeStarted, e => e with { ComponentId = "kb_b", ComponentName = "Search B" }, parentSpanId: "wf");
        run.Advance(1.0);
        run.End(TraceEventType.NodeFinished, fast.SpanId!);
        run.Advance(0.5);
        run.End(TraceEventType.NodeFinished, slow.SpanId!);
        run.Node("llm_0", "Answer", "LLM", 0.5);
        run.FinishWorkflow();

        var analysis = _analyzer.Analyze(run.Session(), run.Events);

        Assert.Equal([("wf", null), (slow.SpanId!, "kb_b"), ("s3", "llm_0")], analysis.CriticalPath.Select(s => (s.SpanId, s.ComponentId)));
        Assert.Equal(0, analysis.Spans[0].SelfS);
    }

    [Fact]
    public void Analyze_SpanWhoseParentNeverArrived_IsKeptAsAnOrphan()
    {
        var run = SampleRuns.Rag();
        var stray = run.Add(new TraceEvent
        {
            EventType = TraceEventType.ToolCallCompleted,
            SpanId = "late",
            ParentSpanId = "lost-node",
            ComponentId = "agent_9",
            ElapsedTime = 0.2,
            Tool = new ToolPayload { ToolName = "search" },
        });

        var analysis = _analyzer.Analyze(run.Session(), run.Events);

        var orphan = analysis.Spans[^1];
        Assert.Equal(("late", "lost-node", true, stray.Seq, 1.6, 0.2), (orphan.SpanId, orphan.ParentSpanId, orphan.Orphan, orphan.EndSeq!.Value, orphan.StartS, orphan.DurationS));
        Assert.Null(orphan.StartSeq);
        Assert.Equal("wf", analysis.CriticalPath[0].SpanId);
        Assert.Equal(1, Assert.Single(analysis.Tools).Calls);
    }

    [Fact]
    public void Analyze_SpanWithoutEnd_IsOpenUntilTheTraceEnds()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        run.StartNode("llm_0", "Answer", "LLM");
        run.Advance(0.2);
        run.Begin(TraceEventType.LlmCallStarted, e => e with { Llm = new LlmPayload { ModelName = "gpt-4o" } });
        run.Advance(3);
        run.Add(new TraceEvent { EventType = TraceEventType.WorkflowCancelled, SpanId = "wf" });

        var analysis = _analyzer.Analyze(run.Session(TraceStatus.Cancelled), run.Events);

        Assert.Equal(
            [("wf", SpanStatus.Cancelled, 3.2), ("s1", SpanStatus.Open, 3.2), ("s2", SpanStatus.Open, 3.0)],
            analysis.Spans.Select(s => (s.SpanId, s.Status, s.DurationS)));
        Assert.Empty(analysis.Models);
    }

    [Fact]
    public void Analyze_EventsWithoutSpanIds_ArePairedByComponent()
    {
        var run = new TraceBuilder();
        foreach (var seconds in new[] { 0.3, 0.5 })
        {
            run.Add(new TraceEvent { EventType = TraceEventType.NodeStarted, ComponentId = "retrieval_0", ComponentName = "Retrieve" });
            run.Advance(seconds);
            run.Add(new TraceEvent { EventType = TraceEventType.NodeFinished, ComponentId = "retrieval_0", ComponentName = "Retrieve", ElapsedTime = seconds });
        }

        var analysis = _analyzer.Analyze(run.Session(), run.Events);

        Assert.Equal([("#1", 1L, 2L, 0.3), ("#3", 3L, 4L, 0.5)], analysis.Spans.Select(s => (s.SpanId, s.StartSeq!.Value, s.EndSeq!.Value, s.DurationS)));
        Assert.Equal((2, 0.8), (analysis.Components[0].Runs, analysis.Components[0].TotalS));
    }

    [Fact]
    public void Analyze_CallsWithoutParentIds_GoUnderTheirComponentsNode()
    {
        var run = new TraceBuilder();
        run.Add(new TraceEvent { EventType = TraceEventType.WorkflowStarted, SpanId = "run" });
        run.Add(new TraceEvent { EventType = TraceEventType.NodeStarted, SpanId = "n1", ComponentId = "llm_0" });
        run.Add(new TraceEvent { EventType = TraceEventType.LlmCallStarted, SpanId = "c1", ComponentId = "llm_0" });
        run.Advance(1);
        run.Add(new TraceEvent { EventType = TraceEventType.LlmCallCompleted, SpanId = "c1", ComponentId = "llm_0" });
        run.Add(new TraceEvent { EventType = TraceEventType.NodeFinished, SpanId = "n1", ComponentId = "llm_0" });
        run.Add(new TraceEvent { EventType = TraceEventType.WorkflowCompleted, SpanId = "run" });

        var spans = _analyzer.Analyze(run.Session(), run.Events).Spans;

        Assert.Equal([("run", null), ("n1", "run"), ("c1", "n1")], spans.Select(s => (s.SpanId, s.ParentSpanId)));
        Assert.DoesNotContain(spans, s => s.Orphan);
    }
}
