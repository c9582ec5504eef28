using AgentTrace.Domain.Agents.Conversations;
using AgentTrace.Tests.Support;
using Microsoft.Extensions.AI;

namespace AgentTrace.Tests.Storage;

/// <summary>What every <see cref="IConversationStore"/> must do; run against the in-memory store and Redis.</summary>
public abstract class ConversationStoreContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected ManualClock Clock { get; } = new(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));

    protected abstract IConversationStore NewStore(int maxMessages = 20);

    [Fact]
    public async Task Append_TwoTurns_MessagesAreInOrderWithRoles()
    {
        var store = NewStore();
        Assert.Null(await store.GetAsync("t1", "doc-qa", "s1", Ct));

        await store.AppendAsync("t1", "doc-qa", "s1", "first question", "first answer", Ct);
        await store.AppendAsync("t1", "doc-qa", "s1", "second question", "second answer", Ct);

        var messages = (await store.GetAsync("t1", "doc-qa", "s1", Ct))!.Messages;
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.User, ChatRole.Assistant], messages.Select(m => m.Role));
        Assert.Equal(["first question", "first answer", "second question", "second answer"], messages.Select(m => m.Content));
    }

    [Fact]
    public async Task Append_BeyondTheLimit_KeepsTheLastMessages()
    {
        var store = NewStore(maxMessages: 4);

        for (var turn = 1; turn <= 3; turn++)
        {
            await store.AppendAsync("t1", "doc-qa", "s1", $"q{turn}", $"a{turn}", Ct);
        }

        Assert.Equal(["q2", "a2", "q3", "a3"], (await store.GetAsync("t1", "doc-qa", "s1", Ct))!.Messages.Select(m => m.Content));
    }

    [Fact]
    public async Task Append_WithNoHistoryKept_KeepsTheConversationWithoutMessages()
    {
        var store = NewStore(maxMessages: 0);

        await store.AppendAsync("t1", "doc-qa", "s1", "q", "a", Ct);

        Assert.Empty((await store.GetAsync("t1", "doc-qa", "s1", Ct))!.Messages);
    }

    [Fact]
    public async Task Conversations_AreKeptApartByTenantAgentAndSession()
    {
        var store = NewStore();

        await store.AppendAsync("t1", "doc-qa", "s1", "q", "a", Ct);

        Assert.Null(await store.GetAsync("t2", "doc-qa", "s1", Ct));
        Assert.Null(await store.GetAsync("t1", "tool-assistant", "s1", Ct));
        Assert.Null(await store.GetAsync("t1", "doc-qa", "s2", Ct));
        Assert.Empty((await store.ListAsync("t2", "doc-qa", new ConversationQuery(), Ct)).Conversations);
        Assert.False(await store.DeleteAsync("t2", "doc-qa", "s1", Ct));
        Assert.NotNull(await store.GetAsync("t1", "doc-qa", "s1", Ct));
    }

    [Fact]
    public async Task Start_NewConversation_HasItsHolderNameAndTimesAndNoMessages()
    {
        var store = NewStore();

        var started = await store.StartAsync("t1", "doc-qa", new ConversationStart("s1", "user-7", "Billing"), Ct);

        Assert.Equal(("s1", "doc-qa", "user-7", "Billing"), (started.SessionId, started.AgentId, started.UserId, started.Name));
        Assert.Equal(Clock.GetUtcNow(), started.CreatedAt);
        Assert.Equal(Clock.GetUtcNow(), started.UpdatedAt);
        Assert.Empty(started.Messages);
        Assert.Equal(started, await store.GetAsync("t1", "doc-qa", "s1", Ct), ConversationComparer.Instance);
    }

    [Fact]
    public async Task Start_ExistingConversation_ReturnsItUnchanged()
    {
        var store = NewStore();
        await store.StartAsync("t1", "doc-qa", new ConversationStart("s1", "user-7"), Ct);
        await store.AppendAsync("t1", "doc-qa", "s1", "q", "a", Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await store.StartAsync("t1", "doc-qa", new ConversationStart("s1", "someone-else", "renamed"), Ct);

        Assert.Equal("user-7", again.UserId);
        Assert.Null(again.Name);
        Assert.Equal(["q", "a"], again.Messages.Select(m => m.Content));
    }

    [Fact]
    public async Task Append_LaterTurn_MovesTheUpdateTimeButNotTheStart()
    {
        var store = NewStore();
        var start = Clock.GetUtcNow();
        await store.StartAsync("t1", "doc-qa", new ConversationStart("s1"), Ct);
        Clock.Advance(TimeSpan.FromMinutes(5));

        await store.AppendAsync("t1", "doc-qa", "s1", "q", "a", Ct);

        var conversation = (await store.GetAsync("t1", "doc-qa", "s1", Ct))!;
        Assert.Equal(start, conversation.CreatedAt);
        Assert.Equal(start.AddMinutes(5), conversation.UpdatedAt);
    }

    [Fact]
    public async Task List_OrdersByUpdateOrStartTimeEitherWayAndPages()
    {
        var store = NewStore();
        foreach (var id in new[] { "s1", "s2", "s3" })
        {
            await store.StartAsync("t1", "doc-qa", new ConversationStart(id), Ct);
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await store.AppendAsync("t1", "doc-qa", "s1", "q", "a", Ct);
        await store.StartAsync("t1", "other-agent", new ConversationStart("s9"), Ct);

        Assert.Equal(["s1", "s3", "s2"], await Ids(store, new ConversationQuery()));
        Assert.Equal(["s3", "s2", "s1"], await Ids(store, new ConversationQuery { OrderBy = ConversationOrder.CreatedAt }));
        Assert.Equal(["s1", "s2", "s3"], await Ids(store, new ConversationQuery { OrderBy = ConversationOrder.CreatedAt, Descending = false }));
        var second = await store.ListAsync("t1", "doc-qa", new ConversationQuery { Page = 2, PageSize = 2 }, Ct);
        Assert.Equal(["s2"], second.Conversations.Select(c => c.SessionId));
        Assert.Equal(3, second.Total);
    }

    [Fact]
    public async Task List_BySessionOrUser_FindsOnlyThose()
    {
        var store = NewStore();
        foreach (var (id, user) in new[] { ("s1", "ann"), ("s2", "bob"), ("s3", "ann") })
        {
            await store.StartAsync("t1", "doc-qa", new ConversationStart(id, user), Ct);
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(["s2"], await Ids(store, new ConversationQuery { SessionId = "s2" }));
        Assert.Empty(await Ids(store, new ConversationQuery { SessionId = "s2", UserId = "ann" }));
        Assert.Empty(await Ids(store, new ConversationQuery { SessionId = "missing" }));
        var ann = await store.ListAsync("t1", "doc-qa", new ConversationQuery { UserId = "ann", OrderBy = ConversationOrder.CreatedAt, Descending = false }, Ct);
        Assert.Equal(["s1", "s3"], ann.Conversations.Select(c => c.SessionId));
        Assert.Equal(2, ann.Total);
    }

    [Fact]
    public async Task Delete_RemovesTheConversationFromReadsAndLists()
    {
        var store = NewStore();
        await store.AppendAsync("t1", "doc-qa", "s1", "q", "a", Ct);
        await store.StartAsync("t1", "doc-qa", new ConversationStart("s2"), Ct);

        Assert.True(await store.DeleteAsync("t1", "doc-qa", "s1", Ct));

        Assert.False(await store.DeleteAsync("t1", "doc-qa", "s1", Ct));
        Assert.Null(await store.GetAsync("t1", "doc-qa", "s1", Ct));
        var left = await store.ListAsync("t1", "doc-qa", new ConversationQuery(), Ct);
        Assert.Equal(["s2"], left.Conversations.Select(c => c.SessionId));
        Assert.Equal(1, left.Total);
    }

    private static async Task<IReadOnlyList<string>> Ids(IConversationStore store, ConversationQuery query) =>
        [.. (await store.ListAsync("t1", "doc-qa", query, Ct)).Conversations.Select(c => c.SessionId)];

    /// <summary>Conversations compared by value, messages included.</summary>
    private sealed class ConversationComparer : IEqualityComparer<Conversation?>
    {
        public static readonly ConversationComparer Instance = new();

        public bool Equals(Conversation? x, Conversation? y) =>
            x is not null && y is not null && (x with { Messages = [] }) == (y with { Messages = [] }) && x.Messages.SequenceEqual(y.Messages);

        public int GetHashCode(Conversation? obj) => obj?.SessionId.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
