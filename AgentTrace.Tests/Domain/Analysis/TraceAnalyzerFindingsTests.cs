using System.Text.Json;
using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Model;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Domain.Analysis;

public sealed class TraceAnalyzerFindingsTests
{
    private readonly TraceAnalyzer _analyzer = AnalyzerFactory.Default();

    [Fact]
    public void Analyze_ErrorOccurredRepeatingANodeFailure_IsCountedOnce()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        run.StartNode("search_0", "Search", "Retrieval");
        run.Advance(0.1);
        run.Note(TraceEventType.ErrorOccurred, e => e with { Error = "index missing" });
        run.Note(TraceEventType.ErrorOccurred, e => e with { Error = "retry budget spent" });
        run.FinishNode("index missing");
        run.FinishWorkflow("index missing");

        var errors = _analyzer.Analyze(run.Session(TraceStatus.Failed), run.Events).Errors;

        Assert.Equal(
            [
                (4L, TraceEventType.ErrorOccurred, "search_0", "retry budget spent"),
                (5L, TraceEventType.NodeFailed, "search_0", "index missing"),
                (6L, TraceEventType.WorkflowFailed, null, "index missing"),
            ],
            errors.Select(e => (e.Seq, e.EventType, e.ComponentId, e.Message)));
        Assert.Equal("Search", errors[1].ComponentName);
        Assert.Equal(TraceBuilder.Origin.AddSeconds(0.1), errors[1].Timestamp);
    }

    [Fact]
    public void Analyze_RagRun_CountsEventsPerType()
    {
        var run = SampleRuns.Rag();

        var analysis = _analyzer.Analyze(run.Session(), run.Events);

        Assert.Equal(15, analysis.TotalEvents);
        Assert.Equal(
            "workflow_started=1 workflow_completed=1 node_started=4 node_finished=4 retrieval_started=1 retrieval_completed=1 "
            + "llm_call_started=1 llm_call_completed=1 message_generated=1",
            string.Join(' ', analysis.EventDistribution.Select(p => $"{p.Key}={p.Value}")));
    }

    [Fact]
    public void Analyze_CallsOfTwoModels_GivesTokensAndLatencyPerModel()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        run.StartNode("agent_0", "Planner", "Agent");
        run.Llm(0.8, new LlmPayload { ModelName = "gpt-4o", PromptTokens = 900, CompletionTokens = 100 });
        run.Llm(0.4, new LlmPayload { ModelName = "gpt-4o-mini", PromptTokens = 300, CompletionTokens = 20, TotalTokens = 320 });
        run.Llm(1.2, new LlmPayload { ModelName = "gpt-4o", PromptTokens = 1100, CompletionTokens = 300 });
        run.FinishNode();
        run.FinishWorkflow();

        var models = _analyzer.Analyze(run.Session(), run.Events).Models;

        Assert.Equal(
            [("gpt-4o", 2, 2000L, 400L, 2400L, 1000.0, 1200.0), ("gpt-4o-mini", 1, 300L, 20L, 320L, 400.0, 400.0)],
            models.Select(m => (m.ModelName, m.Calls, m.PromptTokens, m.CompletionTokens, m.TotalTokens, m.MeanLatencyMs, m.MaxLatencyMs)));
    }

    [Fact]
    public void Analyze_SearchesAndToolCalls_GivesTheirStatistics()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        run.StartNode("agent_0", "Researcher", "Agent");
        run.Retrieval(0.2, new RetrievalPayload { KnowledgeBases = ["kb_docs"], Chunks = [Chunk(0.9), Chunk(0.4)] });
        run.Retrieval(0.4, new RetrievalPayload { KnowledgeBases = ["kb_docs"], Chunks = [Chunk(0.5)] });
        run.Retrieval(0.3, new RetrievalPayload { KnowledgeBases = ["kb_faq"], ChunksRetrieved = 0 });
        run.Tool(0.1, new ToolPayload { ToolName = "calculator" });
        run.Tool(0.3, new ToolPayload { ToolName = "calculator" }, error: "division by zero");
        run.Tool(0.6, new ToolPayload { ToolName = "http_get" });
        run.FinishNode();
        run.FinishWorkflow();

        var analysis = _analyzer.Analyze(run.Session(), run.Events);

        Assert.Equal(new RetrievalStats { Calls = 3, Chunks = 3, Empty = 1, MeanTopScore = 0.7, MeanLatencyMs = 300 }, analysis.Retrieval);
        Assert.Equal(
            [new ToolUsage { ToolName = "calculator", Calls = 2, Errors = 1, MeanLatencyMs = 200 }, new ToolUsage { ToolName = "http_get", Calls = 1, Errors = 0, MeanLatencyMs = 600 }],
            analysis.Tools);
    }

    [Fact]
    public void Analyze_MinimalLevelTrace_GivesTheSameAnalysisWithoutChunkScores()
    {
        var run = SampleRuns.Rag();
        var session = run.Session() with { TraceLevel = TraceLevel.Minimal };
        var full = _analyzer.Analyze(session, run.Events);

        var minimal = _analyzer.Analyze(session, run.EventsAt(TraceLevel.Minimal));

        Assert.Null(minimal.Retrieval.MeanTopScore);
        Assert.Equal(Json(full with { Retrieval = full.Retrieval with { MeanTopScore = null } }), Json(minimal));
        Assert.Equal("slow_component", Assert.Single(minimal.Recommendations).Rule);
    }

    [Fact]
    public void Analysis_AsJson_UsesSnakeCaseNames()
    {
        var run = SampleRuns.Rag();

        var json = Json(_analyzer.Analyze(run.Session(), run.Events));

        Assert.StartsWith("""{"task_id":"0123456789abcdef0123456789abcdef","status":"completed","trace_level":"standard","wall_time_s":1.8,"total_events":15,"event_distribution":{"workflow_started":1,""", json);
        Assert.Contains(""","bottlenecks":[{"component_id":"llm_0","component_name":"Answer","component_type":"LLM","runs":1,"failures":0,"total_s":1.15,"mean_s":1.15,"max_s":1.15,"share":0.639,"self_s":0.15,"llm_s":1,"retrieval_s":0,"tool_s":0}]""", json);
        Assert.Contains("""{"span_id":"s7","parent_span_id":"s5","kind":"llm","status":"completed","component_id":"llm_0","component_name":"Answer","start_seq":9,"end_seq":10,"start_s":0.6,"duration_s":1,"self_s":1,"orphan":false}""", json);
        Assert.Contains(""","retrieval":{"calls":1,"chunks":2,"empty":0,"mean_top_score":0.82,"mean_latency_ms":400}""", json);
        Assert.Contains(""","recommendations":[{"rule":"slow_component","severity":"warning",""", json);
    }

    private static RetrievedChunk Chunk(double score) => new() { ChunkId = $"k{score}", Content = "text", Score = score };

    private static string Json(TraceAnalysis analysis) => JsonSerializer.Serialize(analysis, AnalysisJsonContext.Wire.TraceAnalysis);
}
