using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Model;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Domain.Analysis;

public sealed class TraceAnalyzerTimingTests
{
    private readonly TraceAnalyzer _analyzer = AnalyzerFactory.Default();

    [Fact]
    public void Analyze_RagRun_GivesEachComponentsTimesAndShare()
    {
        var run = SampleRuns.Rag();

        var analysis = _analyzer.Analyze(run.Session(), run.Events);

        Assert.Equal(1.8, analysis.WallTimeS);
        Assert.Equal(
            [
                ("begin_0", "Begin", 1, 0.05, 0.028, 0.05, 0.0, 0.0),
                ("retrieval_0", "Retrieve", 1, 0.5, 0.278, 0.1, 0.4, 0.0),
                ("llm_0", "Answer", 1, 1.15, 0.639, 0.15, 0.0, 1.0),
                ("message_0", "Reply", 1, 0.1, 0.056, 0.1, 0.0, 0.0),
            ],
            analysis.Components.Select(c => (c.ComponentId, c.ComponentName, c.Runs, c.TotalS, c.Share, c.SelfS, c.RetrievalS, c.LlmS)));
        var answer = Assert.Single(analysis.Bottlenecks);
        Assert.Equal("llm_0", answer.ComponentId);
    }

    [Fact]
    public void Analyze_ComponentRunTwice_GivesMeanAndMax()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        run.Node("llm_0", "Draft", "LLM", 0.4);
        run.Node("check_0", "Check", "Categorize", 0.1);
        run.Node("llm_0", "Draft", "LLM", 0.8);
        run.FinishWorkflow();

        var draft = _analyzer.Analyze(run.Session(), run.Events).Components[0];

        Assert.Equal((2, 1.2, 0.6, 0.8, 0.923), (draft.Runs, draft.TotalS, draft.MeanS, draft.MaxS, draft.Share));
    }

    [Fact]
    public void Analyze_TwoComponentsWithOneLabel_AreKeptApart()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        run.Node("llm_0", "LLM", "LLM", 0.3);
        run.Node("llm_1", "LLM", "LLM", 0.6);
        run.FinishWorkflow();

        var analysis = _analyzer.Analyze(run.Session(), run.Events);

        Assert.Equal([("llm_0", 0.3), ("llm_1", 0.6)], analysis.Components.Select(c => (c.ComponentId, c.TotalS)));
    }

    [Fact]
    public void Analyze_SixSecondComponentOfAMinuteLongRun_IsNoBottleneck()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        for (var i = 0; i < 10; i++)
        {
            run.Node($"step_{i}", $"Step {i}", "LLM", 6);
        }

        run.FinishWorkflow();

        var analysis = _analyzer.Analyze(run.Session(), run.Events);

        Assert.All(analysis.Components, c => Assert.Equal(0.1, c.Share));
        Assert.Empty(analysis.Bottlenecks);
    }

    [Fact]
    public void Analyze_DominantButTinyComponent_IsNoBottleneck()
    {
        var run = SampleRuns.Rag(scale: 0.1);

        var analysis = _analyzer.Analyze(run.Session(), run.Events);

        Assert.Equal(0.639, analysis.Components.Single(c => c.ComponentId == "llm_0").Share);
        Assert.Empty(analysis.Bottlenecks);
    }

    [Fact]
    public void Analyze_OverlappingChildCalls_CountTheirTimeOnceInSelfTime()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        var node = run.StartNode("agent_0", "Researcher", "Agent");
        run.Advance(0.1);
        var first = run.Begin(TraceEventType.ToolCallStarted, e => e with { Tool = new ToolPayload { ToolName = "search" } }, parentSpanId: node.SpanId);
        run.Advance(0.2);
        var second = run.Begin(TraceEventType.ToolCallStarted, e => e with { Tool = new ToolPayload { ToolName = "weather" } }, parentSpanId: node.SpanId);
        run.Advance(0.3);
        run.End(TraceEventType.ToolCallCompleted, first.SpanId!);
        run.Advance(0.2);
        run.End(TraceEventType.ToolCallCompleted, second.SpanId!);
        run.Advance(0.2);
        run.FinishNode();
        run.FinishWorkflow();

        var agent = _analyzer.Analyze(run.Session(), run.Events).Components.Single();

        Assert.Equal((1.0, 0.7, 0.3), (agent.TotalS, agent.ToolS, agent.SelfS));
    }

    [Fact]
    public void Analyze_WallTime_IsTheTracesElapsedTimeElseItsEventSpan()
    {
        var run = SampleRuns.Rag();

        var measured = _analyzer.Analyze(run.Session() with { TotalElapsedTime = 1.95 }, run.Events);
        var running = _analyzer.Analyze(run.Session(TraceStatus.Running), run.Events);

        Assert.Equal(1.95, measured.WallTimeS);
        Assert.Equal(1.8, running.WallTimeS);
    }

    [Fact]
    public void Analyze_NoEvents_GivesAnEmptyAnalysis()
    {
        var session = new TraceBuilder().Session(TraceStatus.Running);

        var analysis = _analyzer.Analyze(session, []);

        Assert.Equal((0, 0.0), (analysis.TotalEvents, analysis.WallTimeS));
        Assert.Empty(analysis.Spans);
        Assert.Empty(analysis.CriticalPath);
        Assert.Empty(analysis.Components);
        Assert.Empty(analysis.Recommendations);
        Assert.Equal(RetrievalStats.None, analysis.Retrieval);
    }
}
