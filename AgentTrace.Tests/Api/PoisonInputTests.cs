using System.Net;
using System.Text;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Api;

/// <summary>
/// Inputs an attacker or a broken producer sends: text that is not Unicode, numbers a double cannot hold, bodies of
/// the wrong shape. Each gets a clear answer, and recording goes on for everyone right after it.
/// </summary>
public sealed class PoisonInputTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Replacement = "\uFFFD";

    private readonly HttpClient _writer = factory.ClientFor(ApiFactory.T1Writer);
    private readonly HttpClient _admin = factory.ClientFor(ApiFactory.T1Admin);

    [Fact]
    public async Task Create_MetadataWithLoneSurrogates_IsRepairedAndRecordingGoesOn()
    {
        var (status, body) = await _writer.PostJsonAsync("/api/v1/traces", """{"agent_id":"a","metadata":{"note":"x\ud800y","\udc00key":"v","pair":"\ud83d\ude00"}}""");

        Assert.Equal(HttpStatusCode.Created, status);
        var metadata = body.GetProperty("data").GetProperty("trace").GetProperty("metadata");
        Assert.Equal($"x{Replacement}y", metadata.GetProperty("note").GetString());
        Assert.Equal("v", metadata.GetProperty($"{Replacement}key").GetString());
        Assert.Equal("\U0001F600", metadata.GetProperty("pair").GetString());
        await _writer.AssertRecordingWorksAsync();
    }

    [Fact]
    public async Task Create_MetadataWithBytesThatAreNotUtf8_IsRepaired()
    {
        var json = Encoding.UTF8.GetBytes("""{"agent_id":"a","metadata":{"note":"ab"}}""").ToList();
        json.InsertRange(json.IndexOf((byte)'b'), [0xFF, 0xC3]);

        var (status, body) = await _writer.PostBytesAsync("/api/v1/traces", [.. json]);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal($"a{Replacement}{Replacement}b", body.GetProperty("data").GetProperty("trace").GetProperty("metadata").GetProperty("note").GetString());
        await _writer.AssertRecordingWorksAsync();
    }

    [Fact]
    public async Task Complete_OutputsWithLoneSurrogate_IsRepairedAndRecordingGoesOn()
    {
        var taskId = await _writer.CreateTraceAsync();

        var (status, body) = await _writer.PostJsonAsync($"/api/v1/traces/{taskId}/complete", """{"status":"failed","error":"bad \udfff end","outputs":{"answer":"\ud800"}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var trace = body.GetProperty("data");
        Assert.Equal(Replacement, trace.GetProperty("outputs").GetProperty("answer").GetString());
        Assert.Equal($"bad {Replacement} end", trace.GetProperty("error").GetString());
        await _writer.AssertRecordingWorksAsync();
    }

    [Fact]
    public async Task Append_PayloadsWithInvalidText_AreRepairedListedAndReadable()
    {
        var taskId = await _writer.CreateTraceAsync("""{"agent_id":"a","trace_level":"debug"}""");

        var appended = await _writer.AppendAsync(taskId, """
            [{"event_type":"tool_call_completed","span_id":"t1","component_name":"c\ud800","error":"e\udc00",
              "tool":{"tool_name":"search","arguments":{"\ud800q":"\udbff"},"result":{"items":["ok","\ud800"]}}},
             {"event_type":"llm_call_completed","span_id":"l1","llm":{"model_name":"m","prompt":"p\ud800","messages":[{"role":"user","content":"\udc00"}]}}]
            """);

        Assert.Equal(2, appended.GetProperty("accepted").GetInt32());
        var (_, events) = await _writer.GetJsonAsync($"/api/v1/traces/{taskId}/events");
        var stored = events.GetProperty("data").GetProperty("events");
        var tool = stored[0];
        Assert.Equal($"c{Replacement}", tool.GetProperty("component_name").GetString());
        Assert.Equal($"e{Replacement}", tool.GetProperty("error").GetString());
        Assert.Equal(Replacement, tool.GetProperty("tool").GetProperty("arguments").GetProperty($"{Replacement}q").GetString());
        Assert.Equal(
            ["component_name", "error", $"tool.arguments.{Replacement}q", "tool.result.items[1]"],
            tool.GetProperty("truncated").EnumerateArray().Select(p => p.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal($"p{Replacement}", stored[1].GetProperty("llm").GetProperty("prompt").GetString());
        Assert.Equal(Replacement, stored[1].GetProperty("llm").GetProperty("messages")[0].GetProperty("content").GetString());
        foreach (var view in new[] { "", "?format=compact", "?format=streaming", "?format=ragflow", "/analysis", "/summary" })
        {
            var (status, _) = await _writer.GetJsonAsync($"/api/v1/traces/{taskId}{view}");
            Assert.True(status == HttpStatusCode.OK, $"{view}: {(int)status}");
        }

        await _writer.AssertRecordingWorksAsync();
    }

    [Fact]
    public async Task Completion_InputsWithLoneSurrogate_RunsAndRecordingGoesOn()
    {
        var (status, body) = await _writer.PostJsonAsync("/api/v1/agents/doc-qa/completions/trace",
            """{"question":"What is a trace\ud800?","stream":false,"inputs":{"name":"\ud800","more":{"\udc00":1}}}""");

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal("completed", body.GetProperty("data").GetProperty("status").GetString());
        await _writer.AssertRecordingWorksAsync();
    }

    [Fact]
    public async Task Completion_InputNameWithLoneSurrogate_IsRefusedNamingIt()
    {
        var answer = await _writer.PostJsonAsync("/api/v1/agents/doc-qa/completions/trace", """{"question":"q","stream":false,"inputs":{"\udc00name":1}}""");

        answer.AssertError(HttpStatusCode.BadRequest, $"inputs name '{Replacement}name' may contain only letters");
    }

    [Fact]
    public async Task RagflowCompletion_QuestionWithLoneSurrogate_Runs()
    {
        var (status, body) = await _writer.PostJsonAsync("/api/v1/agents/doc-qa/completions", """{"question":"levels\ud800","stream":false}""");

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        await _writer.AssertRecordingWorksAsync();
    }

    [Fact]
    public async Task PutAgent_NameWithLoneSurrogate_IsRepaired()
    {
        var (status, body) = await _writer.SendAsync(HttpMethod.Put, "/api/v1/agents/poison-name", """
            {"name":"Echo\ud800","components":{"begin":{"type":"Begin","downstream":["m"]},"m":{"type":"Message","content":"{sys.query}\udc00"}}}
            """);

        Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, body.ToString());
        var (_, stored) = await _writer.GetJsonAsync("/api/v1/agents/poison-name");
        Assert.Equal($"Echo{Replacement}", stored.GetProperty("data").GetProperty("name").GetString());
        var (runStatus, _) = await _writer.PostJsonAsync("/api/v1/agents/poison-name/completions/trace", """{"question":"hi","stream":false}""");
        Assert.Equal(HttpStatusCode.OK, runStatus);
    }

    public static TheoryData<string, string> NumbersNoDoubleHolds => new()
    {
        { """{"event_type":"node_finished","elapsed_time":1e400}""", "events[0].elapsed_time must be a finite number" },
        { """{"event_type":"node_finished","elapsed_time":-1e400}""", "events[0].elapsed_time must be a finite number" },
        { """{"event_type":"node_finished","elapsed_time":"NaN"}""", "events[0].elapsed_time must be a finite number" },
        { """{"event_type":"llm_call_completed","llm":{"latency_ms":"Infinity"}}""", "events[0].llm.latency_ms must be a finite number" },
        { """{"event_type":"llm_call_completed","llm":{"temperature":"-Infinity"}}""", "events[0].llm.temperature must be a finite number" },
        { """{"event_type":"retrieval_completed","retrieval":{"chunks":[{"score":1e999}]}}""", "events[0].retrieval.chunks[0].score must be a finite number" },
        { """{"event_type":"retrieval_completed","retrieval":{"similarity_threshold":"NaN"}}""", "events[0].retrieval.similarity_threshold must be a finite number" },
        { """{"event_type":"tool_call_completed","tool":{"latency_ms":1e309}}""", "events[0].tool.latency_ms must be a finite number" },
        { """{"event_type":"node_finished","elapsed_time":1.7e308}""", "events[0].elapsed_time must be between 0 and" },
        { """{"event_type":"retrieval_completed","retrieval":{"chunks":[{"score":1.7e308}]}}""", "events[0].retrieval.chunks[0].score must be between" },
        { """{"event_type":"llm_call_completed","llm":{"prompt_tokens":9223372036854775807}}""", "events[0].llm.prompt_tokens must be between 0 and" },
        { """{"event_type":"llm_call_completed","llm":{"total_tokens":9223372036854775808}}""", "events[0].llm.total_tokens has a value of the wrong type" },
        { """{"seq":0,"event_type":"node_started"}""", "events[0].seq must be 1 or more" },
        { """{"event_type":"retrieval_completed","retrieval":{"chunks":[null]}}""", "events[0].retrieval.chunks[0] must be an object" },
        { """{"event_type":"llm_call_completed","llm":{"messages":[{"role":null,"content":"x"}]}}""", "events[0].llm.messages[0].role must not be null" },
    };

    [Theory]
    [MemberData(nameof(NumbersNoDoubleHolds))]
    public async Task Append_ValueOutOfRange_IsRefusedNamingTheFieldAndChangesNothing(string json, string message)
    {
        var taskId = await _writer.CreateTraceAsync();
        await _writer.AppendAsync(taskId, """[{"event_type":"workflow_started","span_id":"wf"}]""");

        (await _writer.PostJsonAsync($"/api/v1/traces/{taskId}/events", $$"""{"events":[{{json}}]}""")).AssertError(HttpStatusCode.BadRequest, message);

        var (_, summary) = await _writer.GetJsonAsync($"/api/v1/traces/{taskId}/summary");
        Assert.Equal(1, summary.GetProperty("data").GetProperty("summary").GetProperty("total_events").GetInt64());
        var (analysisStatus, _) = await _writer.GetJsonAsync($"/api/v1/traces/{taskId}/analysis");
        Assert.Equal(HttpStatusCode.OK, analysisStatus);
        await _writer.AssertRecordingWorksAsync();
    }

    [Theory]
    [InlineData("""{"status":"completed","elapsed_time":1e400}""", "elapsed_time must be a finite number")]
    [InlineData("""{"status":"completed","elapsed_time":"NaN"}""", "elapsed_time must be a finite number")]
    [InlineData("""{"status":"completed","elapsed_time":1e12}""", "elapsed_time must be between 0 and")]
    [InlineData("""{"status":null}""", "$.status must not be null")]
    public async Task Complete_BadValue_IsRefusedAndTheTraceKeepsRunning(string json, string message)
    {
        var taskId = await _writer.CreateTraceAsync();

        (await _writer.PostJsonAsync($"/api/v1/traces/{taskId}/complete", json)).AssertError(HttpStatusCode.BadRequest, message);

        var (_, trace) = await _writer.GetJsonAsync($"/api/v1/traces/{taskId}");
        Assert.Equal("running", trace.GetProperty("data").GetProperty("trace").GetProperty("status").GetString());
        await _writer.AssertRecordingWorksAsync();
    }

    public static TheoryData<string, string> ObjectRoutes => new()
    {
        { "POST", "/api/v1/traces" },
        { "POST", "/api/v1/traces/cleanup" },
        { "PUT", "/api/v1/agents/poison-body" },
        { "POST", "/api/v1/agents/doc-qa/completions/trace" },
    };

    [Theory]
    [MemberData(nameof(ObjectRoutes))]
    public async Task Route_BodyThatIsNotAnObject_IsRefusedSayingWhatWasExpected(string method, string path)
    {
        foreach (var body in new[] { "null", "[]", "[{}]", "1", "\"text\"", "true" })
        {
            var answer = await _admin.SendAsync(new HttpMethod(method), path, body);
            answer.AssertError(HttpStatusCode.BadRequest, "the body must be a JSON object");
            answer.AssertClientError();
        }

        await _writer.AssertRecordingWorksAsync();
    }

    [Fact]
    public async Task Complete_BodyThatIsNotAnObject_IsRefused()
    {
        var taskId = await _writer.CreateTraceAsync();

        (await _writer.PostJsonAsync($"/api/v1/traces/{taskId}/complete", "null")).AssertError(HttpStatusCode.BadRequest, "the body must be a JSON object ({...}), not null");
    }

    [Theory]
    [InlineData("POST", "/api/v1/agents/doc-qa/completions/trace", """{"question":null}""", "$.question must not be null")]
    [InlineData("POST", "/api/v1/traces/cleanup", """{"days":null}""", "$.days has a value of the wrong type")]
    [InlineData("PUT", "/api/v1/agents/poison-null", """{"components":{"begin":{"type":null}}}""", "$.components.begin.type must not be null")]
    [InlineData("PUT", "/api/v1/agents/poison-null", """{"components":null}""", "$.components must not be null")]
    [InlineData("PUT", "/api/v1/agents/poison-null", """{"components":{"begin":null}}""", "component 'begin' must be an object, not null")]
    [InlineData("PUT", "/api/v1/agents/poison-null", """{"components":{"begin":{"type":"Begin","downstream":[null]}}}""", "component 'begin': downstream must hold names, not null")]
    public async Task Route_NullInARequiredField_IsRefusedNamingIt(string method, string path, string body, string message)
    {
        var answer = await _admin.SendAsync(new HttpMethod(method), path, body);

        answer.AssertError(HttpStatusCode.BadRequest, message);
        answer.AssertClientError();
        await _writer.AssertRecordingWorksAsync();
    }
}
