using AgentTrace.Domain.Agents.Catalog;
using AgentTrace.Domain.Agents.Definitions;
using AgentTrace.Tests.Domain.Agents;

namespace AgentTrace.Tests.Storage;

/// <summary>What every <see cref="IAgentStore"/> must do; run against the in-memory store and Redis.</summary>
public abstract class AgentStoreContract
{
    private static readonly AgentDefinition s_echo = AgentValidatorTests.Parse("""
        {"id": "echo", "name": "Echo", "components": {"begin": {"type": "Begin", "downstream": ["m"]}, "m": {"type": "Message", "content": "{sys.query}"}}}
        """);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract IAgentStore NewStore();

    [Fact]
    public async Task Put_AddsThenReplaces_AndTheDefinitionReadsBackWhole()
    {
        var store = NewStore();

        Assert.Equal(AgentPutOutcome.Added, await store.PutAsync("t1", s_echo, 10, Ct));
        Assert.Equal(AgentPutOutcome.Replaced, await store.PutAsync("t1", s_echo with { Name = "Echo 2" }, 10, Ct));

        var read = (await store.GetAsync("t1", "echo", Ct))!;
        Assert.Equal("Echo 2", read.Name);
        Assert.Equal(["begin", "m"], read.Components.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("{sys.query}", read.Components["m"].Content);
        Assert.Equal(["echo"], (await store.ListAsync("t1", Ct)).Select(a => a.Id));
    }

    [Fact]
    public async Task Tenants_SeeOnlyTheirOwnAgents()
    {
        var store = NewStore();
        await store.PutAsync("t1", s_echo, 10, Ct);

        Assert.Null(await store.GetAsync("t2", "echo", Ct));
        Assert.Empty(await store.ListAsync("t2", Ct));
        Assert.False(await store.DeleteAsync("t2", "echo", Ct));
        Assert.True(await store.DeleteAsync("t1", "echo", Ct));
        Assert.Null(await store.GetAsync("t1", "echo", Ct));
    }

    [Fact]
    public async Task Put_BeyondTheTenantsLimit_IsRefusedButReplacingIsNot()
    {
        var store = NewStore();
        await store.PutAsync("t1", s_echo, 1, Ct);

        Assert.Equal(AgentPutOutcome.TooMany, await store.PutAsync("t1", s_echo with { Id = "other" }, 1, Ct));
        Assert.Equal(AgentPutOutcome.Replaced, await store.PutAsync("t1", s_echo, 1, Ct));
        Assert.Equal(AgentPutOutcome.Added, await store.PutAsync("t2", s_echo with { Id = "other" }, 1, Ct));
        Assert.Null(await store.GetAsync("t1", "other", Ct));
    }
}
