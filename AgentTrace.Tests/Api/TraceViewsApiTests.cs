using System.Net;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Api;

/// <summary>One trace in each format, and its analysis.</summary>
public sealed class TraceViewsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Run = """
        [{"event_type":"workflow_started","span_id":"wf"},
         {"event_type":"node_started","span_id":"n1","parent_span_id":"wf","component_id":"llm_0","component_name":"Answer","component_type":"LLM"},
         {"event_type":"llm_call_started","span_id":"c1","parent_span_id":"n1","component_id":"llm_0","llm":{"model_name":"m1","prompt":"hi"}},
         {"event_type":"llm_call_completed","span_id":"c1","parent_span_id":"n1","component_id":"llm_0","elapsed_time":2.0,"llm":{"model_name":"m1","response":"hello","prompt_tokens":12,"completion_tokens":5,"latency_ms":2000}},
         {"event_type":"node_finished","span_id":"n1","parent_span_id":"wf","component_id":"llm_0","component_name":"Answer","component_type":"LLM","elapsed_time":2.1,"inputs":{"q":"hi"},"outputs":{"content":"hello"}},
         {"event_type":"workflow_completed","span_id":"wf","elapsed_time":2.2}]
        """;

    private readonly HttpClient _client = factory.ClientFor(ApiFactory.T1Writer);

    [Fact]
    public async Task GetTrace_EachFormat_HasItsShape()
    {
        var taskId = await RecordedRunAsync();

        var (_, detailed) = await _client.GetJsonAsync($"/api/v1/traces/{taskId}");
        var (_, compact) = await _client.GetJsonAsync($"/api/v1/traces/{taskId}?format=compact");
        var (_, streaming) = await _client.GetJsonAsync($"/api/v1/traces/{taskId}?format=streaming");
        var (_, ragflow) = await _client.GetJsonAsync($"/api/v1/traces/{taskId}?format=ragflow");

        var d = detailed.GetProperty("data");
        Assert.Equal(taskId, d.GetProperty("trace").GetProperty("task_id").GetString());
        Assert.Equal(6, d.GetProperty("events").GetArrayLength());
        Assert.Equal(17, d.GetProperty("llm_calls")[0].GetProperty("total_tokens").GetInt64());
        var c = compact.GetProperty("data");
        Assert.Equal(17, c.GetProperty("tokens").GetInt64());
        Assert.Equal(6, c.GetProperty("timeline").GetArrayLength());
        Assert.Equal("m1", streaming.GetProperty("data").GetProperty("events")[3].GetProperty("model_name").GetString());
        var entry = ragflow.GetProperty("data")[0];
        Assert.Equal("llm_0", entry.GetProperty("component_id").GetString());
        Assert.Equal("hello", entry.GetProperty("trace")[0].GetProperty("outputs").GetProperty("content").GetString());
    }

    [Fact]
    public async Task GetTrace_UnknownFormat_IsBadRequestListingFormats()
    {
        var taskId = await RecordedRunAsync();

        (await _client.GetJsonAsync($"/api/v1/traces/{taskId}?format=yaml")).AssertError(HttpStatusCode.BadRequest, "valid formats are streaming, compact, detailed, ragflow");
    }

    [Fact]
    public async Task Analysis_SlowLlm_NamesBottleneckAndEvidence()
    {
        var taskId = await RecordedRunAsync();

        var (status, body) = await _client.GetJsonAsync($"/api/v1/traces/{taskId}/analysis");

        Assert.Equal(HttpStatusCode.OK, status);
        var analysis = body.GetProperty("data");
        Assert.Equal("llm_0", analysis.GetProperty("bottlenecks")[0].GetProperty("component_id").GetString());
        Assert.Equal(17, analysis.GetProperty("models")[0].GetProperty("total_tokens").GetInt64());
        var recommendation = analysis.GetProperty("recommendations").EnumerateArray().First(r => r.GetProperty("rule").GetString() == "llm_dominates");
        Assert.NotEmpty(recommendation.GetProperty("evidence").EnumerateArray());
    }

    [Fact]
    public async Task Analysis_UnknownTrace_IsNotFound()
    {
        (await _client.GetJsonAsync($"/api/v1/traces/{new string('c', 32)}/analysis")).AssertError(HttpStatusCode.NotFound, "was not found");
    }

    private async Task<string> RecordedRunAsync()
    {
        var taskId = await _client.CreateTraceAsync();
        await _client.AppendAsync(taskId, Run);
        await _client.CompleteAsync(taskId);
        return taskId;
    }
}
