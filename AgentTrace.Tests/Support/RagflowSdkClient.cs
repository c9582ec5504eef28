using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentTrace.Tests.Support;

/// <summary>
/// Sends exactly what the RAGFlow Python SDK (<c>ragflow_sdk</c>) sends, and reads exactly the fields it reads:
/// <c>RAGFlow(api_key, base_url)</c> on <c>base_url/api/v1</c> with a bearer key; query parameters as <c>requests</c>
/// writes them (None left out, booleans as True/False); <c>Session.ask</c> as <see cref="SdkRelease.V0250"/> (the agent's
/// own completions route, <c>question</c>) or <see cref="SdkRelease.V0270"/> (<c>agents/chat/completions</c>,
/// <c>agent_id</c> and <c>query</c>), its stream read line by line until <c>message_end</c>, every frame before it read as
/// <c>data.content</c>. A call the SDK would raise on throws <see cref="RagflowSdkException"/> with the message.
/// </summary>
public sealed class RagflowSdkClient
{
    private readonly HttpClient _http;

    public RagflowSdkClient(HttpClient http, string apiKey)
    {
        _http = http;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    /// <summary><c>RAGFlow.list_agents(page=1, page_size=30, orderby="update_time", desc=True, id=None, title=None)</c>: each entry of <c>data</c>.</summary>
    public async Task<IReadOnlyList<JsonObject>> ListAgentsAsync(string? id = null, string? title = null, int page = 1, int pageSize = 30)
    {
        var answer = await CheckedAsync(await _http.GetAsync(Query("/api/v1/agents", ("page", $"{page}"), ("page_size", $"{pageSize}"), ("orderby", "update_time"), ("desc", "True"), ("id", id), ("title", title))));
        return [.. answer["data"]!.AsArray().Select(a => a!.AsObject())];
    }

    /// <summary><c>agent.create_session()</c>: posts <c>{}</c> and builds a <c>Session</c>, which is an agent session only when <c>agent_id</c> is in <c>data</c>.</summary>
    public async Task<JsonObject> CreateSessionAsync(string agentId)
    {
        var answer = await CheckedAsync(await _http.PostAsync($"/api/v1/agents/{agentId}/sessions", Json(new JsonObject())));
        var session = answer["data"]!.AsObject();
        if (session["agent_id"] is null)
        {
            throw new RagflowSdkException("Unknown session type: the session has no agent_id");
        }

        return session;
    }

    /// <summary><c>agent.list_sessions(page=1, page_size=30, orderby="update_time", desc=True, id=None)</c>.</summary>
    public async Task<IReadOnlyList<JsonObject>> ListSessionsAsync(string agentId, string? id = null, int page = 1, int pageSize = 30)
    {
        var answer = await CheckedAsync(await _http.GetAsync(Query($"/api/v1/agents/{agentId}/sessions", ("page", $"{page}"), ("page_size", $"{pageSize}"), ("orderby", "update_time"), ("desc", "True"), ("id", id))));
        return [.. answer["data"]!.AsArray().Select(s => s!.AsObject())];
    }

    /// <summary><c>agent.delete_sessions(ids)</c>: a DELETE with <c>{"ids": [...]}</c>.</summary>
    public async Task DeleteSessionsAsync(string agentId, IReadOnlyList<string> ids)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/agents/{agentId}/sessions")
        {
            Content = Json(new JsonObject { ["ids"] = new JsonArray([.. ids.Select(i => JsonValue.Create(i))]) }),
        };
        await CheckedAsync(await _http.SendAsync(request));
    }

    /// <summary>
    /// <c>session.ask(question, stream, **kwargs)</c>: the messages it yields, each with its <c>content</c> and, when the
    /// event carried one, its reference's chunks.
    /// </summary>
    public async IAsyncEnumerable<SdkMessage> AskAsync(
        JsonObject session, string question, bool stream, SdkRelease release, JsonObject? extra = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var agentId = session["agent_id"]!.GetValue<string>();
        var body = release == SdkRelease.V0250
            ? new JsonObject { ["question"] = question, ["stream"] = stream, ["session_id"] = session["id"]!.DeepClone() }
            : new JsonObject { ["agent_id"] = agentId, ["query"] = question, ["stream"] = stream, ["session_id"] = session["id"]!.DeepClone(), ["openai-compatible"] = false };
        foreach (var (key, value) in extra ?? [])
        {
            body[key] = value?.DeepClone();
        }

        var path = release == SdkRelease.V0250 ? $"/api/v1/agents/{agentId}/completions" : "/api/v1/agents/chat/completions";
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!stream)
        {
            var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
            yield return Structure(answer["data"]!.AsObject());
            yield break;
        }

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } raw)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            string content;
            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                content = line["data:".Length..].Trim();
                if (content == "[DONE]")
                {
                    yield break;
                }
            }
            else
            {
                content = line;
            }

            JsonObject frame;
            try
            {
                frame = JsonNode.Parse(content)!.AsObject();
            }
            catch (JsonException)
            {
                continue;
            }

            if (frame["event"]?.GetValue<string>() == "message_end")
            {
                yield break;
            }

            yield return Structure(frame);
        }
    }

    /// <summary><c>Session._structure_answer</c>: <c>data.content</c> (a KeyError when missing) and the event's own <c>reference.chunks</c>.</summary>
    private static SdkMessage Structure(JsonObject frame)
    {
        if (frame["data"] is not JsonObject data || !data.ContainsKey("content"))
        {
            throw new RagflowSdkException($"KeyError: 'content' in {frame.ToJsonString()}");
        }

        var chunks = frame["reference"] is JsonObject reference && reference["chunks"] is JsonArray list ? list : null;
        return new SdkMessage(data["content"]?.GetValue<string>(), chunks);
    }

    private static async Task<JsonObject> CheckedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            return answer["code"]?.GetValue<int>() == 0 ? answer : throw new RagflowSdkException(answer["message"]?.GetValue<string>() ?? answer.ToJsonString());
        }
    }

    private static string Query(string path, params (string Name, string? Value)[] parameters) =>
        path + "?" + string.Join("&", parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
