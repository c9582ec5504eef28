using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AgentTrace.Domain.Serialization;

namespace AgentTrace.Web.Api;

/// <summary>
/// Body of RAGFlow's agent completions, <c>POST /agents/{agent_id}/completions</c> and <c>POST /agents/chat/completions</c>,
/// read as RAGFlow reads it: <c>question</c> or <c>query</c> (or, OpenAI-compatible, the last user message), flags by
/// Python truthiness, and every field RAGFlow
/// accepts that AgentTrace has no use for (<c>files</c>, <c>custom_header</c>, <c>release</c>, ...) ignored.
/// </summary>
public sealed record RagflowCompletionRequest : ICompletionRequest
{
    /// <summary>The question; <c>query</c> is its other name (the one <c>agents/chat/completions</c> documents).</summary>
    public required string Question { get; init; }

    /// <summary>The agent to run, on <c>agents/chat/completions</c> (the other route names it in its path).</summary>
    public string? AgentId { get; init; }

    /// <summary>Server-Sent Events unless false; any JSON value, read by Python truthiness.</summary>
    public bool Stream { get; init; } = true;

    /// <summary>The session to continue; it must exist (<c>POST /agents/{agent_id}/sessions</c> creates one). A new one is started when absent.</summary>
    public string? SessionId { get; init; }

    /// <summary>Adds each component's trace entry to <c>node_finished</c> and the whole trace to the final answer; read by Python truthiness.</summary>
    public bool ReturnTrace { get; init; }

    public IReadOnlyDictionary<string, JsonElement>? Inputs { get; init; }

    public string? UserId { get; init; }

    /// <summary>
    /// On <c>agents/chat/completions</c>: answer in OpenAI's chat completion shapes; the question is then the last
    /// <c>user</c> message of <c>messages</c> when neither <c>question</c> nor <c>query</c> is given.
    /// </summary>
    [JsonPropertyName("openai-compatible")]
    public bool OpenAiCompatible { get; init; }

    /// <summary>OpenAI-style messages (<c>role</c>, <c>content</c>), read with <see cref="OpenAiCompatible"/>.</summary>
    public IReadOnlyList<RagflowSessionMessage>? Messages { get; init; }

    /// <summary>Reads the body; every field of the wrong type is a problem, and absent or null fields take their defaults.</summary>
    public static RagflowCompletionRequest Read(JsonObject body, List<string> problems)
    {
        var openAi = RagflowFields.Flag(body, "openai-compatible", absent: false);
        var question = RagflowFields.Text(body, "question", problems) ?? RagflowFields.Text(body, "query", problems)
            ?? (openAi ? LastUserMessage(body, problems) : null);

        IReadOnlyDictionary<string, JsonElement>? inputs = null;
        if (!RagflowFields.IsMissing(body, "inputs"))
        {
            if (body["inputs"] is JsonObject values)
            {
                inputs = values.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value, TraceJsonContext.Default.JsonNode), StringComparer.Ordinal);
            }
            else
            {
                problems.Add("inputs must be an object of input names and values");
            }
        }

        return new RagflowCompletionRequest
        {
            Question = question ?? "",
            AgentId = RagflowFields.Text(body, "agent_id", problems),
            Stream = RagflowFields.Flag(body, "stream", absent: true),
            SessionId = RagflowFields.Text(body, "session_id", problems),
            ReturnTrace = RagflowFields.Flag(body, "return_trace", absent: false),
            Inputs = inputs,
            UserId = RagflowFields.Text(body, "user_id", problems),
            OpenAiCompatible = openAi,
        };
    }

    private static string? LastUserMessage(JsonObject body, List<string> problems)
    {
        if (RagflowFields.IsMissing(body, "messages"))
        {
            return null;
        }

        if (body["messages"] is not JsonArray messages || messages.Any(m => m is not JsonObject))
        {
            problems.Add("messages must be a list of {role, content} objects");
            return null;
        }

        var last = messages.LastOrDefault(m => m!["role"] is JsonValue role && role.TryGetValue(out string? name) && name == "user");
        if (last is null)
        {
            problems.Add("messages must hold a message of role user");
            return null;
        }

        return RagflowFields.Text(last.AsObject(), "content", problems);
    }
}
