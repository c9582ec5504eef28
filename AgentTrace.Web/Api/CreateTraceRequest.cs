using System.Text.Json;

namespace AgentTrace.Web.Api;

/// <summary>Body of <c>POST /traces</c>: a new trace for an agent run recorded outside AgentTrace.</summary>
public sealed record CreateTraceRequest
{
    public string? AgentId { get; init; }

    public string? SessionId { get; init; }

    public string? UserId { get; init; }

    /// <summary><c>minimal</c>, <c>standard</c> (default), <c>detailed</c> or <c>debug</c>.</summary>
    public string? TraceLevel { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public JsonElement? Metadata { get; init; }
}
