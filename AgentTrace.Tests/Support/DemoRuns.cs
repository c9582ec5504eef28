using AgentTrace.Domain.Model;

namespace AgentTrace.Tests.Support;

/// <summary>Runs of a tool-using agent and very large runs, recorded with <see cref="TraceBuilder"/>.</summary>
public static class DemoRuns
{
    /// <summary>
    /// Begin → Route (an LLM picks the path) → Solve (thinking, then <paramref name="rounds"/> rounds of an LLM call and
    /// a calculator call) → Reply. When <paramref name="failTool"/>, the last calculator call times out and the run fails.
    /// </summary>
    public static TraceBuilder ToolAgent(double scale = 1, int rounds = 2, bool failTool = false)
    {
        var run = new TraceBuilder(TraceLevel.Detailed);
        run.StartWorkflow();
        run.Node("begin_0", "Begin", "Begin", 0.02 * scale);

        run.StartNode("categorize_0", "Route", "Categorize");
        run.Llm(0.35 * scale, new LlmPayload
        {
            ModelName = "gpt-4o-mini",
            Messages =
            [
                new ChatMessageRecord { Role = "system", Content = "Decide whether the question needs a calculation. Answer 'math' or 'chat'." },
                new ChatMessageRecord { Role = "user", Content = "What is 17% of 2,340 plus 12?" },
            ],
            Response = "math",
            PromptTokens = 58,
            CompletionTokens = 1,
            TotalTokens = 59,
            Temperature = 0,
            MaxTokens = 4,
            FinishReason = "stop",
        });
        run.FinishNode();

        run.StartNode("agent_0", "Solve", "Agent");
        run.Begin(TraceEventType.ThinkingStarted, e => e with { Thoughts = "Compute 17% of 2340, then add 12." });
        run.Advance(0.1 * scale);
        run.End(TraceEventType.ThinkingCompleted, e => e with { Thoughts = "Compute 17% of 2340, then add 12." });
        for (var round = 1; round <= rounds; round++)
        {
            var last = round == rounds;
            run.Llm(0.6 * scale * round, new LlmPayload
            {
                ModelName = "gpt-4o",
                Messages =
                [
                    new ChatMessageRecord { Role = "system", Content = "You can call calculator(expression)." },
                    new ChatMessageRecord { Role = "user", Content = "What is 17% of 2,340 plus 12?" },
                ],
                Response = $"call calculator round {round}",
                PromptTokens = 210 * round,
                CompletionTokens = 24,
                TotalTokens = (210 * round) + 24,
                Temperature = 0.2,
                FinishReason = "tool_calls",
            });
            run.Tool(0.25 * scale, new ToolPayload
            {
                ToolName = "calculator",
                ToolType = "builtin",
                Arguments = SampleRuns.Json("""{"expression":"2340 * 0.17 + 12"}"""),
                Result = failTool && last ? null : SampleRuns.Json("""{"value":409.8}"""),
            }, error: failTool && last ? "calculator timed out after 250 ms" : null);
        }

        if (failTool)
        {
            run.FinishNode("the calculator failed");
            run.FinishWorkflow("the calculator failed");
            return run;
        }

        run.FinishNode();
        run.StartNode("message_0", "Reply", "Message");
        run.Note(TraceEventType.MessageGenerated, e => e with { Outputs = SampleRuns.Json("""{"content":"17% of 2,340 is 397.8; plus 12 makes 409.8."}""") });
        run.Advance(0.05 * scale);
        run.FinishNode();
        run.FinishWorkflow();
        return run;
    }

    /// <summary>A long run: <paramref name="nodes"/> nodes, each with one LLM call (four events per node).</summary>
    public static TraceBuilder Large(int nodes)
    {
        var run = new TraceBuilder(TraceLevel.Minimal);
        run.StartWorkflow();
        for (var i = 0; i < nodes; i++)
        {
            run.StartNode($"step_{i}", $"Step {i}", "LLM");
            run.Advance(0.001);
            run.Llm(0.004, new LlmPayload { ModelName = "gpt-4o-mini", PromptTokens = 100, CompletionTokens = 10, TotalTokens = 110 });
            run.Advance(0.001);
            run.FinishNode();
        }

        run.FinishWorkflow();
        return run;
    }
}
