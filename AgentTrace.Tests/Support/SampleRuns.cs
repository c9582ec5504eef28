using System.Text.Json;
using AgentTrace.Domain.Model;

namespace AgentTrace.Tests.Support;

/// <summary>Typical runs of the built-in agents, recorded with <see cref="TraceBuilder"/>.</summary>
public static class SampleRuns
{
    /// <summary>
    /// Begin → Retrieve (one search of kb_docs) → Answer (one gpt-4o call) → Reply. At scale 1 it takes 1.8 s, the
    /// answer 1.15 s of it; <paramref name="scale"/> stretches or shrinks every duration.
    /// </summary>
    public static TraceBuilder Rag(double scale = 1, TraceLevel level = TraceLevel.Standard)
    {
        var run = new TraceBuilder(level);
        run.StartWorkflow();
        run.Node("begin_0", "Begin", "Begin", 0.05 * scale);

        run.StartNode("retrieval_0", "Retrieve", "Retrieval");
        run.Advance(0.05 * scale);
        run.Retrieval(0.4 * scale, new RetrievalPayload
        {
            Query = "What is the refund policy?",
            KnowledgeBases = ["kb_docs"],
            TopK = 5,
            SimilarityThreshold = 0.2,
            Chunks =
            [
                new RetrievedChunk { ChunkId = "k1", DocumentName = "refunds.md", Content = "Refunds are accepted within 30 days.", Score = 0.82 },
                new RetrievedChunk { ChunkId = "k2", DocumentName = "terms.md", Content = "Returned items must be unused.", Score = 0.64 },
            ],
        });
        run.Advance(0.05 * scale);
        run.FinishNode();

        run.StartNode("llm_0", "Answer", "LLM");
        run.Advance(0.05 * scale);
        run.Llm(1.0 * scale, new LlmPayload
        {
            ModelName = "gpt-4o",
            Prompt = "Answer from the context: Refunds are accepted within 30 days.",
            Response = "Refunds are accepted within 30 days.",
            PromptTokens = 120,
            CompletionTokens = 45,
            TotalTokens = 165,
            Temperature = 0.1,
            FinishReason = "stop",
        });
        run.Advance(0.1 * scale);
        run.FinishNode();

        run.StartNode("message_0", "Reply", "Message");
        run.Note(TraceEventType.MessageGenerated, e => e with { Outputs = Json("""{"content":"Refunds are accepted within 30 days."}""") });
        run.Advance(0.1 * scale);
        run.FinishNode();
        run.FinishWorkflow();
        return run;
    }

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
