using System.Text.Json.Nodes;
using AgentTrace.Domain.Model;

namespace AgentTrace.Web.Api;

/// <summary>A run's token usage as RAGFlow reports it (and OpenAI's shape reads it): prompt, completion and total tokens, and LLM calls.</summary>
public static class RagflowUsage
{
    public static JsonObject Of(TraceSummary summary) => new()
    {
        ["prompt_tokens"] = summary.PromptTokens,
        ["completion_tokens"] = summary.CompletionTokens,
        ["total_tokens"] = summary.TotalTokens,
        ["calls"] = summary.TotalLlmCalls,
    };
}
