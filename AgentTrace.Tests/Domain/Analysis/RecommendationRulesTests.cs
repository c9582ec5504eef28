using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Model;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Domain.Analysis;

public sealed class RecommendationRulesTests
{
    private readonly TraceAnalyzer _analyzer = AnalyzerFactory.Default();

    [Fact]
    public void CleanRun_NoRuleFires()
    {
        var run = SampleRuns.Rag(scale: 0.1);

        var analysis = _analyzer.Analyze(run.Session(), run.EventsAt(TraceLevel.Standard));

        Assert.Empty(Rules(analysis));
    }

    [Fact]
    public void SlowComponent_LlmBoundBottleneck_SaysToSpeedUpTheLlmStep()
    {
        var run = SampleRuns.Rag();

        var found = Fired(run, "slow_component");

        Assert.Equal(
            "'Answer' took 63.9% of the run (1.15 s of 1.80 s); 1.00 s of it waiting for LLM calls: use a faster model for this step, "
            + "lower max_tokens or stream the answer",
            found.Message);
        Assert.Equal((RecommendationSeverity.Warning, "llm_0"), (found.Severity, found.ComponentId));
        Assert.Equal([11L], found.Evidence);
    }

    [Fact]
    public void SlowComponent_OwnWorkBottleneck_SaysToProfileIt()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        run.Node("parse_0", "Parse", "Code", 2);
        run.Node("reply_0", "Reply", "Message", 0.5);
        run.FinishWorkflow();

        var found = Fired(run, "slow_component");

        Assert.Equal(
            "'Parse' took 80% of the run (2.00 s of 2.50 s); 2.00 s of it in its own work, outside LLM, retrieval and tool calls: "
            + "profile it or cache its result",
            found.Message);
        Assert.Equal([3L], found.Evidence);
    }

    [Fact]
    public void LlmDominates_MostTimeInLlmCalls_NamesTheComponentAndModel()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        run.Node("begin_0", "Begin", "Begin", 0.2);
        run.StartNode("llm_0", "Answer", "LLM");
        run.Llm(2, new LlmPayload { ModelName = "gpt-4o", PromptTokens = 500, CompletionTokens = 400 });
        run.FinishNode();
        run.FinishWorkflow();

        var found = Fired(run, "llm_dominates", fired: ["slow_component", "llm_dominates"]);

        Assert.Equal(
            "LLM calls took 90.9% of the run (2.00 s of 2.20 s), most of it in 'Answer' with gpt-4o; use a smaller model where the "
            + "step is simple, cut prompt and completion tokens, or run independent calls in parallel",
            found.Message);
        Assert.Equal((RecommendationSeverity.Warning, "llm_0"), (found.Severity, found.ComponentId));
        Assert.Equal([6L], found.Evidence);
    }

    [Fact]
    public void LlmDominates_LlmBelowTheShare_DoesNotFire()
    {
        var run = SampleRuns.Rag();

        Assert.Equal(["slow_component"], Rules(Analyze(run)));
    }

    [Fact]
    public void RepeatedToolCalls_SameToolThreeTimes_NamesComponentAndTool()
    {
        var run = Researcher(searches: 3);

        var found = Fired(run, "repeated_tool_calls");

        Assert.Equal(
            "'Researcher' called tool 'web_search' 3 times in one run; cache its results, or have the model pass all inputs in one call",
            found.Message);
        Assert.Equal([4L, 6L, 8L], found.Evidence);
    }

    [Fact]
    public void RepeatedToolCalls_TwoCalls_DoesNotFire()
    {
        Assert.Empty(Rules(Analyze(Researcher(searches: 2))));
    }

    [Fact]
    public void FailingComponent_FailedNode_QuotesItsErrorOnce()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        run.StartNode("search_0", "Search", "Retrieval");
        run.Note(TraceEventType.ErrorOccurred, e => e with { Error = "index missing" });
        run.FinishNode("index missing");
        run.FinishWorkflow("index missing");

        var found = Fired(run, "failing_component", TraceStatus.Failed);

        Assert.Equal(
            "'Search' failed 1 of 1 runs: \"index missing\"; fix the cause, or give it a retry or a fallback path so the run can finish",
            found.Message);
        Assert.Equal((RecommendationSeverity.Critical, "search_0"), (found.Severity, found.ComponentId));
        Assert.Equal([4L], found.Evidence);
    }

    [Fact]
    public void FailingComponent_FailedCallInAFinishedNode_CountsTheError()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        run.StartNode("agent_0", "Solver", "Agent");
        run.Tool(0.1, new ToolPayload { ToolName = "calculator" }, error: "division by zero");
        run.FinishNode();
        run.FinishWorkflow();

        var found = Fired(run, "failing_component");

        Assert.Equal(
            "'Solver' reported 1 error: \"division by zero\"; fix the cause, or give it a retry or a fallback path so the run can finish",
            found.Message);
        Assert.Equal([4L], found.Evidence);
    }

    [Fact]
    public void EmptyRetrieval_SearchWithoutChunks_FiresAtEveryLevel()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        run.StartNode("retrieval_0", "Retrieve", "Retrieval");
        run.Retrieval(0.3, new RetrievalPayload { Query = "refunds", KnowledgeBases = ["kb_docs"], SimilarityThreshold = 0.7, ChunksRetrieved = 0 });
        run.FinishNode();
        run.FinishWorkflow();

        var standard = Fired(run, "empty_retrieval");
        var minimal = Only(_analyzer.Analyze(run.Session(), run.EventsAt(TraceLevel.Minimal)), "empty_retrieval");

        Assert.Equal(
            "Retrieval in 'Retrieve' returned no chunks from kb_docs in 1 of 1 searches; lower the similarity threshold (0.70), "
            + "raise top_k, or check that the knowledge base is indexed",
            standard.Message);
        Assert.Equal([4L], standard.Evidence);
        Assert.Equal(standard.Message, minimal.Message);
    }

    [Fact]
    public void LowRetrievalScores_WeakBestChunk_SuggestsBetterQueriesOrIndex()
    {
        var run = WeakSearch();

        var found = Fired(run, "low_retrieval_scores");

        Assert.Equal(
            "Retrieval in 'Retrieve' found only weak matches in 1 of 1 searches (best score 0.21, below 0.30); rewrite the query "
            + "before searching, enable reranking, or improve how kb_docs is chunked and embedded",
            found.Message);
        Assert.Equal([4L], found.Evidence);
    }

    [Fact]
    public void LowRetrievalScores_MinimalLevelWithoutScores_DoesNotFire()
    {
        var run = WeakSearch();

        var analysis = _analyzer.Analyze(run.Session(), run.EventsAt(TraceLevel.Minimal));

        Assert.Empty(Rules(analysis));
    }

    [Fact]
    public void LargePrompt_HugePrompt_NamesTokensAndModel()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        run.StartNode("llm_0", "Answer", "LLM");
        run.Llm(0.3, new LlmPayload { ModelName = "gpt-4o", PromptTokens = 12_400, CompletionTokens = 200 });
        run.FinishNode();
        run.FinishWorkflow();

        var found = Fired(run, "large_prompt");

        Assert.Equal(
            "'Answer' sent up to 12,400 prompt tokens to gpt-4o in one call (1 of its calls had 8,000 or more); send fewer or "
            + "shorter chunks, or summarise the conversation history",
            found.Message);
        Assert.Equal([4L], found.Evidence);
    }

    [Fact]
    public void HighTokenUsage_ManyTokens_NamesTheHeaviestComponent()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        run.StartNode("agent_0", "Planner", "Agent");
        for (var i = 0; i < 3; i++)
        {
            run.Llm(0.1, new LlmPayload { ModelName = "gpt-4o", PromptTokens = 7_000, CompletionTokens = 13_000 });
        }

        run.FinishNode();
        run.FinishWorkflow();

        var found = Fired(run, "high_token_usage");

        Assert.Equal(
            "The run used 60,000 tokens in 3 LLM calls, 60,000 of them in 'Planner'; shorten prompts, cache repeated answers, "
            + "or use a smaller model for simple steps",
            found.Message);
        Assert.Equal([4L, 6L, 8L], found.Evidence);
    }

    [Fact]
    public void DroppedEvents_StoreRefusedEvents_SaysTheAnalysisIsPartial()
    {
        var run = SampleRuns.Rag(scale: 0.1);
        var session = run.Session() with { Summary = run.Session().Summary with { DroppedEvents = 12 } };

        var found = Only(_analyzer.Analyze(session, run.Events), "dropped_events");

        Assert.Equal(
            "12 events of this run were not stored because it reached the store's limit of events per trace, so this analysis "
            + "covers only the 15 stored ones; raise the limit or record this agent at a lower level",
            found.Message);
        Assert.Equal(RecommendationSeverity.Critical, found.Severity);
        Assert.Empty(found.Evidence);
    }

    [Fact]
    public void TruncatedFields_PromptCutByTheLevel_SuggestsAHigherLevel()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        run.StartNode("llm_0", "Answer", "LLM");
        run.Llm(0.1, new LlmPayload { ModelName = "gpt-4o", Prompt = new string('p', 600), PromptTokens = 150, CompletionTokens = 5 });
        run.FinishNode();
        run.FinishWorkflow();

        var found = Only(_analyzer.Analyze(run.Session(), run.EventsAt(TraceLevel.Standard)), "truncated_fields");

        Assert.Equal(
            "1 field was cut to fit the 'standard' level in 1 event (llm.prompt); record at 'detailed' or 'debug' to keep more of them",
            found.Message);
        Assert.Equal(RecommendationSeverity.Info, found.Severity);
        Assert.Equal([3L], found.Evidence);
    }

    [Fact]
    public void UnfinishedSpan_FailedRunWithOpenCall_NamesTheOpenSteps()
    {
        var found = Fired(Interrupted(), "unfinished_span", TraceStatus.Failed);

        Assert.Equal(
            "2 steps of this failed run never recorded an end: node 'Answer', an LLM call of 'Answer'; record the end of every "
            + "started step, also when it fails or is cancelled, so its time and result are known",
            found.Message);
        Assert.Equal([2L, 3L], found.Evidence);
    }

    [Fact]
    public void UnfinishedSpan_RunStillRunning_DoesNotFire()
    {
        var run = Interrupted();

        var analysis = _analyzer.Analyze(run.Session(TraceStatus.Running), run.Events);

        Assert.Empty(Rules(analysis));
    }

    [Fact]
    public void Recommendations_SeveralRulesFire_MostSevereFirst()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        run.Node("parse_0", "Parse", "Code", 2);
        run.Node("search_0", "Search", "Retrieval", 0.1, error: "index missing");
        run.FinishWorkflow("index missing");

        var rules = _analyzer.Analyze(run.Session(TraceStatus.Failed), run.Events).Recommendations.Select(r => r.Rule);

        Assert.Equal(["failing_component", "slow_component"], rules);
    }

    private TraceAnalysis Analyze(TraceBuilder run, TraceStatus status = TraceStatus.Completed) => _analyzer.Analyze(run.Session(status), run.Events);

    /// <summary>The recommendation of <paramref name="rule"/>, which must be the only rule that fired on the run.</summary>
    private Recommendation Fired(TraceBuilder run, string rule, TraceStatus status = TraceStatus.Completed) => Only(Analyze(run, status), rule);

    /// <summary>The recommendation of <paramref name="rule"/>, where exactly the rules <paramref name="fired"/> fired, in this order.</summary>
    private Recommendation Fired(TraceBuilder run, string rule, string[] fired)
    {
        var analysis = Analyze(run);
        Assert.Equal(fired, Rules(analysis));
        return Assert.Single(analysis.Recommendations, r => r.Rule == rule);
    }

    private static string[] Rules(TraceAnalysis analysis) => [.. analysis.Recommendations.Select(r => r.Rule)];

    /// <summary>The one recommendation of the analysis, which must be of <paramref name="rule"/>: no other rule fired.</summary>
    private static Recommendation Only(TraceAnalysis analysis, string rule)
    {
        Assert.Equal([rule], Rules(analysis));
        return analysis.Recommendations[0];
    }

    private static TraceBuilder Researcher(int searches)
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        run.StartNode("agent_0", "Researcher", "Agent");
        for (var i = 0; i < searches; i++)
        {
            run.Tool(0.1, new ToolPayload { ToolName = "web_search", Arguments = SampleRuns.Json($$"""{"q":"refunds {{i}}"}""") });
        }

        run.FinishNode();
        run.FinishWorkflow();
        return run;
    }

    private static TraceBuilder WeakSearch()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        run.StartNode("retrieval_0", "Retrieve", "Retrieval");
        run.Retrieval(0.3, new RetrievalPayload
        {
            KnowledgeBases = ["kb_docs"],
            Chunks = [new RetrievedChunk { ChunkId = "k1", Score = 0.21 }, new RetrievedChunk { ChunkId = "k2", Score = 0.15 }],
        });
        run.FinishNode();
        run.FinishWorkflow();
        return run;
    }

    private static TraceBuilder Interrupted()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        run.StartNode("llm_0", "Answer", "LLM");
        run.Begin(TraceEventType.LlmCallStarted, e => e with { Llm = new LlmPayload { ModelName = "gpt-4o" } });
        run.Advance(0.2);
        run.Add(new TraceEvent { EventType = TraceEventType.WorkflowFailed, SpanId = "wf", Error = "worker stopped" });
        return run;
    }
}
