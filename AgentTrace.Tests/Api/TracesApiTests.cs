using System.Net;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Api;

public sealed class TracesApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _admin = factory.ClientFor(ApiFactory.T1Admin);
    private readonly HttpClient _reader = factory.ClientFor(ApiFactory.T1Reader);

    [Fact]
    public async Task List_FiltersAndPages_NewestFirstWithTotal()
    {
        var agent = $"agent-{Guid.NewGuid():N}";
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await _admin.CreateTraceAsync($$"""{"agent_id":"{{agent}}","user_id":"{{(i % 2 == 0 ? "even" : "odd")}}"}"""));
        }

        await _admin.CompleteAsync(ids[0], "failed");

        var (status, body) = await _reader.GetJsonAsync($"/api/v1/traces?agent_id={agent}&page=1&page_size=2");
        var (_, evens) = await _reader.GetJsonAsync($"/api/v1/traces?agent_id={agent}&user_id=even");
        var (_, failed) = await _reader.GetJsonAsync($"/api/v1/traces?agent_id={agent}&status=failed");
        var (_, byAgent) = await _reader.GetJsonAsync($"/api/v1/agents/{agent}/traces?page=3&page_size=2");

        Assert.Equal(HttpStatusCode.OK, status);
        var data = body.GetProperty("data");
        Assert.Equal(5, data.GetProperty("total").GetInt64());
        Assert.Equal(2, data.GetProperty("page_size").GetInt32());
        Assert.Equal([ids[4], ids[3]], data.GetProperty("traces").EnumerateArray().Select(t => t.GetProperty("task_id").GetString()));
        Assert.Equal(3, evens.GetProperty("data").GetProperty("total").GetInt64());
        Assert.Equal([ids[0]], failed.GetProperty("data").GetProperty("traces").EnumerateArray().Select(t => t.GetProperty("task_id").GetString()));
        Assert.Equal([ids[0]], byAgent.GetProperty("data").GetProperty("traces").EnumerateArray().Select(t => t.GetProperty("task_id").GetString()));
    }

    [Fact]
    public async Task List_TimeRange_KeepsOnlyTracesInside()
    {
        var agent = $"agent-{Guid.NewGuid():N}";
        var before = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O");
        await _admin.CreateTraceAsync($$"""{"agent_id":"{{agent}}"}""");

        var (_, inside) = await _reader.GetJsonAsync($"/api/v1/traces?agent_id={agent}&start_time={Uri.EscapeDataString(before)}");
        var (_, outside) = await _reader.GetJsonAsync($"/api/v1/traces?agent_id={agent}&end_time=2020-01-01T00:00:00Z");

        Assert.Equal(1, inside.GetProperty("data").GetProperty("total").GetInt64());
        Assert.Equal(0, outside.GetProperty("data").GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("/api/v1/traces?page=0", "page must be a whole number from 1")]
    [InlineData("/api/v1/traces?page=-3", "page must be a whole number from 1")]
    [InlineData("/api/v1/traces?page_size=101", "page_size must be a whole number from 1 to 100")]
    [InlineData("/api/v1/traces?page_size=99999999999999999999", "page_size")]
    [InlineData("/api/v1/traces?page=abc", "page must be")]
    [InlineData("/api/v1/traces?status=sleeping", "status must be one of running, completed, failed, cancelled, interrupted")]
    [InlineData("/api/v1/traces?start_time=yesterday", "start_time must be an ISO 8601 time")]
    [InlineData("/api/v1/traces?start_time=2026-02-01T00:00:00Z&end_time=2026-01-01T00:00:00Z", "start_time must not be after end_time")]
    [InlineData("/api/v1/traces?agent_id=a%2Fb", "agent_id may contain only")]
    [InlineData("/api/v1/traces?page=1&page=2", "given 2 times")]
    [InlineData("/api/v1/agents/a%20b/traces", "agent_id may contain only")]
    public async Task List_BadQuery_IsBadRequest(string path, string fragment)
    {
        (await _reader.GetJsonAsync(path)).AssertError(HttpStatusCode.BadRequest, fragment);
    }

    [Fact]
    public async Task Events_FilteredAndPaged_WithTotal()
    {
        var taskId = await _admin.CreateTraceAsync();
        await _admin.AppendAsync(taskId, """
            [{"event_type":"workflow_started"},
             {"event_type":"node_started","component_id":"a"},{"event_type":"node_finished","component_id":"a"},
             {"event_type":"node_started","component_id":"b"},{"event_type":"node_finished","component_id":"b"},
             {"event_type":"workflow_completed"}]
            """);

        var (_, finished) = await _reader.GetJsonAsync($"/api/v1/traces/{taskId}/events?event_types=node_finished,%20workflow_completed");
        var (_, forB) = await _reader.GetJsonAsync($"/api/v1/traces/{taskId}/events?component_id=b");
        var (_, page) = await _reader.GetJsonAsync($"/api/v1/traces/{taskId}/events?offset=1&limit=2");
        var (_, after) = await _reader.GetJsonAsync($"/api/v1/traces/{taskId}/events?after_seq=4");

        Assert.Equal([3L, 5L, 6L], Seqs(finished));
        Assert.Equal([4L, 5L], Seqs(forB));
        Assert.Equal([2L, 3L], Seqs(page));
        Assert.Equal(6, page.GetProperty("data").GetProperty("total").GetInt64());
        Assert.Equal(2, page.GetProperty("data").GetProperty("count").GetInt32());
        Assert.Equal([5L, 6L], Seqs(after));
    }

    [Theory]
    [InlineData("limit=0", "limit must be a whole number from 1 to 1000")]
    [InlineData("limit=1001", "limit must be a whole number from 1 to 1000")]
    [InlineData("offset=-1", "offset must be")]
    [InlineData("after_seq=x", "after_seq must be")]
    [InlineData("event_types=node_started,nope", "unknown event type 'nope'")]
    public async Task Events_BadQuery_IsBadRequest(string query, string fragment)
    {
        var taskId = await _admin.CreateTraceAsync();

        (await _reader.GetJsonAsync($"/api/v1/traces/{taskId}/events?{query}")).AssertError(HttpStatusCode.BadRequest, fragment);
    }

    [Theory]
    [InlineData("/api/v1/traces/not-a-task-id/events")]
    [InlineData("/api/v1/traces/ABCDEF0123456789ABCDEF0123456789/summary")]
    [InlineData("/api/v1/traces/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0/summary")]
    [InlineData("/api/v1/traces/..%2F..%2Fetc%2Fpasswd/summary")]
    public async Task Routes_MalformedTaskId_IsBadRequest(string path)
    {
        (await _reader.GetJsonAsync(path)).AssertError(HttpStatusCode.BadRequest, "task_id must be 32 lowercase hexadecimal characters");
    }

    [Fact]
    public async Task Summary_UnknownTrace_IsNotFound()
    {
        (await _reader.GetJsonAsync($"/api/v1/traces/{new string('0', 32)}/summary")).AssertError(HttpStatusCode.NotFound, "was not found");
    }

    [Fact]
    public async Task Delete_RemovesTrace_ThenNotFound()
    {
        var taskId = await _admin.CreateTraceAsync();

        var (status, body) = await _admin.SendAsync(HttpMethod.Delete, $"/api/v1/traces/{taskId}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("data").GetProperty("deleted").GetBoolean());
        (await _reader.GetJsonAsync($"/api/v1/traces/{taskId}/summary")).AssertError(HttpStatusCode.NotFound, "was not found");
        (await _admin.SendAsync(HttpMethod.Delete, $"/api/v1/traces/{taskId}")).AssertError(HttpStatusCode.NotFound, "was not found");
    }

    [Fact]
    public async Task Cleanup_ZeroDays_DeletesOnlyCallersTenant()
    {
        using var otherFactory = new ApiFactory();
        var t1 = otherFactory.ClientFor(ApiFactory.T1Admin);
        var t2 = otherFactory.ClientFor(ApiFactory.T2Admin);
        await t1.CreateTraceAsync();
        await t1.CreateTraceAsync();
        var kept = await t2.CreateTraceAsync();

        var (status, body) = await t1.PostJsonAsync("/api/v1/traces/cleanup", """{"days":0}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, body.GetProperty("data").GetProperty("deleted").GetInt32());
        var (_, left) = await t2.GetJsonAsync("/api/v1/traces");
        Assert.Equal([kept], left.GetProperty("data").GetProperty("traces").EnumerateArray().Select(t => t.GetProperty("task_id").GetString()));
    }

    [Theory]
    [InlineData("""{"days":-1}""", "days must be from 0 to 36500")]
    [InlineData("""{"days":"seven"}""", "$.days")]
    [InlineData("""{}""", "required")]
    [InlineData("""{"days":1.5}""", "$.days")]
    public async Task Cleanup_BadBody_IsBadRequest(string body, string fragment)
    {
        (await _admin.PostJsonAsync("/api/v1/traces/cleanup", body)).AssertError(HttpStatusCode.BadRequest, fragment);
    }

    [Fact]
    public async Task Home_SaysWhereApiIs()
    {
        var html = await factory.CreateClient().GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains("/api/v1", html);
        Assert.Contains("/openapi/v1.json", html);
    }

    private static IEnumerable<long> Seqs(System.Text.Json.JsonElement body) =>
        body.GetProperty("data").GetProperty("events").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64());
}
