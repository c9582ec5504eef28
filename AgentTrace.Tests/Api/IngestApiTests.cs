using System.Net;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Api;

public sealed class IngestApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _writer = factory.ClientFor(ApiFactory.T1Writer);

    [Fact]
    public async Task Create_WithFields_ReturnsTaskIdAndStoredTrace()
    {
        var (status, body) = await _writer.PostJsonAsync("/api/v1/traces", """{"agent_id":"bot","session_id":"s-1","user_id":"ann","trace_level":"detailed","tags":["prod"],"metadata":{"region":"eu"}}""");

        Assert.Equal(HttpStatusCode.Created, status);
        var data = body.GetProperty("data");
        var taskId = data.GetProperty("task_id").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", taskId);
        var trace = data.GetProperty("trace");
        Assert.Equal("bot", trace.GetProperty("agent_id").GetString());
        Assert.Equal("t1", trace.GetProperty("tenant_id").GetString());
        Assert.Equal("detailed", trace.GetProperty("trace_level").GetString());
        Assert.Equal("running", trace.GetProperty("status").GetString());
        Assert.Equal("eu", trace.GetProperty("metadata").GetProperty("region").GetString());
        Assert.EndsWith("Z", trace.GetProperty("created_at").GetString());
    }

    [Fact]
    public async Task Append_WithoutSeq_AssignsGapFreeSeqAndUpdatesSummary()
    {
        var taskId = await _writer.CreateTraceAsync();

        var first = await _writer.AppendAsync(taskId, """[{"event_type":"workflow_started","span_id":"wf"},{"event_type":"llm_call_completed","span_id":"l1","parent_span_id":"wf","llm":{"model_name":"m","prompt_tokens":7,"completion_tokens":3}}]""");
        var second = await _writer.AppendAsync(taskId, """[{"event_type":"node_finished","component_id":"n1"}]""");

        Assert.Equal(2, first.GetProperty("accepted").GetInt32());
        Assert.Equal(2, first.GetProperty("last_seq").GetInt64());
        Assert.Equal(3, second.GetProperty("last_seq").GetInt64());
        var (_, events) = await _writer.GetJsonAsync($"/api/v1/traces/{taskId}/events");
        Assert.Equal([1L, 2L, 3L], events.GetProperty("data").GetProperty("events").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()));
        var (_, summary) = await _writer.GetJsonAsync($"/api/v1/traces/{taskId}/summary");
        var counts = summary.GetProperty("data").GetProperty("summary");
        Assert.Equal(3, counts.GetProperty("total_events").GetInt64());
        Assert.Equal(10, counts.GetProperty("total_tokens").GetInt64());
        Assert.Equal(1, counts.GetProperty("nodes_executed").GetInt64());
    }

    [Theory]
    [InlineData("minimal", new[] { "node_started", "node_finished" })]
    [InlineData("standard", new[] { "node_started", "node_finished" })]
    [InlineData("detailed", new[] { "node_started", "thinking_started", "thinking_completed", "node_finished" })]
    public async Task Append_ThinkingEvents_AreKeptOnlyFromDetailedUp(string level, string[] stored)
    {
        var taskId = await _writer.CreateTraceAsync($$"""{"agent_id":"agent-a","trace_level":"{{level}}"}""");

        var appended = await _writer.AppendAsync(taskId, """[{"event_type":"node_started","component_id":"n1"},{"event_type":"thinking_started","thoughts":"which source?"},{"event_type":"thinking_completed","thoughts":"the docs"},{"event_type":"node_finished","component_id":"n1"}]""");

        Assert.Equal(stored.Length, appended.GetProperty("accepted").GetInt32());
        var (_, events) = await _writer.GetJsonAsync($"/api/v1/traces/{taskId}/events");
        var read = events.GetProperty("data").GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(stored, read.Select(e => e.GetProperty("event_type").GetString()));
        Assert.Equal(Enumerable.Range(1, stored.Length).Select(i => (long)i), read.Select(e => e.GetProperty("seq").GetInt64()));
    }

    [Fact]
    public async Task Append_SameSeqTwice_IsIdempotent()
    {
        var taskId = await _writer.CreateTraceAsync();
        const string batch = """[{"seq":1,"event_type":"workflow_started"},{"seq":2,"event_type":"node_started"}]""";

        await _writer.AppendAsync(taskId, batch);
        var again = await _writer.AppendAsync(taskId, batch);

        Assert.Equal(0, again.GetProperty("accepted").GetInt32());
        Assert.Equal(2, again.GetProperty("duplicates").GetInt32());
        var (_, events) = await _writer.GetJsonAsync($"/api/v1/traces/{taskId}/events");
        Assert.Equal(2, events.GetProperty("data").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Append_SeqGap_IsConflictAndStoresNothing()
    {
        var taskId = await _writer.CreateTraceAsync();
        await _writer.AppendAsync(taskId, """[{"seq":1,"event_type":"workflow_started"}]""");

        var answer = await _writer.PostJsonAsync($"/api/v1/traces/{taskId}/events", """{"events":[{"seq":3,"event_type":"node_started"}]}""");

        answer.AssertError(HttpStatusCode.Conflict, "next seq of this trace is 2");
        var (_, events) = await _writer.GetJsonAsync($"/api/v1/traces/{taskId}/events");
        Assert.Equal(1, events.GetProperty("data").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Append_SeqNotIncreasing_IsBadRequest()
    {
        var taskId = await _writer.CreateTraceAsync();

        var answer = await _writer.PostJsonAsync($"/api/v1/traces/{taskId}/events", """{"events":[{"seq":1,"event_type":"node_started"},{"seq":1,"event_type":"node_started"}]}""");

        answer.AssertError(HttpStatusCode.BadRequest, "seq must increase");
    }

    [Fact]
    public async Task Append_AfterComplete_IsConflict()
    {
        var taskId = await _writer.CreateTraceAsync();
        await _writer.CompleteAsync(taskId);

        var answer = await _writer.PostJsonAsync($"/api/v1/traces/{taskId}/events", """{"events":[{"event_type":"node_started"}]}""");

        answer.AssertError(HttpStatusCode.Conflict, "completed");
    }

    [Fact]
    public async Task Complete_SetsStatusErrorOutputs_AndSecondCompleteIsConflict()
    {
        var taskId = await _writer.CreateTraceAsync();

        var (status, body) = await _writer.PostJsonAsync($"/api/v1/traces/{taskId}/complete", """{"status":"failed","error":"tool crashed","outputs":{"answer":"partial"},"elapsed_time":1.5}""");
        var again = await _writer.PostJsonAsync($"/api/v1/traces/{taskId}/complete", """{"status":"completed"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var trace = body.GetProperty("data");
        Assert.Equal("failed", trace.GetProperty("status").GetString());
        Assert.Equal("tool crashed", trace.GetProperty("error").GetString());
        Assert.Equal(1.5, trace.GetProperty("total_elapsed_time").GetDouble());
        Assert.Equal("partial", trace.GetProperty("outputs").GetProperty("answer").GetString());
        again.AssertError(HttpStatusCode.Conflict, "already failed");
    }

    [Fact]
    public async Task Append_SecretsAndLongText_AreRedactedAndCutBeforeStorage()
    {
        var taskId = await _writer.CreateTraceAsync();
        var longText = new string('x', 700);

        await _writer.AppendAsync(taskId, $$$"""[{"event_type":"node_started","inputs":{"api_key":"abc123","query":"{{{longText}}}","auth":"Bearer abcdefghijklmnop"}}]""");

        var (_, events) = await _writer.GetJsonAsync($"/api/v1/traces/{taskId}/events");
        var e = events.GetProperty("data").GetProperty("events")[0];
        var inputs = e.GetProperty("inputs");
        Assert.Equal("[REDACTED]", inputs.GetProperty("api_key").GetString());
        Assert.Equal("[REDACTED]", inputs.GetProperty("auth").GetString());
        Assert.Equal(500, inputs.GetProperty("query").GetString()!.Length);
        Assert.Equal(["inputs.query"], e.GetProperty("truncated").EnumerateArray().Select(p => p.GetString()));
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("""{"events":[{"event_type":"node_started","surprise":1}]}""", "unknown field 'surprise'")]
    [InlineData("""{"events":[{"event_type":"node_started","seq":"one"}]}""", "$.events[0].seq")]
    [InlineData("""{"events":[{"event_type":"teleported"}]}""", "'teleported' is unknown")]
    [InlineData("""{"events":[{"component_id":"x"}]}""", "event_type is required")]
    [InlineData("""{"events":[{"event_type":"node_started","span_id":"../../etc"}]}""", "span_id may contain only")]
    [InlineData("""{"events":[{"event_type":"node_started","seq":-4}]}""", "seq must be 1 or more")]
    [InlineData("""{"events":[]}""", "events is empty")]
    [InlineData("""[1,2]""", "'events' array")]
    [InlineData("""{"events":[{"event_type":"llm_call_completed","llm":{"prompt_tokens":-1}}]}""", "llm.prompt_tokens must be between 0 and")]
    public async Task Append_BadBody_IsBadRequestNamingTheProblem(string body, string fragment)
    {
        var taskId = await _writer.CreateTraceAsync();

        var answer = await _writer.PostJsonAsync($"/api/v1/traces/{taskId}/events", body);

        answer.AssertError(HttpStatusCode.BadRequest, fragment);
        var (_, summary) = await _writer.GetJsonAsync($"/api/v1/traces/{taskId}/summary");
        Assert.Equal(0, summary.GetProperty("data").GetProperty("summary").GetProperty("total_events").GetInt64());
    }

    [Theory]
    [InlineData("""{"trace_level":"verbose"}""", "trace_level must be one of minimal, standard, detailed, debug")]
    [InlineData("""{"agent_id":"a/b"}""", "agent_id may contain only")]
    [InlineData("""{"agent_id":5}""", "$.agent_id")]
    [InlineData("""{"colour":"red"}""", "unknown field 'colour'")]
    public async Task Create_BadBody_IsBadRequest(string body, string fragment)
    {
        var answer = await _writer.PostJsonAsync("/api/v1/traces", body);

        answer.AssertError(HttpStatusCode.BadRequest, fragment);
    }

    [Theory]
    [InlineData("""{"status":"running"}""", "status must be one of completed, failed, cancelled")]
    [InlineData("""{}""", "required")]
    [InlineData("""{"status":"completed","elapsed_time":-1}""", "elapsed_time")]
    public async Task Complete_BadBody_IsBadRequest(string body, string fragment)
    {
        var taskId = await _writer.CreateTraceAsync();

        var answer = await _writer.PostJsonAsync($"/api/v1/traces/{taskId}/complete", body);

        answer.AssertError(HttpStatusCode.BadRequest, fragment);
    }

    [Fact]
    public async Task Append_TooManyEvents_IsPayloadTooLarge()
    {
        var taskId = await _writer.CreateTraceAsync();
        var events = string.Join(",", Enumerable.Repeat("""{"event_type":"node_started"}""", 1001));

        var answer = await _writer.PostJsonAsync($"/api/v1/traces/{taskId}/events", $$"""{"events":[{{events}}]}""");

        answer.AssertError(HttpStatusCode.RequestEntityTooLarge, "at most 1000");
    }

    [Fact]
    public async Task Append_OneHugeEvent_IsPayloadTooLarge()
    {
        var taskId = await _writer.CreateTraceAsync();
        var huge = new string('y', 1_100_000);

        var answer = await _writer.PostJsonAsync($"/api/v1/traces/{taskId}/events", $$"""{"events":[{"event_type":"node_started","thoughts":"{{huge}}"}]}""");

        answer.AssertError(HttpStatusCode.RequestEntityTooLarge, "events[0] is");
    }

    [Fact]
    public async Task Append_FiftyMegabyteBody_IsPayloadTooLarge()
    {
        var taskId = await _writer.CreateTraceAsync();
        var huge = new string('z', 50 * 1024 * 1024);

        var answer = await _writer.PostJsonAsync($"/api/v1/traces/{taskId}/events", $$"""{"events":[{"event_type":"node_started","thoughts":"{{huge}}"}]}""");

        answer.AssertError(HttpStatusCode.RequestEntityTooLarge, "this server accepts at most");
    }

    [Fact]
    public async Task Append_UnknownTrace_IsNotFound()
    {
        var answer = await _writer.PostJsonAsync($"/api/v1/traces/{new string('a', 32)}/events", """{"events":[{"event_type":"node_started"}]}""");

        answer.AssertError(HttpStatusCode.NotFound, "was not found");
    }
}
