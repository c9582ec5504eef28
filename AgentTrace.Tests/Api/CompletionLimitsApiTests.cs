using System.Net;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Api;

/// <summary>Streamed runs count against the key's open streams, like every other stream.</summary>
public sealed class CompletionLimitsApiTests : IAsyncLifetime
{
    private FakeChatServer _llm = null!;
    private ApiFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        _llm = await FakeChatServer.StartAsync();
        _factory = new OneStreamFactory(_llm.Endpoint);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _llm.DisposeAsync();
    }

    [Fact]
    public async Task SecondStream_OfTheSameKey_IsRefusedWhileTheFirstIsOpen()
    {
        _llm.Enqueue(new FakeReply { Text = "slow", Delay = TimeSpan.FromSeconds(30) });
        var writer = _factory.ClientFor(ApiFactory.T1Writer);
        using var first = await writer.PostStreamAsync("/api/v1/agents/doc-qa/completions/trace", """{"question":"hi"}""");
        using var reader = new SseReader(await first.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        while (await reader.NextAsync(TestContext.Current.CancellationToken) is { Event: not "llm_call_started" })
        {
        }

        var second = await writer.PostJsonAsync("/api/v1/agents/doc-qa/completions", """{"question":"hi"}""");
        var admin = _factory.ClientFor(ApiFactory.T1Admin);
        await admin.SendAsync(HttpMethod.Put, "/api/v1/agents/echo", """{"components": {"begin": {"type": "Begin", "downstream": ["m"]}, "m": {"type": "Message", "content": "{sys.query}"}}}""");
        var other = await admin.PostJsonAsync("/api/v1/agents/echo/completions", """{"question":"hi","stream":false}""");
        await writer.PostJsonAsync($"/api/v1/traces/{first.TraceId()}/cancel", "");

        second.AssertRagflowError(HttpStatusCode.TooManyRequests, 103, "already has 1 streams open");
        Assert.Equal(HttpStatusCode.OK, other.Status);
    }

    private sealed class OneStreamFactory(string endpoint) : ApiFactory(new Dictionary<string, string?>
    {
        ["AgentTrace:Llm:Endpoint"] = endpoint,
        ["AgentTrace:Llm:Model"] = "fake-model",
        ["AgentTrace:Limits:MaxStreamsPerKey"] = "1",
    });
}
