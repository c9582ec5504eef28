using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Tests.Components;
using AgentTrace.Tests.Support;
using AgentTrace.Web.Model;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrace.Tests.Model;

public sealed class LiveTraceTests : DashboardTest
{
    [Fact]
    public async Task LiveTrace_DisposedAfterTheTraceEnded_DoesNotThrow()
    {
        var taskId = await Store.SaveAsync(Tenant, SampleRuns.Rag(), TraceStatus.Running);
        var finished = new TaskCompletionSource();
        var live = new LiveTrace(Reader, Services.GetRequiredService<TraceAnalyzer>(), TimeProvider.System);
        Assert.True(await live.OpenAsync(Tenant, taskId, action => { action(); return Task.CompletedTask; }, () =>
        {
            if (live.View?.Session.IsFinished == true)
            {
                finished.TrySetResult();
            }
        }));

        await Store.CompleteAsync(Tenant, taskId, new TraceCompletion { Status = TraceStatus.Completed, CompletedAt = TraceBuilder.Origin.AddSeconds(2) }, Ct);
        await finished.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        live.Dispose();
        live.Dispose();
        Assert.Equal(TraceStatus.Completed, live.View!.Session.Status);
    }
}
