using System.Text.Json;
using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>What to run: a question for an agent, in a conversation, recorded at a level.</summary>
public sealed record AgentRunRequest
{
    public required string TenantId { get; init; }

    public required string Question { get; init; }

    /// <summary>The conversation to continue; a new one is started when absent.</summary>
    public string? SessionId { get; init; }

    public string? UserId { get; init; }

    /// <summary>Values given to the Begin component, referenced as <c>{begin_id.name}</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Inputs { get; init; }

    public TraceLevel TraceLevel { get; init; } = TraceLevel.Standard;

    /// <summary>Whether LLM calls stream their answers (the answer is streamed to the caller either way).</summary>
    public bool StreamLlm { get; init; } = true;
}
