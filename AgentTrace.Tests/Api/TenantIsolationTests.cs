using System.Net;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Api;

/// <summary>Every route, tried with another tenant's key on a trace of tenant t1: always 404, nothing changes.</summary>
public sealed class TenantIsolationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _owner = factory.ClientFor(ApiFactory.T1Admin);
    private readonly HttpClient _stranger = factory.ClientFor(ApiFactory.T2Admin);

    [Fact]
    public async Task OtherTenant_EveryRoute_IsNotFoundAndTraceIsUntouched()
    {
        var taskId = await _owner.CreateTraceAsync("""{"agent_id":"private-agent"}""");
        await _owner.AppendAsync(taskId, """[{"event_type":"workflow_started"}]""");
        (HttpMethod Method, string Path, string? Body)[] routes =
        [
            (HttpMethod.Get, $"/api/v1/traces/{taskId}", null),
            (HttpMethod.Get, $"/api/v1/traces/{taskId}?format=compact", null),
            (HttpMethod.Get, $"/api/v1/traces/{taskId}/events", null),
            (HttpMethod.Get, $"/api/v1/traces/{taskId}/summary", null),
            (HttpMethod.Get, $"/api/v1/traces/{taskId}/analysis", null),
            (HttpMethod.Get, $"/api/v1/traces/{taskId}/stream", null),
            (HttpMethod.Post, $"/api/v1/traces/{taskId}/events", """{"events":[{"event_type":"node_started"}]}"""),
            (HttpMethod.Post, $"/api/v1/traces/{taskId}/complete", """{"status":"failed"}"""),
            (HttpMethod.Delete, $"/api/v1/traces/{taskId}", null),
        ];

        foreach (var (method, path, body) in routes)
        {
            (await _stranger.SendAsync(method, path, body)).AssertError(HttpStatusCode.NotFound, "was not found");
        }

        var (_, cleanup) = await _stranger.PostJsonAsync("/api/v1/traces/cleanup", """{"days":0}""");
        Assert.Equal(0, cleanup.GetProperty("data").GetProperty("deleted").GetInt32());
        var (_, list) = await _stranger.GetJsonAsync("/api/v1/traces?agent_id=private-agent");
        Assert.Equal(0, list.GetProperty("data").GetProperty("total").GetInt64());
        var (_, agentList) = await _stranger.GetJsonAsync("/api/v1/agents/private-agent/traces");
        Assert.Equal(0, agentList.GetProperty("data").GetProperty("total").GetInt64());

        var (status, summary) = await _owner.GetJsonAsync($"/api/v1/traces/{taskId}/summary");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("running", summary.GetProperty("data").GetProperty("status").GetString());
        Assert.Equal(1, summary.GetProperty("data").GetProperty("summary").GetProperty("total_events").GetInt64());
    }
}
