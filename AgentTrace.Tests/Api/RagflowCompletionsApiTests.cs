using System.Net;
using System.Text.Json;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Api;

/// <summary>The RAGFlow-compatible agent completion: its framing, event shapes and <c>return_trace</c>.</summary>
public sealed class RagflowCompletionsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] s_nodeFields = ["inputs", "outputs", "component_id", "component_name", "component_type", "error", "elapsed_time", "created_at"];

    private readonly HttpClient _writer = factory.ClientFor(ApiFactory.T1Writer);

    [Fact]
    public async Task Stream_UsesRagflowFramingAndEventOrder()
    {
        var (response, events) = await StreamAsync("""{"question":"What is 5 * 5?","return_trace":true}""");

        Assert.Equal(
            ["node_finished", "node_finished", "node_finished", "message", "message", "message", "message", "message", "message_end", "node_finished"],
            events.Select(e => e.GetProperty("event").GetString()));
        var taskId = response.TraceId();
        Assert.All(events, e =>
        {
            Assert.Equal(taskId, e.GetProperty("task_id").GetString());
            Assert.Equal(events[0].GetProperty("message_id").GetString(), e.GetProperty("message_id").GetString());
            Assert.Equal(JsonValueKind.Number, e.GetProperty("created_at").ValueKind);
            Assert.False(string.IsNullOrEmpty(e.GetProperty("session_id").GetString()));
        });
        Assert.Equal("5 * 5 = 25.", string.Concat(events.Where(e => e.GetProperty("event").GetString() == "message").Select(e => e.GetProperty("data").GetProperty("content").GetString())));
    }

    [Fact]
    public async Task Stream_ReturnTrace_EachNodeFinishedCarriesOnlyItsOwnEntry()
    {
        var (_, events) = await StreamAsync("""{"question":"What is 5 * 5?","return_trace":true}""");

        var nodes = events.Where(e => e.GetProperty("event").GetString() == "node_finished").Select(e => e.GetProperty("data")).ToList();
        Assert.Equal(["begin", "categorize_0", "agent_0", "message_0"], nodes.Select(n => n.GetProperty("component_id").GetString()));
        foreach (var node in nodes)
        {
            Assert.Equal([.. s_nodeFields, "trace"], node.EnumerateObject().Select(p => p.Name));
            var entry = Assert.Single(node.GetProperty("trace").EnumerateArray());
            Assert.Equal(node.GetProperty("component_id").GetString(), entry.GetProperty("component_id").GetString());
            var step = Assert.Single(entry.GetProperty("trace").EnumerateArray());
            Assert.Equal(s_nodeFields, step.EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.Null, step.GetProperty("error").ValueKind);
        }

        Assert.Equal("Agent", nodes[2].GetProperty("component_type").GetString());
        var toolCall = nodes[2].GetProperty("outputs").GetProperty("tool_calls")[0];
        Assert.Equal("calculator", toolCall.GetProperty("name").GetString());
        Assert.Equal("5 * 5", toolCall.GetProperty("arguments").GetProperty("expression").GetString());
        Assert.Equal(25, toolCall.GetProperty("results").GetProperty("result").GetDouble());
    }

    [Fact]
    public async Task Stream_WithoutReturnTrace_NodeFinishedHasNoTrace()
    {
        var (_, events) = await StreamAsync("""{"question":"What is 5 * 5?"}""");

        var nodes = events.Where(e => e.GetProperty("event").GetString() == "node_finished").ToList();
        Assert.Equal(4, nodes.Count);
        Assert.All(nodes, n => Assert.Equal(s_nodeFields, n.GetProperty("data").EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task NotStreamed_ReturnTrace_FinalEventCarriesTheWholeTrace()
    {
        var (status, body) = await _writer.PostJsonAsync("/api/v1/agents/doc-qa/completions", """{"question":"How are secrets redacted?","stream":false,"return_trace":true,"session_id":"rf-1"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, body.GetProperty("code").GetInt32());
        var final = body.GetProperty("data");
        Assert.Equal("workflow_finished", final.GetProperty("event").GetString());
        Assert.Equal("rf-1", final.GetProperty("session_id").GetString());
        var data = final.GetProperty("data");
        Assert.Contains("[REDACTED]", data.GetProperty("content").GetString(), StringComparison.Ordinal);
        var trace = data.GetProperty("trace").EnumerateArray().ToList();
        Assert.Equal(["begin", "retrieval_0", "llm_0", "message_0"], trace.Select(t => t.GetProperty("component_id").GetString()));
        Assert.All(trace, t => Assert.Equal(s_nodeFields, Assert.Single(t.GetProperty("trace").EnumerateArray()).EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task NotStreamed_WithoutReturnTrace_HasNoTrace()
    {
        var (_, body) = await _writer.PostJsonAsync("/api/v1/agents/doc-qa/completions", """{"question":"How are secrets redacted?","stream":false}""");

        Assert.False(body.GetProperty("data").GetProperty("data").TryGetProperty("trace", out _));
    }

    [Theory]
    [InlineData("""{"question":"hi","return_trace":"true"}""", "$.return_trace")]
    [InlineData("""{"question":"hi","return_trace":1}""", "$.return_trace")]
    [InlineData("""{"stream":false}""", "question")]
    [InlineData("""{"question":"hi","stream":"false"}""", "$.stream")]
    public async Task BadBody_IsA400NamingTheField(string json, string fragment)
    {
        (await _writer.PostJsonAsync("/api/v1/agents/doc-qa/completions", json)).AssertError(HttpStatusCode.BadRequest, fragment);
    }

    [Fact]
    public async Task UnknownAgent_IsNotFound()
    {
        (await _writer.PostJsonAsync("/api/v1/agents/ghost/completions", """{"question":"hi"}""")).AssertError(HttpStatusCode.NotFound, "agent ghost");
    }

    /// <summary>The raw stream, checked for RAGFlow's framing, and its events.</summary>
    private async Task<(HttpResponseMessage Response, List<JsonElement> Events)> StreamAsync(string json)
    {
        var response = await _writer.PostStreamAsync("/api/v1/agents/tool-assistant/completions", json);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var frames = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Where(f => !f.StartsWith(':')).ToList();
        Assert.Equal("data:[DONE]", frames[^1]);
        Assert.All(frames, f => Assert.StartsWith("data:", f, StringComparison.Ordinal));
        Assert.All(frames, f => Assert.DoesNotContain('\n', f));
        return (response, [.. frames[..^1].Select(f => JsonDocument.Parse(f["data:".Length..]).RootElement.Clone())]);
    }
}
