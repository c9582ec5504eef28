using System.Text.Json;

namespace AgentTrace.Web.Api;

/// <summary>The fields both completion bodies share, checked by <see cref="CompletionInput"/>.</summary>
public interface ICompletionRequest
{
    string Question { get; }

    string? SessionId { get; }

    string? UserId { get; }

    IReadOnlyDictionary<string, JsonElement>? Inputs { get; }

    /// <summary>Server-Sent Events, or one JSON answer.</summary>
    bool Stream { get; }
}
