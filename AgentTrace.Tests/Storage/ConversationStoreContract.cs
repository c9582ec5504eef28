using AgentTrace.Domain.Agents.Conversations;
using Microsoft.Extensions.AI;

namespace AgentTrace.Tests.Storage;

/// <summary>What every <see cref="IConversationStore"/> must do; run against the in-memory store and Redis.</summary>
public abstract class ConversationStoreContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract IConversationStore NewStore(int maxMessages);

    [Fact]
    public async Task Append_TwoTurns_HistoryHasThemInOrderWithRoles()
    {
        var store = NewStore(maxMessages: 20);
        Assert.Empty(await store.HistoryAsync("t1", "doc-qa", "s1", Ct));

        await store.AppendAsync("t1", "doc-qa", "s1", "first question", "first answer", Ct);
        await store.AppendAsync("t1", "doc-qa", "s1", "second question", "second answer", Ct);

        var history = await store.HistoryAsync("t1", "doc-qa", "s1", Ct);
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.User, ChatRole.Assistant], history.Select(m => m.Role));
        Assert.Equal(["first question", "first answer", "second question", "second answer"], history.Select(m => m.Text));
    }

    [Fact]
    public async Task Append_BeyondTheLimit_KeepsTheLastMessages()
    {
        var store = NewStore(maxMessages: 4);

        for (var turn = 1; turn <= 3; turn++)
        {
            await store.AppendAsync("t1", "doc-qa", "s1", $"q{turn}", $"a{turn}", Ct);
        }

        Assert.Equal(["q2", "a2", "q3", "a3"], (await store.HistoryAsync("t1", "doc-qa", "s1", Ct)).Select(m => m.Text));
    }

    [Fact]
    public async Task Conversations_AreKeptApartByTenantAgentAndSession()
    {
        var store = NewStore(maxMessages: 20);

        await store.AppendAsync("t1", "doc-qa", "s1", "q", "a", Ct);

        Assert.Empty(await store.HistoryAsync("t2", "doc-qa", "s1", Ct));
        Assert.Empty(await store.HistoryAsync("t1", "tool-assistant", "s1", Ct));
        Assert.Empty(await store.HistoryAsync("t1", "doc-qa", "s2", Ct));
    }
}
