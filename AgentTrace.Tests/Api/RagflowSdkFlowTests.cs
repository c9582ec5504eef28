using System.Text.Json.Nodes;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Api;

/// <summary>
/// The RAGFlow Python SDK's documented agent flow against a real server on loopback, sent and read as the SDK does
/// (<see cref="RagflowSdkClient"/>): list the agents, create a session, ask streamed and not (with
/// <c>return_trace</c>), list the session with its messages, delete it. For the 0.25.0 and the 0.27.0 requests.
/// </summary>
public sealed class RagflowSdkFlowTests(LoopbackApiFactory server) : IClassFixture<LoopbackApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(SdkRelease.V0250)]
    [InlineData(SdkRelease.V0270)]
    public async Task Flow_ListCreateAskListDelete_WorksUnchanged(SdkRelease release)
    {
        using var http = server.RealClient();
        var sdk = new RagflowSdkClient(http, ApiFactory.T1Writer);

        var agents = await sdk.ListAgentsAsync();
        Assert.Contains(agents, a => a["id"]!.GetValue<string>() == "doc-qa");
        var agent = Assert.Single(await sdk.ListAgentsAsync(id: "doc-qa"));
        var session = await sdk.CreateSessionAsync(agent["id"]!.GetValue<string>());
        Assert.Equal("doc-qa", session["agent_id"]!.GetValue<string>());

        var streamed = await sdk.AskAsync(session, "How are secrets redacted?", stream: true, release, cancellationToken: Ct).ToListAsync(Ct);
        Assert.Contains("[REDACTED]", string.Concat(streamed.Select(m => m.Content)), StringComparison.Ordinal);

        var whole = Assert.Single(await sdk.AskAsync(session, "And tokens?", stream: false, release, new JsonObject { ["return_trace"] = true }, Ct).ToListAsync(Ct));
        Assert.False(string.IsNullOrEmpty(whole.Content));
        Assert.NotEmpty(whole.Reference!);

        var listed = Assert.Single(await sdk.ListSessionsAsync("doc-qa", id: session["id"]!.GetValue<string>()));
        var messages = listed["message"]!.AsArray().Select(m => (m!["role"]!.GetValue<string>(), m["content"]!.GetValue<string>())).ToList();
        Assert.Equal(["user", "assistant", "user", "assistant"], messages.Select(m => m.Item1));
        Assert.Equal("How are secrets redacted?", messages[0].Item2);
        Assert.Equal(whole.Content, messages[3].Item2);

        await sdk.DeleteSessionsAsync("doc-qa", [session["id"]!.GetValue<string>()]);
        Assert.Empty(await sdk.ListSessionsAsync("doc-qa", id: session["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Ask_InAnotherTenantsSession_IsRefusedWithRagflowsMessage()
    {
        using var http = server.RealClient();
        using var otherHttp = server.RealClient();
        var session = await new RagflowSdkClient(http, ApiFactory.T1Writer).CreateSessionAsync("doc-qa");
        var other = new RagflowSdkClient(otherHttp, ApiFactory.T2Admin);

        var refusal = await Assert.ThrowsAsync<RagflowSdkException>(() => other.ListSessionsAsync("doc-qa", id: "bad id"));
        Assert.Contains("id", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(await other.ListSessionsAsync("doc-qa", id: session["id"]!.GetValue<string>()));
        var missing = await Assert.ThrowsAsync<RagflowSdkException>(() => other.DeleteSessionsAsync("doc-qa", [session["id"]!.GetValue<string>()]));
        Assert.Contains($"no session {session["id"]}", missing.Message, StringComparison.Ordinal);
    }
}
