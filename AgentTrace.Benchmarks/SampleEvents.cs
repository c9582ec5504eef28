using AgentTrace.Domain.Model;

namespace AgentTrace.Benchmarks;

/// <summary>A realistic event: an LLM call with a prompt of about 1,200 characters and its token usage.</summary>
internal static class SampleEvents
{
    private static readonly string s_prompt = string.Concat(Enumerable.Repeat("Answer from the context. Context: AgentTrace records every step of an agent run. ", 15));

    public static TraceEvent LlmCall(DateTimeOffset at) => new()
    {
        EventType = TraceEventType.LlmCallCompleted,
        Timestamp = at,
        SpanId = "4f1c2a9be0d34a11",
        ParentSpanId = "a3b2c1d0e9f8a7b6",
        ComponentId = "llm_0",
        ComponentName = "Answer",
        ComponentType = "LLM",
        ElapsedTime = 0.82,
        Llm = new LlmPayload
        {
            CallId = "call-1",
            ModelName = "gpt-4o-mini",
            Prompt = s_prompt,
            Response = "AgentTrace records workflow, node, LLM, retrieval and tool steps with their timing and tokens.",
            PromptTokens = 265,
            CompletionTokens = 21,
            LatencyMs = 820,
            Temperature = 0.2,
            FinishReason = "stop",
        },
    };

    public static TraceSession Session(TraceLevel level, string tenantId = "bench") => new()
    {
        TaskId = TraceIds.NewTaskId(),
        TenantId = tenantId,
        AgentId = "bench-agent",
        TraceLevel = level,
        CreatedAt = DateTimeOffset.UtcNow,
    };
}
