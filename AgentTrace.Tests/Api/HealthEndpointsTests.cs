using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Api;

public sealed class HealthEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Probes_InMemoryStore_AliveAndReadyWithoutKey()
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient();

        using var alive = await client.GetAsync("/healthz", Ct);
        using var ready = await client.GetAsync("/readyz", Ct);

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("healthy", (await ready.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
    }

    [Fact]
    public async Task RedisDownAtStart_ServerStartsNotReady_ThenRecordingFlushesWhenRedisComesUp()
    {
        await using var redis = RedisServer.NotStarted();
        await using var factory = new SettingsApiFactory(new Dictionary<string, string?> { ["AgentTrace:Storage:Redis"] = redis.ConnectionString });
        using var client = factory.ClientFor(ApiFactory.T1Writer);

        using var notReady = await client.GetAsync("/readyz", Ct);
        using var alive = await client.GetAsync("/healthz", Ct);
        var creating = client.PostAsJsonAsync("/api/v1/traces", new { agent_id = "agent-a" }, Ct);
        await redis.StartAsync();
        using var created = await creating;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        var reason = (await notReady.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("checks").GetProperty("store").GetProperty("description").GetString();
        Assert.Contains($"127.0.0.1:{redis.Port} is not connected", reason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var taskId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("data").GetProperty("task_id").GetString();
        using var read = await client.GetAsync($"/api/v1/traces/{taskId}/summary", Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var ready = await client.GetAsync("/readyz", Ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task RedisDown_ReadingTraces_IsServiceUnavailableWithRetryAfter()
    {
        await using var redis = RedisServer.NotStarted();
        await using var factory = new SettingsApiFactory(new Dictionary<string, string?> { ["AgentTrace:Storage:Redis"] = redis.ConnectionString });
        using var client = factory.ClientFor(ApiFactory.T1Reader);

        using var answer = await client.GetAsync("/api/v1/traces", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), answer.Headers.RetryAfter?.Delta);
        var message = (await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("message").GetString();
        Assert.Contains("the trace store (Redis) cannot be reached", message, StringComparison.Ordinal);
    }
}
