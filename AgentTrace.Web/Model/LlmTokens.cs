using AgentTrace.Domain.Model;

namespace AgentTrace.Web.Model;

public static class LlmTokens
{
    /// <summary>An LLM call's total tokens: as reported, else prompt plus completion.</summary>
    public static long Total(LlmPayload llm) => llm.TotalTokens ?? Counts.Add(llm.PromptTokens ?? 0, llm.CompletionTokens ?? 0);
}
