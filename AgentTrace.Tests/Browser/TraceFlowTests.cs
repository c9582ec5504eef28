using AgentTrace.Tests.Support;
using Microsoft.Playwright;

namespace AgentTrace.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class TraceFlowTests(BrowserFixture browser)
{
    private const string Tenant = "t1";

    [Fact]
    public async Task TraceList_RecordedRun_IsListedAndOpens()
    {
        var taskId = await browser.Server.Store.SaveAsync(Tenant, SampleRuns.Rag(), createdAt: DateTimeOffset.UtcNow, agentId: "flow-list-bot");
        var page = await browser.LoggedInPageAsync(ApiFactory.T1Reader, "/traces");

        var row = page.Locator("tr.trace-row", new() { HasText = "flow-list-bot" });
        await OpenAsync(page, row, $"**/traces/{taskId}");
        await Assertions.Expect(page.Locator("[data-test=trace-agent]")).ToHaveTextAsync("flow-list-bot");
    }

    /// <summary>
    /// Clicks a row of the live list and waits for the trace to open. The list may redraw the row between finding
    /// and clicking it, which loses that click, so while the address has not changed the row is clicked again; a
    /// click that did land may take a while to navigate on a busy machine, so the row being gone is not a failure.
    /// </summary>
    private static async Task OpenAsync(IPage page, ILocator row, string url)
    {
        await row.ClickAsync();
        for (var attempt = 1; attempt < 3; attempt++)
        {
            try
            {
                await page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit, Timeout = 5_000 });
                return;
            }
            catch (TimeoutException)
            {
                await ClickIfStillShownAsync(row);
            }
        }

        await page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit });
    }

    private static async Task ClickIfStillShownAsync(ILocator row)
    {
        try
        {
            await row.ClickAsync(new() { Timeout = 2_000 });
        }
        catch (TimeoutException)
        {
        }
    }

    [Fact]
    public async Task Timeline_CompletedRun_HasOneBarPerStep()
    {
        var run = SampleRuns.Rag();
        var taskId = await browser.Server.Store.SaveAsync(Tenant, run, createdAt: DateTimeOffset.UtcNow);
        var page = await browser.LoggedInPageAsync(ApiFactory.T1Reader, $"/traces/{taskId}");

        // workflow, four nodes, one search and one LLM call
        await Assertions.Expect(page.Locator("[data-test=timeline-bar]")).ToHaveCountAsync(7);
        await Assertions.Expect(page.Locator("[data-test=timeline-row][data-kind=node]")).ToHaveCountAsync(4);
    }

    [Fact]
    public async Task Timeline_ClickLlmStep_ShowsPromptAndTokens()
    {
        var taskId = await browser.Server.Store.SaveAsync(Tenant, SampleRuns.Rag(), createdAt: DateTimeOffset.UtcNow);
        var page = await browser.LoggedInPageAsync(ApiFactory.T1Reader, $"/traces/{taskId}");

        await page.Locator("[data-test=timeline-row][data-kind=llm]").ClickAsync();

        var drawer = page.Locator("[data-test=step-drawer]");
        await Assertions.Expect(drawer.Locator("[data-test=step-prompt]")).ToContainTextAsync("Answer from the context: Refunds are accepted within 30 days.");
        await Assertions.Expect(drawer).ToContainTextAsync("120 prompt + 45 completion = 165");
        await Assertions.Expect(drawer.Locator("[data-test=step-response]")).ToContainTextAsync("Refunds are accepted within 30 days.");
    }

    [Fact]
    public async Task Analysis_Tab_RendersCharts()
    {
        var taskId = await browser.Server.Store.SaveAsync(Tenant, DemoRuns.ToolAgent(), createdAt: DateTimeOffset.UtcNow);
        var page = await browser.LoggedInPageAsync(ApiFactory.T1Reader, $"/traces/{taskId}");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Analysis" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=recommendation]").First).ToBeVisibleAsync();

        // The first chart loads plotly.js (3.7 MB), which takes a while on a busy machine.
        foreach (var chart in new[] { "chart-components", "chart-tokens", "chart-events" })
        {
            await Assertions.Expect(page.Locator($"[data-test={chart}] .main-svg").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        }

        await Assertions.Expect(page.Locator("[data-test=chart-tokens] .bars .point")).ToHaveCountAsync(6);
    }

    [Fact]
    public async Task Detail_RunRecordedWhileOpen_ShowsNewStepsWithoutReload()
    {
        var writer = browser.Server.ClientFor(ApiFactory.T1Writer);
        var taskId = await writer.CreateTraceAsync("""{"agent_id":"live-bot"}""");
        await writer.AppendAsync(taskId, """[{"event_type":"workflow_started","span_id":"wf"}]""");
        var page = await browser.LoggedInPageAsync(ApiFactory.T1Reader, $"/traces/{taskId}");
        await Assertions.Expect(page.Locator("[data-test=timeline-row]")).ToHaveCountAsync(1);

        await writer.AppendAsync(taskId, """
            [{"event_type":"node_started","span_id":"n1","parent_span_id":"wf","component_id":"llm_0","component_name":"Answer"},
             {"event_type":"llm_call_started","span_id":"c1","parent_span_id":"n1","component_id":"llm_0","llm":{"model_name":"live-model","prompt":"hi"}}]
            """);
        await Assertions.Expect(page.Locator("[data-test=timeline-row]")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-test=timeline-row][data-kind=llm]")).ToContainTextAsync("live-model");

        await writer.AppendAsync(taskId, """
            [{"event_type":"llm_call_completed","span_id":"c1","parent_span_id":"n1","component_id":"llm_0","elapsed_time":0.2,"llm":{"model_name":"live-model","response":"hello","prompt_tokens":3,"completion_tokens":2}},
             {"event_type":"node_finished","span_id":"n1","parent_span_id":"wf","component_id":"llm_0","elapsed_time":0.3},
             {"event_type":"workflow_completed","span_id":"wf","elapsed_time":0.4}]
            """);
        await writer.CompleteAsync(taskId);

        await Assertions.Expect(page.Locator("[data-test=trace-header] .status-chip")).ToContainTextAsync("completed");
        await Assertions.Expect(page.Locator("[data-test=stat-tokens]")).ToHaveTextAsync("5");
        await Assertions.Expect(page.Locator("[data-test=stat-events]")).ToHaveTextAsync("6");
    }

    [Fact]
    public async Task Detail_OtherTenantsTrace_IsNotFound()
    {
        var secret = await browser.Server.Store.SaveAsync("t2", SampleRuns.Rag(), createdAt: DateTimeOffset.UtcNow, agentId: "t2-secret-bot");
        var page = await browser.LoggedInPageAsync(ApiFactory.T1Admin, $"/traces/{secret}");

        await Assertions.Expect(page.Locator("[data-test=not-found]")).ToBeVisibleAsync();
        Assert.DoesNotContain("t2-secret-bot", await page.ContentAsync(), StringComparison.Ordinal);
    }
}
