using System.Net;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Tests.Support;
using AgentTrace.Web.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrace.Tests.Api;

public sealed class TraceHubTests : IAsyncLifetime
{
    private readonly ApiFactory _factory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ITraceStore Store => _factory.Services.GetRequiredService<ITraceStore>();

    [Fact]
    public async Task WatchTrace_OwnTenant_StreamsStoredThenLiveEventsAndEndsWithTrace()
    {
        var session = Events.Session("t1");
        await Store.CreateAsync(session, Ct);
        await Store.AppendAsync("t1", session.TaskId, Events.Range(1, 3), Ct);
        await using var hub = await _factory.ConnectHubAsync(ApiFactory.T1Reader);

        var watching = hub.StreamAsync<TraceEvent>("WatchTrace", session.TaskId, 1L, Ct).ToListAsync(Ct).AsTask();
        await Store.AppendAsync("t1", session.TaskId, Events.Range(4, 6), Ct);
        await Store.CompleteAsync("t1", session.TaskId, new TraceCompletion { Status = TraceStatus.Completed, CompletedAt = Events.Start }, Ct);

        var seen = await watching.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal([2L, 3L, 4L, 5L, 6L], seen.Select(e => e.Seq));
        Assert.Equal("node-1", seen[0].ComponentId);
    }

    [Fact]
    public async Task WatchTrace_OtherTenantsTrace_FailsAsNotFoundAndGivesNothing()
    {
        var session = Events.Session("t1");
        await Store.CreateAsync(session, Ct);
        await Store.AppendAsync("t1", session.TaskId, Events.Range(1, 3), Ct);
        await using var hub = await _factory.ConnectHubAsync(ApiFactory.T2Admin);

        var received = new List<TraceEvent>();
        var error = await Assert.ThrowsAsync<HubException>(async () =>
        {
            await foreach (var e in hub.StreamAsync<TraceEvent>("WatchTrace", session.TaskId, 0L, Ct))
            {
                received.Add(e);
            }
        });

        Assert.Empty(received);
        Assert.Contains($"trace {session.TaskId} was not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchTraces_GivesOnlyTheCallersTenantsTraces()
    {
        await using var hub = await _factory.ConnectHubAsync(ApiFactory.T2Admin);
        await using var feed = hub.StreamAsync<TraceSession>("WatchTraces", Ct).GetAsyncEnumerator(Ct);

        var first = await Feeds.UntilLiveAsync(feed, () => Store.CreateAsync(Events.Session("t1"), Ct), () => Store.CreateAsync(Events.Session("t2"), Ct));

        var otherTenants = Events.Session("t1");
        var own = Events.Session("t2");
        await Store.CreateAsync(otherTenants, Ct);
        await Store.CreateAsync(own, Ct);
        var seen = new List<TraceSession> { first };
        while (seen[^1].TaskId != own.TaskId)
        {
            Assert.True(await feed.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct));
            seen.Add(feed.Current);
        }

        Assert.All(seen, s => Assert.Equal("t2", s.TenantId));
        Assert.DoesNotContain(seen, s => s.TaskId == otherTenants.TaskId);
    }

    [Fact]
    public async Task Connect_WithoutKey_IsRefused()
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(async () =>
        {
            await using var hub = await _factory.ConnectHubAsync(null);
        });

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Negotiate_KeyAsAccessTokenQueryParameter_IsAccepted()
    {
        using var client = _factory.CreateClient();

        using var withKey = await client.PostAsync($"{TraceHub.Path}/negotiate?negotiateVersion=1&access_token={ApiFactory.T2Admin}", null, Ct);
        using var withoutKey = await client.PostAsync($"{TraceHub.Path}/negotiate?negotiateVersion=1", null, Ct);

        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
