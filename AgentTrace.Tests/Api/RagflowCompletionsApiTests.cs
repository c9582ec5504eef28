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
            ["node_finished", "node_finished", "node_finished", "message", "message", "message", "message", "message", "message_end", "node_finished", "workflow_finished"],
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
            Assert.Equal([.. s_nodeFields, "content", "trace"], node.EnumerateObject().Select(p => p.Name));
            Assert.Equal("", node.GetProperty("content").GetString());
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
        Assert.All(nodes, n => Assert.Equal([.. s_nodeFields, "content"], n.GetProperty("data").EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task Stream_FinalFrame_IsWorkflowFinishedWithTheWholeTraceAndTheTokenUsage()
    {
        var (response, events) = await StreamAsync("""{"question":"What is 5 * 5?","return_trace":true}""");

        var final = events[^1];
        Assert.Equal("workflow_finished", final.GetProperty("event").GetString());
        var data = final.GetProperty("data");
        Assert.Equal("5 * 5 = 25.", data.GetProperty("content").GetString());
        var trace = data.GetProperty("trace").EnumerateArray().Select(t => t.GetProperty("component_id").GetString()).ToList();
        Assert.Equal(["begin", "categorize_0", "agent_0", "message_0"], trace);
        var summary = (await _writer.GetJsonAsync($"/api/v1/traces/{response.TraceId()}/summary")).Body.GetProperty("data").GetProperty("summary");
        var usage = data.GetProperty("usage");
        Assert.Equal(summary.GetProperty("prompt_tokens").GetInt64(), usage.GetProperty("prompt_tokens").GetInt64());
        Assert.Equal(summary.GetProperty("completion_tokens").GetInt64(), usage.GetProperty("completion_tokens").GetInt64());
        Assert.Equal(summary.GetProperty("total_tokens").GetInt64(), usage.GetProperty("total_tokens").GetInt64());
        Assert.True(usage.GetProperty("total_tokens").GetInt64() > 0);
        Assert.Equal(summary.GetProperty("total_llm_calls").GetInt64(), usage.GetProperty("calls").GetInt64());
    }

    [Fact]
    public async Task Stream_RunThatRetrieved_MessageEndCarriesTheReferenceItCanCite()
    {
        var response = await _writer.PostStreamAsync("/api/v1/agents/doc-qa/completions", """{"question":"How are secrets redacted?"}""");
        var events = await RagflowEventsAsync(response);

        var end = events.Single(e => e.GetProperty("event").GetString() == "message_end").GetProperty("data").GetProperty("reference");
        var chunks = end.GetProperty("chunks").EnumerateArray().ToList();
        Assert.NotEmpty(chunks);
        Assert.All(chunks, c =>
        {
            Assert.False(string.IsNullOrEmpty(c.GetProperty("id").GetString()));
            Assert.False(string.IsNullOrEmpty(c.GetProperty("content").GetString()));
            Assert.Equal("agenttrace-docs", c.GetProperty("dataset_id").GetString());
            Assert.True(c.GetProperty("similarity").GetDouble() > 0);
        });
        var documents = end.GetProperty("doc_aggs").EnumerateArray().ToList();
        Assert.Equal(chunks.Count, documents.Sum(d => d.GetProperty("count").GetInt32()));
        Assert.Equal(
            chunks.Select(c => c.GetProperty("document_name").GetString()).Distinct(),
            documents.Select(d => d.GetProperty("doc_name").GetString()));
        var final = events[^1].GetProperty("data").GetProperty("reference");
        Assert.Equal(chunks.Count, final.GetProperty("chunks").GetArrayLength());
    }

    [Fact]
    public async Task Stream_RunThatRetrievedNothing_MessageEndIsEmpty()
    {
        var (_, events) = await StreamAsync("""{"question":"What is 5 * 5?"}""");

        Assert.Empty(events.Single(e => e.GetProperty("event").GetString() == "message_end").GetProperty("data").EnumerateObject());
    }

    [Fact]
    public async Task NotStreamed_ReturnTrace_FinalEventCarriesTheWholeTraceReferenceAndUsage()
    {
        var session = (await _writer.PostJsonAsync("/api/v1/agents/doc-qa/sessions", "{}")).Body.GetProperty("data").GetProperty("id").GetString();

        var (status, body) = await _writer.PostJsonAsync("/api/v1/agents/doc-qa/completions", $$"""{"question":"How are secrets redacted?","stream":false,"return_trace":true,"session_id":"{{session}}"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, body.GetProperty("code").GetInt32());
        var final = body.GetProperty("data");
        Assert.Equal("workflow_finished", final.GetProperty("event").GetString());
        Assert.Equal(session, final.GetProperty("session_id").GetString());
        var data = final.GetProperty("data");
        Assert.Contains("[REDACTED]", data.GetProperty("content").GetString(), StringComparison.Ordinal);
        var trace = data.GetProperty("trace").EnumerateArray().ToList();
        Assert.Equal(["begin", "retrieval_0", "llm_0", "message_0"], trace.Select(t => t.GetProperty("component_id").GetString()));
        Assert.All(trace, t => Assert.Equal(s_nodeFields, Assert.Single(t.GetProperty("trace").EnumerateArray()).EnumerateObject().Select(p => p.Name)));
        Assert.NotEmpty(data.GetProperty("reference").GetProperty("chunks").EnumerateArray());
        Assert.Equal(1, data.GetProperty("usage").GetProperty("calls").GetInt32());
    }

    [Fact]
    public async Task NotStreamed_WithoutReturnTrace_HasNoTrace()
    {
        var (_, body) = await _writer.PostJsonAsync("/api/v1/agents/doc-qa/completions", """{"question":"How are secrets redacted?","stream":false}""");

        Assert.False(body.GetProperty("data").GetProperty("data").TryGetProperty("trace", out _));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("\"false\"", true)]
    [InlineData("1", true)]
    [InlineData("[0]", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("\"\"", false)]
    [InlineData("null", false)]
    [InlineData("{}", false)]
    public async Task ReturnTrace_IsReadAsPythonReadsATruthValue(string value, bool traced)
    {
        var (status, body) = await _writer.PostJsonAsync("/api/v1/agents/tool-assistant/completions", $$"""{"question":"What is 5 * 5?","stream":false,"return_trace":{{value}}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(traced, body.GetProperty("data").GetProperty("data").TryGetProperty("trace", out _));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("\"\"")]
    [InlineData("null")]
    public async Task Stream_FalsyValue_AnswersOneJsonEvent(string value)
    {
        var (status, body) = await _writer.PostJsonAsync("/api/v1/agents/tool-assistant/completions", $$"""{"question":"What is 5 * 5?","stream":{{value}}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("workflow_finished", body.GetProperty("data").GetProperty("event").GetString());
    }

    [Fact]
    public async Task FieldsRagflowAcceptsButAgentTraceDoesNotUse_AreIgnored()
    {
        var (status, body) = await _writer.PostJsonAsync("/api/v1/agents/tool-assistant/completions", """
            {"question":"What is 5 * 5?","stream":false,"files":[],"custom_header":"x","release":true,"chat_template_kwargs":{"a":1},"openai-compatible":false,"anything":{"else":[1]}}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("5 * 5 = 25.", body.GetProperty("data").GetProperty("data").GetProperty("content").GetString());
    }

    [Fact]
    public async Task OwnRoute_StillRefusesUnknownFields()
    {
        (await _writer.PostJsonAsync("/api/v1/agents/tool-assistant/completions/trace", """{"question":"hi","files":[]}"""))
            .AssertError(HttpStatusCode.BadRequest, "files");
    }

    [Theory]
    [InlineData("""{"stream":false}""", "question must not be empty")]
    [InlineData("""{"question":null,"stream":false}""", "question must not be empty")]
    [InlineData("""{"question":"","stream":false}""", "question must not be empty")]
    [InlineData("""{"question":5}""", "question must be a string")]
    [InlineData("""{"question":"hi","session_id":7}""", "session_id must be a string")]
    [InlineData("""{"question":"hi","inputs":[1]}""", "inputs must be an object")]
    public async Task BadBody_IsRefusedInRagflowsEnvelopeNamingTheField(string json, string fragment)
    {
        (await _writer.PostJsonAsync("/api/v1/agents/doc-qa/completions", json)).AssertRagflowError(HttpStatusCode.BadRequest, 101, fragment);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    public async Task BodyThatIsNotAnObject_IsRefusedInRagflowsEnvelope(string json)
    {
        (await _writer.PostJsonAsync("/api/v1/agents/doc-qa/completions", json)).AssertRagflowError(HttpStatusCode.BadRequest, 101, "the body must be a JSON object");
    }

    [Fact]
    public async Task UnknownAgent_IsNotFoundInRagflowsEnvelope()
    {
        (await _writer.PostJsonAsync("/api/v1/agents/ghost/completions", """{"question":"hi"}""")).AssertRagflowError(HttpStatusCode.NotFound, 102, "agent ghost");
    }

    [Fact]
    public async Task UnknownSession_IsNotFoundInRagflowsEnvelopeAndNothingRuns()
    {
        (await _writer.PostJsonAsync("/api/v1/agents/doc-qa/completions", """{"question":"hi","session_id":"no-such-session"}"""))
            .AssertRagflowError(HttpStatusCode.NotFound, 102, "session no-such-session");
    }

    [Fact]
    public async Task SessionOfAnotherTenant_IsNotFound()
    {
        var session = (await _writer.PostJsonAsync("/api/v1/agents/doc-qa/sessions", "{}")).Body.GetProperty("data").GetProperty("id").GetString();
        var other = factory.ClientFor(ApiFactory.T2Admin);

        (await other.PostJsonAsync("/api/v1/agents/doc-qa/completions", $$"""{"question":"hi","session_id":"{{session}}"}"""))
            .AssertRagflowError(HttpStatusCode.NotFound, 102, $"session {session}");
        (await other.GetJsonAsync($"/api/v1/agents/doc-qa/sessions/{session}")).AssertRagflowError(HttpStatusCode.NotFound, 102, $"session {session}");
    }

    [Fact]
    public async Task OpenAiCompatible_NotStreamed_IsOneChatCompletionOutsideAnyEnvelope()
    {
        var (status, body) = await _writer.PostJsonAsync("/api/v1/agents/chat/completions", """
            {"agent_id":"tool-assistant","openai-compatible":true,"stream":false,"messages":[{"role":"system","content":"be brief"},{"role":"user","content":"What is 5 * 5?"}]}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("chat.completion", body.GetProperty("object").GetString());
        Assert.Equal("tool-assistant", body.GetProperty("model").GetString());
        var choice = Assert.Single(body.GetProperty("choices").EnumerateArray());
        Assert.Equal("5 * 5 = 25.", choice.GetProperty("message").GetProperty("content").GetString());
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        Assert.True(body.GetProperty("usage").GetProperty("total_tokens").GetInt64() > 0);
        var trace = (await _writer.GetJsonAsync($"/api/v1/traces/{body.GetProperty("id").GetString()}")).Body;
        Assert.Equal("completed", trace.GetProperty("data").GetProperty("trace").GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenAiCompatible_Streamed_SendsChunksThenTheFinishWithUsage()
    {
        var response = await _writer.PostStreamAsync("/api/v1/agents/chat/completions", """
            {"agent_id":"tool-assistant","openai-compatible":true,"messages":[{"role":"user","content":"What is 5 * 5?"}]}
            """);
        var chunks = await RagflowEventsAsync(response);

        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString()));
        var choices = chunks.Select(c => Assert.Single(c.GetProperty("choices").EnumerateArray())).ToList();
        Assert.Equal("5 * 5 = 25.", string.Concat(choices[..^1].Select(c => c.GetProperty("delta").GetProperty("content").GetString())));
        Assert.Equal("stop", choices[^1].GetProperty("finish_reason").GetString());
        Assert.True(chunks[^1].GetProperty("usage").GetProperty("total_tokens").GetInt64() > 0);
    }

    [Theory]
    [InlineData("/api/v1/agents/chat/completions", """{"agent_id":"doc-qa","openai-compatible":true,"messages":[{"role":"assistant","content":"hi"}]}""", "role user")]
    [InlineData("/api/v1/agents/chat/completions", """{"agent_id":"doc-qa","openai-compatible":true,"messages":"hi"}""", "messages must be a list")]
    [InlineData("/api/v1/agents/chat/completions", """{"query":"hi"}""", "agent_id is required")]
    [InlineData("/api/v1/agents/doc-qa/completions", """{"question":"hi","openai-compatible":true}""", "chat/completions only")]
    public async Task OpenAiCompatibleAndChatRoute_BadBody_IsRefusedNamingTheField(string path, string json, string fragment)
    {
        (await _writer.PostJsonAsync(path, json)).AssertRagflowError(HttpStatusCode.BadRequest, 101, fragment);
    }

    /// <summary>The raw stream, checked for RAGFlow's framing, and its events.</summary>
    private async Task<(HttpResponseMessage Response, List<JsonElement> Events)> StreamAsync(string json)
    {
        var response = await _writer.PostStreamAsync("/api/v1/agents/tool-assistant/completions", json);
        return (response, await RagflowEventsAsync(response));
    }

    private static async Task<List<JsonElement>> RagflowEventsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var frames = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Where(f => !f.StartsWith(':')).ToList();
        Assert.Equal("data:[DONE]", frames[^1]);
        Assert.All(frames, f => Assert.StartsWith("data:", f, StringComparison.Ordinal));
        Assert.All(frames, f => Assert.DoesNotContain('\n', f));
        return [.. frames[..^1].Select(f => JsonDocument.Parse(f["data:".Length..]).RootElement.Clone())];
    }
}
