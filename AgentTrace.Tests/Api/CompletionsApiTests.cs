using System.Net;
using System.Text.Json;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Api;

public sealed class CompletionsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Question = "Which levels record thinking events?";

    private readonly HttpClient _writer = factory.ClientFor(ApiFactory.T1Writer);

    [Fact]
    public async Task Stream_SendsTaskIdFirstThenAnswerAndEventsThenTraceThenDone()
    {
        using var response = await _writer.PostStreamAsync("/api/v1/agents/doc-qa/completions/trace", $$"""{"question":"{{Question}}"}""");
        var frames = await response.ReadFramesAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var taskId = response.TraceId();
        var first = JsonDocument.Parse(frames[0].Data).RootElement;
        Assert.Equal("trace_started", frames[0].Event);
        Assert.Equal(taskId, first.GetProperty("task_id").GetString());
        Assert.Equal("standard", first.GetProperty("trace_level").GetString());
        Assert.Equal(["trace", "done"], frames.TakeLast(2).Select(f => f.Event));
        var events = frames.Where(f => f.Id is not null).ToList();
        Assert.Equal(Enumerable.Range(1, 15).Select(i => (long?)i), events.Select(f => f.Id));
        Assert.Equal("workflow_completed", events[^1].Event);
        Assert.Equal("retrieval_completed", JsonDocument.Parse(events[5].Data).RootElement.GetProperty("event_type").GetString());

        var steps = frames.Select(f => f.Event).ToList();
        var firstMessage = steps.IndexOf("message");
        Assert.Equal("node_started", steps[firstMessage - 1]);
        Assert.Equal("message_generated", steps[steps.LastIndexOf("message") + 1]);
        var answer = string.Concat(frames.Where(f => f.Event == "message").Select(f => JsonDocument.Parse(f.Data).RootElement.GetProperty("content").GetString()));
        var generated = JsonDocument.Parse(frames.Single(f => f.Event == "message_generated").Data).RootElement;
        Assert.Equal(generated.GetProperty("outputs").GetProperty("content").GetString(), answer);
        var trace = JsonDocument.Parse(frames[^2].Data).RootElement;
        Assert.Equal("completed", trace.GetProperty("status").GetString());
        Assert.Equal(taskId, trace.GetProperty("task_id").GetString());
        Assert.Equal(1, trace.GetProperty("llm_calls").GetInt32());
    }

    [Fact]
    public async Task Stream_TheStoredTraceServesEveryTraceRoute()
    {
        using var response = await _writer.PostStreamAsync("/api/v1/agents/doc-qa/completions/trace", $$"""{"question":"{{Question}}"}""");
        await response.ReadFramesAsync();
        var taskId = response.TraceId();
        var reader = factory.ClientFor(ApiFactory.T1Reader);

        var trace = await reader.GetJsonAsync($"/api/v1/traces/{taskId}");
        var summary = await reader.GetJsonAsync($"/api/v1/traces/{taskId}/summary");
        var events = await reader.GetJsonAsync($"/api/v1/traces/{taskId}/events?event_types=llm_call_completed");
        var listed = await reader.GetJsonAsync("/api/v1/agents/doc-qa/traces");

        Assert.Equal(HttpStatusCode.OK, trace.Status);
        Assert.Equal(1, summary.Body.GetProperty("data").GetProperty("summary").GetProperty("total_llm_calls").GetInt32());
        Assert.Equal(1, events.Body.GetProperty("data").GetProperty("total").GetInt32());
        Assert.Contains(listed.Body.GetProperty("data").GetProperty("traces").EnumerateArray(), s => s.GetProperty("task_id").GetString() == taskId);
    }

    [Fact]
    public async Task Stream_AnotherClientWatchesTheSameRun()
    {
        using var response = await _writer.PostStreamAsync("/api/v1/agents/tool-assistant/completions/trace", """{"question":"What is 12 * 12?"}""");
        var watching = factory.ClientFor(ApiFactory.T1Reader).GetStreamAsync($"/api/v1/traces/{response.TraceId()}/stream", TestContext.Current.CancellationToken);
        var own = await response.ReadFramesAsync();
        using var watcher = new SseReader(await watching);
        var watched = await watcher.ReadToEndAsync(TestContext.Current.CancellationToken);

        Assert.Equal(own.Where(f => f.Id is not null).Select(f => (f.Id, f.Event)), watched.Where(f => f.Id is not null).Select(f => (f.Id, f.Event)));
        Assert.Contains(own, f => f.Event == "tool_call_completed");
    }

    [Fact]
    public async Task Stream_WithoutTrace_SendsOnlyTheAnswer()
    {
        using var response = await _writer.PostStreamAsync("/api/v1/agents/tool-assistant/completions/trace", """{"question":"What is 12 * 12?","include_trace":false}""");
        var frames = await response.ReadFramesAsync();

        Assert.Equal("trace_started", frames[0].Event);
        Assert.Equal("done", frames[^1].Event);
        Assert.All(frames[1..^1], f => Assert.Equal("message", f.Event));
        Assert.Equal("12 * 12 = 144.", string.Concat(frames.Where(f => f.Event == "message").Select(f => JsonDocument.Parse(f.Data).RootElement.GetProperty("content").GetString())));
    }

    [Fact]
    public async Task Stream_CompactFormat_SendsOneLinePerStep()
    {
        using var response = await _writer.PostStreamAsync("/api/v1/agents/doc-qa/completions/trace", $$"""{"question":"{{Question}}","format":"compact","trace_level":"minimal"}""");
        var frames = await response.ReadFramesAsync();

        var retrieval = JsonDocument.Parse(frames.Single(f => f.Event == "retrieval_completed").Data).RootElement;
        Assert.False(retrieval.TryGetProperty("retrieval", out _));
        Assert.Equal("minimal", JsonDocument.Parse(frames[0].Data).RootElement.GetProperty("trace_level").GetString());
    }

    [Fact]
    public async Task NotStreamed_ReturnsAnswerIdsAndTrace()
    {
        var (status, body) = await _writer.PostJsonAsync("/api/v1/agents/doc-qa/completions/trace", $$"""{"question":"{{Question}}","stream":false,"session_id":"s-42"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var data = body.GetProperty("data");
        Assert.Contains("thinking events are recorded as well", data.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("s-42", data.GetProperty("session_id").GetString());
        Assert.Equal("doc-qa", data.GetProperty("agent_id").GetString());
        Assert.Equal("completed", data.GetProperty("status").GetString());
        var trace = data.GetProperty("trace");
        Assert.Equal(data.GetProperty("task_id").GetString(), trace.GetProperty("task_id").GetString());
        Assert.Equal(1, trace.GetProperty("retrievals").GetInt32());
        Assert.Equal("completed", trace.GetProperty("status").GetString());
    }

    [Fact]
    public async Task NotStreamed_DetailedFormat_HasEveryEvent()
    {
        var (_, body) = await _writer.PostJsonAsync("/api/v1/agents/tool-assistant/completions/trace", """{"question":"What is 3 + 4?","stream":false,"format":"detailed","trace_level":"detailed"}""");

        var events = body.GetProperty("data").GetProperty("trace").GetProperty("events");
        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("event_type").GetString() == "thinking_completed");
    }

    [Theory]
    [InlineData("{}", "required field(s) missing: question")]
    [InlineData("""{"question":"hi","stream":"yes"}""", "$.stream")]
    [InlineData("""{"question":"hi","questoin":"typo"}""", "unknown field 'questoin'")]
    [InlineData("""{"question":"hi","trace_level":"verbose"}""", "trace_level must be one of minimal, standard, detailed, debug")]
    [InlineData("""{"question":"hi","format":"xml"}""", "unknown format 'xml'")]
    [InlineData("""{"question":"  "}""", "question must not be empty")]
    [InlineData("""{"question":"hi","session_id":"a/b"}""", "session_id may contain only")]
    [InlineData("not json", "not valid JSON")]
    public async Task BadBody_IsA400NamingTheField(string json, string fragment)
    {
        (await _writer.PostJsonAsync("/api/v1/agents/doc-qa/completions/trace", json)).AssertError(HttpStatusCode.BadRequest, fragment);
    }

    [Fact]
    public async Task UnknownAgent_IsNotFound()
    {
        (await _writer.PostJsonAsync("/api/v1/agents/ghost/completions/trace", """{"question":"hi"}""")).AssertError(HttpStatusCode.NotFound, "agent ghost was not found");
    }

    [Fact]
    public async Task Reader_CannotRunAgents()
    {
        (await factory.ClientFor(ApiFactory.T1Reader).PostJsonAsync("/api/v1/agents/doc-qa/completions/trace", """{"question":"hi"}""")).AssertError(HttpStatusCode.Forbidden, "reader");
    }

    [Fact]
    public async Task Cancel_FinishedOrUnknownOrOtherTenant_IsRefused()
    {
        var (_, body) = await _writer.PostJsonAsync("/api/v1/agents/doc-qa/completions/trace", """{"question":"hi","stream":false}""");
        var taskId = body.GetProperty("data").GetProperty("task_id").GetString();

        (await _writer.PostJsonAsync($"/api/v1/traces/{taskId}/cancel", "")).AssertError(HttpStatusCode.Conflict, "already completed");
        (await _writer.PostJsonAsync($"/api/v1/traces/{new string('a', 32)}/cancel", "")).AssertError(HttpStatusCode.NotFound, "was not found");
        (await factory.ClientFor(ApiFactory.T2Admin).PostJsonAsync($"/api/v1/traces/{taskId}/cancel", "")).AssertError(HttpStatusCode.NotFound, "was not found");
        (await _writer.PostJsonAsync("/api/v1/traces/not-an-id/cancel", "")).AssertError(HttpStatusCode.BadRequest, "task_id");
    }
}
