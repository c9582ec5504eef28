using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Domain.Storage.InMemory;
using AgentTrace.Tests.Support;
using AgentTrace.Web.Model;
using Microsoft.Extensions.Options;

namespace AgentTrace.Tests.Model;

/// <summary>
/// The Traces page's view model over the real in-memory store, given the notices the feed gives (each trace as the
/// store holds it after a change); the observed reader counts how often the list is read.
/// </summary>
public sealed class TracesViewModelTests
{
    private const string Tenant = "t1";

    private readonly InMemoryTraceStore _store = new(Options.Create(new InMemoryStoreOptions()));
    private readonly ObservedReader _reader;
    private readonly TracesViewModel _model;

    /// <remarks>The page is read an hour after the sample runs began: traces created later are new to it.</remarks>
    public TracesViewModelTests()
    {
        _reader = new ObservedReader(_store);
        _model = new TracesViewModel(_reader, Tenant, new ManualClock(TraceBuilder.Origin.AddHours(1))) { Count = 2 };
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Apply_NewMatchingTrace_IsInsertedFirstThePageKeepsItsSizeAndTheTotalCountsIt()
    {
        var (_, second, third) = await SaveThreeAsync();
        await RowsAsync(third, second);

        var added = await SaveAsync(minute: 70, TraceStatus.Running);

        Assert.True(await ApplyAsync(added));
        Assert.Equal([added, third], _model.Rows.Select(r => r.TaskId));
        Assert.Equal(4, _model.Total);
        Assert.Equal(1, _reader.ListCalls);
    }

    [Fact]
    public async Task Apply_AppendToAListedTrace_ReplacesItsRowInPlace()
    {
        var first = await SaveAsync(minute: 1);
        var running = await SaveAsync(minute: 2, TraceStatus.Running, events: 3);
        await RowsAsync(running, first);

        await _store.AppendMovedAsync(Tenant, running, SampleRuns.Rag().Events.Skip(3), TimeSpan.Zero);

        Assert.True(await ApplyAsync(running));
        Assert.Equal([running, first], _model.Rows.Select(r => r.TaskId));
        Assert.Equal(165, _model.Rows[0].Summary.TotalTokens);
        Assert.Equal(2, _model.Total);
        Assert.Equal(1, _reader.ListCalls);
    }

    [Fact]
    public async Task Apply_NoticeOlderThanTheRow_IsIgnored()
    {
        var running = await SaveAsync(minute: 1, TraceStatus.Running, events: 3);
        await RowsAsync(running);
        var older = (await _store.GetAsync(Tenant, running, Ct))!;
        await _store.AppendMovedAsync(Tenant, running, SampleRuns.Rag().Events.Skip(3), TimeSpan.Zero);

        Assert.True(await ApplyAsync(running));
        Assert.False(await _model.ApplyAsync([older], Ct));

        Assert.Equal(15, _model.Rows[0].LastSeq);
    }

    [Fact]
    public async Task Apply_ListedTraceStopsMatching_LeavesAndTheNextMovesUp()
    {
        _model.Filter = new TraceFilter { Status = TraceStatus.Running };
        var first = await SaveAsync(minute: 1, TraceStatus.Running);
        var second = await SaveAsync(minute: 2, TraceStatus.Running);
        var third = await SaveAsync(minute: 3, TraceStatus.Running);
        await RowsAsync(third, second);

        await CompleteAsync(third);

        Assert.True(await ApplyAsync(third));
        Assert.Equal([second, first], _model.Rows.Select(r => r.TaskId));
        Assert.Equal(2, _model.Total);
        Assert.Equal(2, _reader.ListCalls);
    }

    [Fact]
    public async Task Apply_TraceOffThePageStopsMatching_TheTotalDropsAndTheRowsStay()
    {
        _model.Filter = new TraceFilter { Status = TraceStatus.Running };
        var first = await SaveAsync(minute: 1, TraceStatus.Running);
        var second = await SaveAsync(minute: 2, TraceStatus.Running);
        var third = await SaveAsync(minute: 3, TraceStatus.Running);
        await RowsAsync(third, second);

        await CompleteAsync(first);

        Assert.True(await ApplyAsync(first));
        Assert.Equal([third, second], _model.Rows.Select(r => r.TaskId));
        Assert.Equal(2, _model.Total);
        Assert.Equal(1, _reader.ListCalls);
    }

    [Fact]
    public async Task Apply_TraceFinishesIntoTheStatusFilter_IsInsertedAtItsPlace()
    {
        _model.Count = 5;
        _model.Filter = new TraceFilter { Status = TraceStatus.Completed };
        var first = await SaveAsync(minute: 1);
        var running = await SaveAsync(minute: 2, TraceStatus.Running);
        var third = await SaveAsync(minute: 3);
        await RowsAsync(third, first);

        await CompleteAsync(running);

        Assert.True(await ApplyAsync(running));
        Assert.Equal([third, running, first], _model.Rows.Select(r => r.TaskId));
        Assert.Equal(3, _model.Total);
    }

    [Fact]
    public async Task Apply_ChangeOfATraceBeyondThePage_ChangesNothing()
    {
        var first = await SaveAsync(minute: 1, TraceStatus.Running, events: 3);
        var second = await SaveAsync(minute: 2);
        var third = await SaveAsync(minute: 3);
        await RowsAsync(third, second);

        await _store.AppendMovedAsync(Tenant, first, SampleRuns.Rag().Events.Skip(3), TimeSpan.Zero);
        await CompleteAsync(first);

        Assert.False(await ApplyAsync(first));
        Assert.Equal([third, second], _model.Rows.Select(r => r.TaskId));
        Assert.Equal(3, _model.Total);
    }

    [Fact]
    public async Task Apply_NewTraceOfAnotherAgent_IsNeitherShownNorCounted()
    {
        _model.Filter = new TraceFilter { AgentId = "support-bot" };
        var listed = await SaveAsync(minute: 1, agentId: "support-bot");
        await RowsAsync(listed);

        var other = await SaveAsync(minute: 70, agentId: "billing-bot");

        Assert.False(await ApplyAsync(other));
        Assert.Equal([listed], _model.Rows.Select(r => r.TaskId));
        Assert.Equal(1, _model.Total);
    }

    [Fact]
    public async Task Apply_NewTraceWhileALaterPageIsShown_IsCountedAndTheRowsHoldStill()
    {
        var zeroth = await SaveAsync(minute: 0);
        var (first, _, _) = await SaveThreeAsync();
        _model.StartIndex = 2;
        await RowsAsync(first, zeroth);

        var added = await SaveAsync(minute: 70);

        Assert.True(await ApplyAsync(added));
        Assert.Equal([first, zeroth], _model.Rows.Select(r => r.TaskId));
        Assert.Equal(5, _model.Total);
    }

    [Fact]
    public async Task GetTraces_FiltersOrPageChange_ReadsAgainOtherwiseNot()
    {
        await SaveThreeAsync();
        await _model.GetTracesAsync(Ct);
        await _model.GetTracesAsync(Ct);
        _model.Filter = new TraceFilter();
        await _model.GetTracesAsync(Ct);
        Assert.Equal(1, _reader.ListCalls);

        _model.Filter = new TraceFilter { Status = TraceStatus.Completed };
        await _model.GetTracesAsync(Ct);
        _model.StartIndex = 2;
        var (rows, total) = await _model.GetTracesAsync(Ct);

        Assert.Equal(3, _reader.ListCalls);
        Assert.Single(rows);
        Assert.Equal(3, total);
    }

    /// <summary>Three completed traces, created a minute apart; returned oldest first.</summary>
    private async Task<(string First, string Second, string Third)> SaveThreeAsync() =>
        (await SaveAsync(minute: 1), await SaveAsync(minute: 2), await SaveAsync(minute: 3));

    private Task<string> SaveAsync(int minute, TraceStatus status = TraceStatus.Completed, int? events = null, string agentId = "agent-1")
    {
        var run = SampleRuns.Rag();
        var stored = new TraceBuilder();
        foreach (var e in run.Events.Take(events ?? run.Events.Count))
        {
            stored.Add(e);
        }

        return _store.SaveAsync(Tenant, stored, status, TraceBuilder.Origin.AddMinutes(minute), agentId);
    }

    private Task CompleteAsync(string taskId) =>
        _store.CompleteAsync(Tenant, taskId, new TraceCompletion { Status = TraceStatus.Completed, CompletedAt = TraceBuilder.Origin.AddHours(1) }, Ct);

    /// <summary>Reads the page and checks it shows these traces, in this order.</summary>
    private async Task RowsAsync(params string[] taskIds)
    {
        var (rows, _) = await _model.GetTracesAsync(Ct);
        Assert.Equal(taskIds, rows.Select(r => r.TaskId));
    }

    /// <summary>Applies the notice the feed gives after a change of <paramref name="taskId"/>: the trace as stored now.</summary>
    private async Task<bool> ApplyAsync(string taskId) => await _model.ApplyAsync([(await _store.GetAsync(Tenant, taskId, Ct))!], Ct);
}
