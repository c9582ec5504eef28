using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Tests.Components;
using AgentTrace.Tests.Support;
using AgentTrace.Web.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentTrace.Tests.Model;

public sealed class LiveTraceTests : DashboardTest
{
    [Fact]
    public async Task LiveTrace_DisposedTwiceAfterTheTraceEnded_DoesNotThrow()
    {
        var taskId = await Store.SaveAsync(Tenant, SampleRuns.Rag(), TraceStatus.Running);
        var finished = new TaskCompletionSource();
        var live = new LiveTrace(Reader, Services.GetRequiredService<TraceAnalyzer>(), Clock, NullLogger.Instance);
        Assert.True(await live.OpenAsync(Tenant, taskId, action => { action(); return Task.CompletedTask; }, () =>
        {
            if (live.View?.Session.IsFinished == true)
            {
                finished.TrySetResult();
            }
        }));

        await Store.CompleteAsync(Tenant, taskId, new TraceCompletion { Status = TraceStatus.Completed, CompletedAt = TraceBuilder.Origin.AddSeconds(2) }, Ct);
        await finished.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        await live.DisposeAsync();
        await live.DisposeAsync();
        Assert.Equal(TraceStatus.Completed, live.View!.Session.Status);
    }

    [Fact]
    public async Task LiveTrace_WatchFails_LogsItAndSaysSoWithoutInternals()
    {
        var taskId = await Store.SaveAsync(Tenant, SampleRuns.Rag(), TraceStatus.Running);
        var reader = new BrokenWatchReader(Reader, new InvalidOperationException("System.Private.CoreLib: stream 7 is corrupt"));
        var logs = new LogRecorder();
        var failed = new TaskCompletionSource();
        var live = new LiveTrace(reader, Services.GetRequiredService<TraceAnalyzer>(), Clock, new LoggerFactory([logs]).CreateLogger("live"));

        Assert.True(await live.OpenAsync(Tenant, taskId, action => { action(); return Task.CompletedTask; }, () =>
        {
            if (live.Failure is not null)
            {
                failed.TrySetResult();
            }
        }));
        await failed.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal("The live view of this trace stopped: an unexpected error occurred (the server log has the details). What arrived before is still shown; reload the page to follow it again.", live.Failure);
        Assert.Null(live.LiveSeconds);
        Assert.Equal(15, live.View!.Events.Count);
        var logged = Assert.Single(logs.Entries);
        Assert.Equal((LogLevel.Error, 1004), (logged.Level, logged.EventId.Id));
        Assert.Contains(taskId, logged.Message);
        Assert.IsType<InvalidOperationException>(logged.Exception);
        await live.DisposeAsync();
    }
}
