using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Domain.Agents;

/// <summary>Runner tests whose LLM is a Chat Completions server on loopback, serving the model <c>fake-model</c>.</summary>
public abstract class FakeLlmAgentTests : IAsyncLifetime
{
    protected FakeChatServer Llm { get; private set; } = null!;

    protected AgentHost Host { get; private set; } = null!;

    /// <summary>Settings the tests need besides the LLM's endpoint and model.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public virtual async ValueTask InitializeAsync()
    {
        Llm = await FakeChatServer.StartAsync();
        Host = await AgentHost.StartAsync(new Dictionary<string, string?>(ExtraSettings)
        {
            ["AgentTrace:Llm:Endpoint"] = Llm.Endpoint,
            ["AgentTrace:Llm:Model"] = "fake-model",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Llm.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
