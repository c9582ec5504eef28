using AgentTrace.Domain.Model;
using AgentTrace.Tests.Support;
using AgentTrace.Web.Components.Pages;
using Bunit;

namespace AgentTrace.Tests.Components;

public sealed class CancelRunButtonReaderTests() : DashboardTest("reader")
{
    [Fact]
    public async Task RunningTrace_ReaderKey_HasNoCancelButton()
    {
        var taskId = await Store.SaveAsync(Tenant, SampleRuns.Rag(), TraceStatus.Running);

        var page = Render<TraceDetail>(p => p.Add(x => x.TaskId, taskId));

        page.WaitForAssertion(() => Assert.Contains("running", page.Find("[data-test=trace-header] .status-chip").TextContent));
        Assert.Empty(page.FindAll("[data-test=cancel-run]"));
    }
}
