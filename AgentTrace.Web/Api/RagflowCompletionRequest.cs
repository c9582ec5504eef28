using System.Text.Json;

namespace AgentTrace.Web.Api;

/// <summary>Body of the RAGFlow-compatible <c>POST /agents/{agent_id}/completions</c>.</summary>
public sealed record RagflowCompletionRequest : ICompletionRequest
{
    public required string Question { get; init; }

    public bool Stream { get; init; } = true;

    public string? SessionId { get; init; }

    /// <summary>Adds each component's trace entry to <c>node_finished</c> and to the final answer. A JSON boolean only.</summary>
    public bool ReturnTrace { get; init; }

    public IReadOnlyDictionary<string, JsonElement>? Inputs { get; init; }

    public string? UserId { get; init; }
}
