using System.Text.Json;

namespace AgentTrace.Web.Api;

/// <summary>Body of <c>POST /agents/{agent_id}/completions/trace</c>.</summary>
public sealed record CompletionRequest : ICompletionRequest
{
    public required string Question { get; init; }

    /// <summary>The conversation to continue; a new one is started when absent.</summary>
    public string? SessionId { get; init; }

    /// <summary>Values for the Begin component.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Inputs { get; init; }

    /// <summary>Server-Sent Events (the default) or one JSON answer.</summary>
    public bool Stream { get; init; } = true;

    /// <summary><c>minimal</c>, <c>standard</c> (default), <c>detailed</c> or <c>debug</c>.</summary>
    public string? TraceLevel { get; init; }

    /// <summary>Whether the response carries the trace (it is stored either way).</summary>
    public bool IncludeTrace { get; init; } = true;

    /// <summary>The trace's format: per event when streamed (default <c>streaming</c>), whole otherwise (default <c>compact</c>).</summary>
    public string? Format { get; init; }

    /// <summary>This route takes no user id.</summary>
    string? ICompletionRequest.UserId => null;
}
