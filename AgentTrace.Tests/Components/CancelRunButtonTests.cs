using AgentTrace.Domain.Agents.Catalog;
using AgentTrace.Domain.Agents.Runtime;
using AgentTrace.Domain.Model;
using AgentTrace.Tests.Support;
using AgentTrace.Web.Components.Pages;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AgentTrace.Tests.Components;

/// <summary>The cancel button of a running trace, with agents whose LLM is a Chat Completions server on loopback.</summary>
public sealed class CancelRunButtonTests : DashboardTest
{
    private readonly FakeChatServer _llm;

    public CancelRunButtonTests()
        : base(popovers: false)
    {
        _llm = FakeChatServer.StartAsync().GetAwaiter().GetResult();
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AgentTrace:Llm:Endpoint"] = _llm.Endpoint,
            ["AgentTrace:Llm:Model"] = "fake-model",
        }).Build());
        Render<MudPopoverProvider>();
    }

    [Fact]
    public async Task RunningAgentRun_Cancel_EndsItCancelledAndSaysSo()
    {
        _llm.Enqueue(new FakeReply { Text = "too late", Delay = TimeSpan.FromSeconds(30) });
        await StartBackgroundServicesAsync();
        var agents = Services.GetRequiredService<AgentCatalog>();
        var run = (await Services.GetRequiredService<AgentRunner>().StartAsync((await agents.GetAsync(Tenant, "doc-qa", Ct))!, new AgentRunRequest { TenantId = Tenant, Question = "Which levels record thinking events?" }, Ct))!;
        var page = Render<TraceDetail>(p => p.Add(x => x.TaskId, run.TaskId));

        page.WaitForAssertion(() => page.Find("[data-test=cancel-run]").Click());

        Assert.Equal(TraceStatus.Cancelled, (await run.Completion.WaitAsync(TimeSpan.FromSeconds(30), Ct)).Status);
        page.WaitForAssertion(() => Assert.Contains("cancelled", page.Find("[data-test=trace-header] .status-chip").TextContent));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-test=cancel-run]")));
        Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "The run was cancelled");
    }

    [Fact]
    public async Task RunningIngestedTrace_Cancel_SaysItsProducerEndsIt()
    {
        await StartBackgroundServicesAsync();
        var taskId = await Store.SaveAsync(Tenant, SampleRuns.Rag(), TraceStatus.Running);
        var page = Render<TraceDetail>(p => p.Add(x => x.TaskId, taskId));

        page.WaitForAssertion(() => page.Find("[data-test=cancel-run]").Click());

        page.WaitForAssertion(() => Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message!.Contains("recorded through the ingest API", StringComparison.Ordinal)));
        Assert.Equal(TraceStatus.Running, (await Store.GetAsync(Tenant, taskId, Ct))!.Status);
    }

    [Fact]
    public async Task FinishedTrace_HasNoCancelButton()
    {
        var taskId = await Store.SaveAsync(Tenant, SampleRuns.Rag());

        var page = Render<TraceDetail>(p => p.Add(x => x.TaskId, taskId));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-test=trace-agent]")));
        Assert.Empty(page.FindAll("[data-test=cancel-run]"));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _llm.DisposeAsync();
    }
}
