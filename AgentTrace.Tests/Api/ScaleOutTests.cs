using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentTrace.Domain.Model;
using AgentTrace.Tests.Support;
using AgentTrace.Web.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrace.Tests.Api;

/// <summary>Two server instances on one Redis: what one records, the other lists and streams live (SSE and hub).</summary>
public sealed class ScaleOutTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TraceRecordedOnInstanceA_IsStreamedLiveAndListedOnInstanceB()
    {
        var settings = new Dictionary<string, string?>
        {
            ["AgentTrace:Storage:Redis"] = redis.Server.ConnectionString,
            ["AgentTrace:Storage:RedisKeyPrefix"] = RedisFixture.NewOptions().RedisKeyPrefix,
        };
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
        Assert.IsType<RedisHubLifetimeManager<TraceHub>>(instanceB.Services.GetRequiredService<HubLifetimeManager<TraceHub>>());
        Assert.Equal(1, list.GetProperty("total").GetInt64());
        Assert.Equal(taskId, list.GetProperty("traces")[0].GetProperty("task_id").GetString());
        Assert.Equal("completed", list.GetProperty("traces")[0].GetProperty("status").GetString());
    }
}
