using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Api;

/// <summary>
/// Generated bad values in every field of every request body, and in every query parameter: each answer is a
/// success or a 4xx with a message in the product's words, a finished trace stays exactly as it was, and
/// recording works afterwards. Bounded in count and in time; it stops by itself.
/// </summary>
public sealed class RequestFuzzTests
{
    private const string Placeholder = "__FUZZ__";
    private static readonly TimeSpan s_budget = TimeSpan.FromMinutes(3);

    /// <summary>Values of every JSON kind that a producer should not send, as raw bytes (some are not UTF-8).</summary>
    private static readonly byte[][] s_poisons =
    [
        .. new[]
        {
            "null", "true", "0", "-1", "1e400", "-1e400", "\"NaN\"", "\"Infinity\"", "1.7e308", "9223372036854775808",
            "-9223372036854775809", "0.000001", "\"\"", "\"   \"", "\"\\ud800\"", "\"\\udc00x\\ud800\"", "[]", "{}", "[null]",
            "{\"\\ud800\":\"\\udfff\"}", "\"2026-13-45T99:00:00Z\"", "\"../../etc/passwd\"", "\"<script>alert(1)</script>\"",
            "\"" + new string('x', 70_000) + "\"", new string('[', 80) + new string(']', 80),
        }.Select(Encoding.UTF8.GetBytes),
        [(byte)'"', 0xFF, 0xFE, (byte)'"'],
        [(byte)'"', 0xED, 0xA0, 0x80, (byte)'"'],
    ];

    private static readonly string[] s_badQueryValues =
        ["", "-1", "0", "1e400", "NaN", "9223372036854775808", "%FF", "%ED%A0%80", "a%20b", "[]", new('9', 400), "2026-13-45"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryRoute_GeneratedBadValues_AnswerClearlyChangeNothingAndRecordingGoesOn()
    {
        await using var factory = new SettingsApiFactory(new Dictionary<string, string?> { ["AgentTrace:Limits:RequestsPerMinute"] = "1000000" });
        var writer = factory.ClientFor(ApiFactory.T1Writer);
        var otherTenant = factory.ClientFor(ApiFactory.T2Admin);
        var finished = await writer.CreateTraceAsync();
        await writer.AppendAsync(finished, """[{"event_type":"workflow_started","span_id":"wf"},{"event_type":"workflow_completed","span_id":"wf","elapsed_time":1}]""");
        await writer.CompleteAsync(finished);
        var before = await SnapshotAsync(writer, finished);
        var running = await writer.CreateTraceAsync("""{"agent_id":"fuzz","trace_level":"debug"}""");
        var clock = Stopwatch.StartNew();
        var sent = 0;

        foreach (var (client, method, path, body) in BodyCases(writer, otherTenant, running))
        {
            if (clock.Elapsed > s_budget)
            {
                break;
            }

            var target = path.Contains("{fresh}", StringComparison.Ordinal) ? path.Replace("{fresh}", await writer.CreateTraceAsync(), StringComparison.Ordinal) : path;
            await AssertAnsweredWellAsync(client, method, target, body);
            sent++;
        }

        foreach (var path in QueryCases(finished))
        {
            if (clock.Elapsed > s_budget)
            {
                break;
            }

            await AssertAnsweredWellAsync(writer, HttpMethod.Get, path, null);
            sent++;
        }

        Assert.True(sent > 1000, $"only {sent} requests were sent within {s_budget}");
        Assert.Equal(before, await SnapshotAsync(writer, finished));
        await writer.AssertRecordingWorksAsync();
    }

    /// <summary>Every route with a body: a valid example, mutated at each of its fields in turn.</summary>
    private static IEnumerable<(HttpClient Client, HttpMethod Method, string Path, byte[] Body)> BodyCases(HttpClient writer, HttpClient otherTenant, string running)
    {
        var examples = new (HttpClient Client, HttpMethod Method, string Path, string Json)[]
        {
            (writer, HttpMethod.Post, "/api/v1/traces", """{"agent_id":"a","session_id":"s","user_id":"u","trace_level":"standard","tags":["t"],"metadata":{"k":"v","n":1}}"""),
            (writer, HttpMethod.Post, $"/api/v1/traces/{running}/events", """
                {"events":[
                  {"event_type":"node_started","span_id":"n1","parent_span_id":"wf","component_id":"c1","component_name":"C","component_type":"LLM","inputs":{"q":"x"},"metadata":{"m":1}},
                  {"event_type":"llm_call_completed","span_id":"l1","parent_span_id":"n1","elapsed_time":0.1,"llm":{"call_id":"x","model_name":"m","prompt":"p","messages":[{"role":"user","content":"c"}],"response":"r","prompt_tokens":1,"completion_tokens":2,"total_tokens":3,"latency_ms":5,"temperature":0.2,"max_tokens":10,"finish_reason":"stop"}},
                  {"event_type":"retrieval_completed","span_id":"r1","retrieval":{"retrieval_id":"r","query":"q","knowledge_bases":["kb"],"top_k":3,"similarity_threshold":0.2,"chunks_retrieved":1,"chunks":[{"chunk_id":"c","document_id":"d","document_name":"n","content":"t","score":0.5}],"latency_ms":3,"rerank_enabled":false}},
                  {"event_type":"tool_call_completed","span_id":"t1","error":"e","thoughts":"th","truncated":["inputs"],"tool":{"call_id":"x","tool_name":"calc","tool_type":"builtin","arguments":{"a":1},"result":{"b":[2]},"latency_ms":1}},
                  {"event_type":"node_finished","span_id":"n1","outputs":{"o":"x"},"elapsed_time":0.2,"timestamp":"2026-01-01T00:00:00Z","event_id":"e1"}]}
                """),
            (writer, HttpMethod.Post, "/api/v1/traces/{fresh}/complete", """{"status":"failed","error":"e","outputs":{"answer":"a"},"elapsed_time":1.5}"""),
            (otherTenant, HttpMethod.Post, "/api/v1/traces/cleanup", """{"days":30}"""),
            (writer, HttpMethod.Put, "/api/v1/agents/fuzz-agent", """
                {"name":"F","description":"d","components":{"begin":{"type":"Begin","downstream":["llm"]},
                 "llm":{"type":"LLM","prompt":"{sys.query}","temperature":0.1,"max_tokens":50,"downstream":["m"]},
                 "m":{"type":"Message","content":"{llm.content}"}}}
                """),
            (writer, HttpMethod.Post, "/api/v1/agents/doc-qa/completions/trace", """{"question":"What is a trace?","stream":false,"session_id":"s1","inputs":{"x":"y"},"trace_level":"minimal","include_trace":true,"format":"compact"}"""),
            (writer, HttpMethod.Post, "/api/v1/agents/doc-qa/completions", """{"question":"What is a trace?","stream":false,"session_id":"s2","user_id":"u","return_trace":true}"""),
        };
        foreach (var (client, method, path, json) in examples)
        {
            foreach (var body in Mutations(JsonNode.Parse(json)!))
            {
                yield return (client, method, path, body);
            }
        }
    }

    /// <summary>The example with each of its values replaced by each poison, plus an unknown field in each object.</summary>
    private static IEnumerable<byte[]> Mutations(JsonNode example)
    {
        foreach (var slot in Slots(example))
        {
            foreach (var poison in s_poisons)
            {
                var copy = example.DeepClone();
                slot(copy, JsonValue.Create(Placeholder));
                yield return Splice(copy.ToJsonString(), poison);
            }
        }

        foreach (var poison in s_poisons.Take(3))
        {
            var copy = example.DeepClone();
            copy.AsObject()["\ud800unknown"] = JsonValue.Create(Placeholder);
            yield return Splice(copy.ToJsonString(), poison);
        }
    }

    /// <summary>A setter for every value in the document (objects, arrays and leaves), found by walking it.</summary>
    private static List<Action<JsonNode, JsonNode>> Slots(JsonNode root)
    {
        var slots = new List<Action<JsonNode, JsonNode>>();
        void Walk(JsonNode node, Func<JsonNode, JsonNode> locate)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, child) in obj.ToList())
                    {
                        slots.Add((r, value) => locate(r).AsObject()[name] = value);
                        if (child is not null)
                        {
                            Walk(child, r => locate(r)[name]!);
                        }
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        var index = i;
                        slots.Add((r, value) => locate(r).AsArray()[index] = value);
                        if (array[i] is { } item)
                        {
                            Walk(item, r => locate(r)[index]!);
                        }
                    }

                    break;
            }
        }

        Walk(root, r => r);
        return slots;
    }

    private static byte[] Splice(string json, byte[] poison)
    {
        var marker = $"\"{Placeholder}\"";
        var at = json.IndexOf(marker, StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(json[..at]), .. poison, .. Encoding.UTF8.GetBytes(json[(at + marker.Length)..])];
    }

    private static IEnumerable<string> QueryCases(string taskId)
    {
        var routes = new (string Path, string[] Parameters)[]
        {
            ("/api/v1/traces", ["agent_id", "user_id", "status", "start_time", "end_time", "page", "page_size"]),
            ("/api/v1/agents/doc-qa/traces", ["page", "page_size"]),
            ($"/api/v1/traces/{taskId}/events", ["event_types", "component_id", "after_seq", "offset", "limit"]),
            ($"/api/v1/traces/{taskId}", ["format"]),
            ($"/api/v1/traces/{taskId}/stream", ["format", "after_seq"]),
        };
        foreach (var (path, parameters) in routes)
        {
            foreach (var parameter in parameters)
            {
                foreach (var value in s_badQueryValues)
                {
                    yield return $"{path}?{parameter}={value}";
                }
            }
        }

        foreach (var value in s_badQueryValues.Where(v => v.Length > 0))
        {
            yield return $"/api/v1/traces/{value}";
            yield return $"/api/v1/traces/{value}/events";
        }
    }

    private static async Task AssertAnsweredWellAsync(HttpClient client, HttpMethod method, string path, byte[]? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var what = $"{method} {path} with {(body is null ? "no body" : Preview(body))}";
        Assert.True((int)response.StatusCode < 500, $"{what} answered {(int)response.StatusCode}: {text}");
        if (response.StatusCode >= HttpStatusCode.BadRequest)
        {
            var message = JsonDocument.Parse(text).RootElement.GetProperty("message").GetString();
            Assert.False(string.IsNullOrWhiteSpace(message), $"{what} answered {(int)response.StatusCode} without a message");
            InternalText.AssertNone(message!);
        }
    }

    private static string Preview(byte[] body) => Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)));

    private static async Task<string> SnapshotAsync(HttpClient client, string taskId)
    {
        var (status, body) = await client.GetJsonAsync($"/api/v1/traces/{taskId}?format=detailed");
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("data").GetRawText();
    }
}
