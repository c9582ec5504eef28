using System.Net;
using System.Text.Json;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Api;

/// <summary>Runs that fail or are cancelled, against an LLM endpoint on loopback: a clear error, never a cut stream.</summary>
public sealed class CompletionFailureApiTests : IAsyncLifetime
{
    private FakeChatServer _llm = null!;
    private ApiFactory _factory = null!;
    private HttpClient _writer = null!;

    public async ValueTask InitializeAsync()
    {
        _llm = await FakeChatServer.StartAsync();
        _factory = new FakeLlmFactory(_llm.Endpoint);
        _writer = _factory.ClientFor(ApiFactory.T1Writer);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _llm.DisposeAsync();
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Stream_LlmFails_SendsTheFailedTraceThenAnErrorFrameThenDone(bool garbage, bool close)
    {
        _llm.Enqueue(new FakeReply { Garbage = garbage, Close = close });

        using var response = await _writer.PostStreamAsync("/api/v1/agents/doc-qa/completions/trace", """{"question":"hi"}""");
        var frames = await response.ReadFramesAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["node_failed", "workflow_failed", "trace", "error", "done"], frames.TakeLast(5).Select(f => f.Event));
        var error = JsonDocument.Parse(frames[^2].Data).RootElement;
        Assert.Equal(500, error.GetProperty("code").GetInt32());
        Assert.Equal("failed", error.GetProperty("status").GetString());
        Assert.StartsWith("component 'llm_0' failed", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(response.TraceId(), error.GetProperty("task_id").GetString());
        Assert.Equal("failed", JsonDocument.Parse(frames[^3].Data).RootElement.GetProperty("status").GetString());
        var stored = await _factory.ClientFor(ApiFactory.T1Reader).GetJsonAsync($"/api/v1/traces/{response.TraceId()}?format=compact");
        Assert.Equal("failed", stored.Body.GetProperty("data").GetProperty("status").GetString());
    }

    [Fact]
    public async Task NotStreamed_LlmFails_IsA500NamingTheErrorAndTheTrace()
    {
        _llm.Enqueue(new FakeReply { Garbage = true });

        using var response = await _writer.PostStreamAsync("/api/v1/agents/doc-qa/completions/trace", """{"question":"hi","stream":false}""");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.StartsWith("the agent run failed: component 'llm_0' failed", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(response.TraceId(), body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task Cancel_WhileStreaming_EndsTheRunCancelledAndTheStreamWithAnErrorFrame()
    {
        _llm.Enqueue(new FakeReply { Text = "slow", Delay = TimeSpan.FromSeconds(30) });
        using var response = await _writer.PostStreamAsync("/api/v1/agents/doc-qa/completions/trace", """{"question":"hi"}""");
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        var frames = new List<SseFrame>();
        while (await reader.NextAsync(TestContext.Current.CancellationToken) is { } frame && frame.Event != "llm_call_started")
        {
            frames.Add(frame);
        }

        var (status, body) = await _writer.PostJsonAsync($"/api/v1/traces/{response.TraceId()}/cancel", "");
        frames.AddRange(await reader.ReadToEndAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("cancelled", body.GetProperty("data").GetProperty("status").GetString());
        Assert.Equal(["llm_call_completed", "node_failed", "workflow_cancelled", "trace", "error", "done"], frames.TakeLast(6).Select(f => f.Event));
        Assert.Equal("cancelled", JsonDocument.Parse(frames[^2].Data).RootElement.GetProperty("status").GetString());
        var summary = await _factory.ClientFor(ApiFactory.T1Reader).GetJsonAsync($"/api/v1/traces/{response.TraceId()}/summary");
        Assert.Equal("cancelled", summary.Body.GetProperty("data").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ragflow_Stream_LlmFails_SendsTheErrorShapeThenDone()
    {
        _llm.Enqueue(new FakeReply { Close = true });

        using var response = await _writer.PostStreamAsync("/api/v1/agents/doc-qa/completions", """{"question":"hi","return_trace":true}""");
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var frames = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("data:[DONE]", frames[^1]);
        var error = JsonDocument.Parse(frames[^2]["data:".Length..]).RootElement;
        Assert.Equal(500, error.GetProperty("code").GetInt32());
        Assert.False(error.GetProperty("data").GetBoolean());
        Assert.StartsWith("component 'llm_0' failed", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var failedNode = JsonDocument.Parse(frames[^3]["data:".Length..]).RootElement;
        Assert.Equal("node_finished", failedNode.GetProperty("event").GetString());
        Assert.Equal("llm_0", failedNode.GetProperty("data").GetProperty("component_id").GetString());
        Assert.StartsWith("component 'llm_0' failed", failedNode.GetProperty("data").GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private sealed class FakeLlmFactory(string endpoint) : ApiFactory(new Dictionary<string, string?>
    {
        ["AgentTrace:Llm:Endpoint"] = endpoint,
        ["AgentTrace:Llm:Model"] = "fake-model",
    });
}
