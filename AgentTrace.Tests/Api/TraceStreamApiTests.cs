using System.Net;
using System.Text.Json;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Api;

public sealed class TraceStreamApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly HttpClient _writer = factory.ClientFor(ApiFactory.T1Writer);

    [Fact]
    public async Task Stream_WhileAppending_InOrderNoGapHeartbeatAndDone()
    {
        var taskId = await _writer.CreateTraceAsync();
        await _writer.AppendAsync(taskId, """[{"event_type":"workflow_started"},{"event_type":"node_started","component_id":"a"}]""");
        using var response = await OpenStreamAsync(factory.ClientFor(ApiFactory.T1Reader), $"/api/v1/traces/{taskId}/stream");
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(Ct));

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl!.ToString());
        Assert.Equal("no", response.Headers.GetValues("X-Accel-Buffering").Single());
        var heartbeat = await ReadUntilCommentAsync(reader, 2);
        var appending = Task.Run(async () =>
        {
            for (var batch = 0; batch < 10; batch++)
            {
                await _writer.AppendAsync(taskId, $$"""[{"event_type":"node_finished","component_id":"b{{batch}}"},{"event_type":"node_started","component_id":"c{{batch}}"}]""");
            }

            await _writer.AppendAsync(taskId, """[{"event_type":"workflow_completed"}]""");
            await _writer.CompleteAsync(taskId);
        }, Ct);
        var frames = heartbeat.Frames.Concat(await reader.ReadToEndAsync(Ct)).ToList();
        await appending;

        Assert.Equal("heartbeat", heartbeat.Comment);
        var events = frames.Where(f => f.Event != "done").ToList();
        Assert.Equal(Enumerable.Range(1, 23).Select(i => (long?)i), events.Select(f => f.Id));
        Assert.Equal("workflow_started", events[0].Event);
        Assert.Equal("node_finished", events[2].Event);
        Assert.All(events, f => Assert.Equal(f.Id, JsonDocument.Parse(f.Data).RootElement.GetProperty("seq").GetInt64()));
        Assert.Equal(new SseFrame(null, "done", "[DONE]", null), frames[^1]);
    }

    [Fact]
    public async Task Stream_ResumeWithLastEventId_SendsOnlyLaterEvents()
    {
        var taskId = await _writer.CreateTraceAsync();
        await _writer.AppendAsync(taskId, string.Concat("[", string.Join(",", Enumerable.Repeat("""{"event_type":"node_started"}""", 8)), "]"));
        await _writer.CompleteAsync(taskId);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/traces/{taskId}/stream");
        request.Headers.Add("Last-Event-ID", "5");

        using var response = await _writer.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(Ct));
        var frames = await reader.ReadToEndAsync(Ct);

        Assert.Equal([6L, 7L, 8L, null], frames.Select(f => f.Id));
    }

    [Theory]
    [InlineData("8")]
    [InlineData("9")]
    public async Task Stream_ReconnectToFinishedTraceWithEveryEvent_IsNoContentSoEventSourceStops(string lastEventId)
    {
        var taskId = await _writer.CreateTraceAsync();
        await _writer.AppendAsync(taskId, string.Concat("[", string.Join(",", Enumerable.Repeat("""{"event_type":"node_started"}""", 8)), "]"));
        await _writer.CompleteAsync(taskId);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/traces/{taskId}/stream");
        request.Headers.Add("Last-Event-ID", lastEventId);

        using var response = await _writer.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Stream_FirstConnectToFinishedTrace_StillEndsWithDone()
    {
        var taskId = await _writer.CreateTraceAsync();
        await _writer.AppendAsync(taskId, """[{"event_type":"node_started"}]""");
        await _writer.CompleteAsync(taskId);

        using var response = await OpenStreamAsync(_writer, $"/api/v1/traces/{taskId}/stream?after_seq=1");
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([new SseFrame(null, "done", "[DONE]", null)], await reader.ReadToEndAsync(Ct));
    }

    [Fact]
    public async Task Stream_CompactFormat_SendsTimelineLines()
    {
        var taskId = await _writer.CreateTraceAsync();
        await _writer.AppendAsync(taskId, """[{"event_type":"node_finished","component_id":"llm_0","component_name":"Answer","elapsed_time":0.25}]""");
        await _writer.CompleteAsync(taskId);

        using var response = await OpenStreamAsync(_writer, $"/api/v1/traces/{taskId}/stream?format=compact&after_seq=0");
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(Ct));
        var first = (await reader.ReadToEndAsync(Ct))[0];

        var line = JsonDocument.Parse(first.Data).RootElement;
        Assert.Equal("node_finished", line.GetProperty("type").GetString());
        Assert.Equal(250, line.GetProperty("duration_ms").GetDouble());
    }

    [Fact]
    public async Task Stream_AccessTokenQuery_IsAccepted()
    {
        var taskId = await _writer.CreateTraceAsync();
        await _writer.CompleteAsync(taskId);

        using var response = await OpenStreamAsync(factory.CreateClient(), $"/api/v1/traces/{taskId}/stream?access_token={ApiFactory.T1Reader}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("format=xml", "unknown format 'xml'")]
    [InlineData("after_seq=-1", "after_seq must be")]
    public async Task Stream_BadQuery_IsBadRequest(string query, string fragment)
    {
        var taskId = await _writer.CreateTraceAsync();

        (await _writer.GetJsonAsync($"/api/v1/traces/{taskId}/stream?{query}")).AssertError(HttpStatusCode.BadRequest, fragment);
    }

    [Fact]
    public async Task Stream_BadLastEventId_IsBadRequest()
    {
        var taskId = await _writer.CreateTraceAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/traces/{taskId}/stream");
        request.Headers.Add("Last-Event-ID", "abc");

        using var response = await _writer.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Stream_UnknownTrace_IsNotFound()
    {
        (await _writer.GetJsonAsync($"/api/v1/traces/{new string('e', 32)}/stream")).AssertError(HttpStatusCode.NotFound, "was not found");
    }

    [Fact]
    public async Task Stream_BeyondStreamsPerKey_IsTooManyRequests_UntilOneCloses()
    {
        using var limited = new LimitedStreamsFactory();
        var client = limited.ClientFor(ApiFactory.T1Admin);
        var taskId = await client.CreateTraceAsync();
        var first = await OpenStreamAsync(client, $"/api/v1/traces/{taskId}/stream");
        var second = await OpenStreamAsync(client, $"/api/v1/traces/{taskId}/stream");

        var third = await client.GetJsonAsync($"/api/v1/traces/{taskId}/stream");
        third.AssertError(HttpStatusCode.TooManyRequests, "already has 2 streams open");

        first.Dispose();
        second.Dispose();
        await client.CompleteAsync(taskId);
        using var again = await OpenStreamAsync(client, $"/api/v1/traces/{taskId}/stream");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    private static async Task<HttpResponseMessage> OpenStreamAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static async Task<(string? Comment, List<SseFrame> Frames)> ReadUntilCommentAsync(SseReader reader, int framesBefore)
    {
        var frames = new List<SseFrame>();
        while (await reader.NextAsync(Ct) is { } frame)
        {
            if (frame.Comment is not null && frames.Count >= framesBefore)
            {
                return (frame.Comment, frames);
            }

            if (frame.Comment is null)
            {
                frames.Add(frame);
            }
        }

        return (null, frames);
    }

    private sealed class LimitedStreamsFactory() : ApiFactory(new Dictionary<string, string?> { ["AgentTrace:Limits:MaxStreamsPerKey"] = "2" });
}
