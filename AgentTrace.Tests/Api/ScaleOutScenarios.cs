using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentTrace.Domain.Agents.Runtime;
using AgentTrace.Domain.Model;
using AgentTrace.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrace.Tests.Api;

/// <summary>
/// Two server instances on one Redis (a standalone server or a cluster, per derived class): what one records, the
/// other lists and streams live (SSE and hub); a run on one is cancelled
/// through the other; agents and conversations are shared.
/// </summary>
public abstract class ScaleOutScenarios(RedisStoreFixture redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TraceRecordedOnInstanceA_IsStreamedLiveAndListedOnInstanceB()
    {
        var settings = SharedRedis();
        await using var instanceA = new SettingsApiFactory(settings);
        await using var instanceB = new SettingsApiFactory(settings);
        using var clientA = instanceA.ClientFor(ApiFactory.T1Writer);
        using var clientB = instanceB.ClientFor(ApiFactory.T1Reader);
        using var created = await clientA.PostAsJsonAsync("/api/v1/traces", new { agent_id = "agent-a" }, Ct);
        var taskId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("data").GetProperty("task_id").GetString()!;
        await using var hubOnB = await instanceB.ConnectHubAsync(ApiFactory.T1Reader);

        var watching = hubOnB.StreamAsync<TraceEvent>("WatchTrace", taskId, 0L, Ct).ToListAsync(Ct).AsTask();
        using var sseOnB = await clientB.GetAsync($"/api/v1/traces/{taskId}/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
        using var sse = new SseReader(await sseOnB.Content.ReadAsStreamAsync(Ct));
        var streaming = sse.ReadToEndAsync(Ct);
        for (var batch = 0; batch < 10; batch++)
        {
            var events = Enumerable.Range(0, 10).Select(_ => new { event_type = "node_started", component_id = "node-1" });
            using var appended = await clientA.PostAsJsonAsync($"/api/v1/traces/{taskId}/events", new { events }, Ct);
            Assert.Equal(HttpStatusCode.OK, appended.StatusCode);
        }

        using var completed = await clientA.PostAsJsonAsync($"/api/v1/traces/{taskId}/complete", new { status = "completed" }, Ct);
        var seen = await watching.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var frames = await streaming.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var list = (await clientB.GetFromJsonAsync<JsonElement>("/api/v1/traces", Ct)).GetProperty("data");

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), seen.Select(e => e.Seq));
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long?)i), frames.Where(f => f.Event != "done").Select(f => f.Id));
        Assert.Equal(1, list.GetProperty("total").GetInt64());
        Assert.Equal(taskId, list.GetProperty("traces")[0].GetProperty("task_id").GetString());
        Assert.Equal("completed", list.GetProperty("traces")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task RunOnInstanceA_CancelledThroughInstanceB_EndsCancelled()
    {
        await using var llm = await FakeChatServer.StartAsync();
        llm.Enqueue(new FakeReply { Text = "too late", Delay = TimeSpan.FromSeconds(30) });
        var settings = new Dictionary<string, string?>(SharedRedis())
        {
            ["AgentTrace:Llm:Endpoint"] = llm.Endpoint,
            ["AgentTrace:Llm:Model"] = "fake-model",
        };
        await using var instanceA = new SettingsApiFactory(settings);
        await using var instanceB = new SettingsApiFactory(settings);
        using var clientA = instanceA.ClientFor(ApiFactory.T1Writer);
        using var clientB = instanceB.ClientFor(ApiFactory.T1Writer);
        using var run = await clientA.PostStreamAsync("/api/v1/agents/doc-qa/completions/trace", """{"question":"Which levels record thinking events?"}""");
        using var frames = new SseReader(await run.Content.ReadAsStreamAsync(Ct));
        while (await frames.NextAsync(Ct) is { } frame && frame.Event != "llm_call_started")
        {
        }

        var (status, body) = await clientB.PostJsonAsync($"/api/v1/traces/{run.TraceId()}/cancel", "");
        var rest = await frames.ReadToEndAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("cancelled", body.GetProperty("data").GetProperty("status").GetString());
        Assert.Contains(rest, f => f.Event == "workflow_cancelled");
        var stored = await clientB.GetJsonAsync($"/api/v1/traces/{run.TraceId()}?format=compact");
        Assert.Equal("cancelled", stored.Body.GetProperty("data").GetProperty("status").GetString());
    }

    [Fact]
    public async Task IngestedTraceRunning_CancelOnAnyInstance_IsConflictNamingIngestOnceEveryServerSaidNo()
    {
        var settings = SharedRedis();
        await using var instanceA = new SettingsApiFactory(settings);
        await using var instanceB = new SettingsApiFactory(settings);
        using var clientA = instanceA.ClientFor(ApiFactory.T1Writer);
        using var clientB = instanceB.ClientFor(ApiFactory.T1Writer);
        using var created = await clientA.PostAsJsonAsync("/api/v1/traces", new { agent_id = "agent-a" }, Ct);
        var taskId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("data").GetProperty("task_id").GetString()!;
        // Longer than the test may take: only the servers' answers can end the asking in time.
        ((RedisRunSignals)instanceB.Services.GetRequiredService<IRunSignals>()).AnswerWait = TimeSpan.FromMinutes(10);

        (await clientB.PostJsonAsync($"/api/v1/traces/{taskId}/cancel", "").WaitAsync(TimeSpan.FromSeconds(30), Ct))
            .AssertError(HttpStatusCode.Conflict, "recorded through the ingest API");
    }

    [Fact]
    public async Task AgentPutOnInstanceA_IsRunOnInstanceB_AndOutlivesA_ForItsTenantOnly()
    {
        var settings = SharedRedis();
        var instanceA = new SettingsApiFactory(settings);
        await using var instanceB = new SettingsApiFactory(settings);
        var put = await instanceA.ClientFor(ApiFactory.T1Writer).SendAsync(HttpMethod.Put, "/api/v1/agents/echo", """
            {"name": "Echo", "components": {"begin": {"type": "Begin", "downstream": ["m"]}, "m": {"type": "Message", "content": "You said: {sys.query}"}}}
            """);
        await instanceA.DisposeAsync();

        var (status, body) = await instanceB.ClientFor(ApiFactory.T1Writer).PostJsonAsync("/api/v1/agents/echo/completions/trace", """{"question":"hello","stream":false}""");

        Assert.Equal(HttpStatusCode.Created, put.Status);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("You said: hello", body.GetProperty("data").GetProperty("answer").GetString());
        (await instanceB.ClientFor(ApiFactory.T2Admin).GetJsonAsync("/api/v1/agents/echo")).AssertError(HttpStatusCode.NotFound, "agent echo");
    }

    [Fact]
    public async Task ConversationStartedOnInstanceA_ContinuesOnInstanceB_WithItsHistory()
    {
        var settings = SharedRedis();
        await using var instanceA = new SettingsApiFactory(settings);
        await using var instanceB = new SettingsApiFactory(settings);
        var (_, first) = await instanceA.ClientFor(ApiFactory.T1Writer).PostJsonAsync("/api/v1/agents/doc-qa/completions/trace",
            """{"question":"How are secrets redacted?","stream":false,"session_id":"conv-ab"}""");
        var clientB = instanceB.ClientFor(ApiFactory.T1Writer);

        var (status, second) = await clientB.PostJsonAsync("/api/v1/agents/doc-qa/completions/trace",
            """{"question":"Which levels record thinking events?","stream":false,"session_id":"conv-ab"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var taskId = second.GetProperty("data").GetProperty("task_id").GetString();
        var events = (await clientB.GetJsonAsync($"/api/v1/traces/{taskId}/events?event_types=llm_call_started")).Body.GetProperty("data").GetProperty("events");
        var messages = events[0].GetProperty("llm").GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["system", "user", "assistant", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("How are secrets redacted?", messages[1].GetProperty("content").GetString());
        Assert.StartsWith(first.GetProperty("data").GetProperty("answer").GetString()![..40], messages[2].GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    private Dictionary<string, string?> SharedRedis() => new()
    {
        ["AgentTrace:Storage:Redis"] = redis.ConnectionString,
        ["AgentTrace:Storage:RedisKeyPrefix"] = RedisStoreFixture.NewOptions().RedisKeyPrefix,
    };
}
