using Bunit;

namespace AgentTrace.Tests.Components;

public sealed class AgentsPageTests : DashboardTest
{
    [Fact]
    public async Task Agents_List_ShowsTheLoadedAgents()
    {
        await StartBackgroundServicesAsync();

        var page = RenderAgentsPage();

        Assert.Equal(["doc-qa", "tool-assistant"], page.FindAll("[data-test=agent]").Select(a => a.GetAttribute("data-agent")));
        Assert.Contains("Tool-using assistant", page.Markup);
    }

    [Fact]
    public async Task Agents_Run_StreamsTheAnswerAndGrowsTheTrace()
    {
        await StartBackgroundServicesAsync();
        var page = RenderAgentsPage();
        page.Find("[data-test=agent][data-agent=tool-assistant]").Click();

        page.Find(".question textarea").Input("what is 17 * 23");
        page.Find("[data-test=run]").Click();

        page.WaitForAssertion(() => Assert.Contains("391", page.Find("[data-test=answer]").TextContent));
        page.WaitForAssertion(() => Assert.Contains("completed", page.Find("[data-test=answer-panel] .status-chip").TextContent));
        Assert.NotEmpty(page.FindAll("[data-test=timeline-row][data-kind=tool]"));
        Assert.NotEmpty(page.FindAll("[data-test=timeline-row][data-kind=llm]"));
        page.Find("[data-test=timeline-row][data-kind=tool]").Click();
        page.WaitForAssertion(() => Assert.Contains("17 * 23", page.Find("[data-test=step-arguments]").TextContent));
    }

    [Fact]
    public async Task Agents_Disposed_StopsWatchingTheRun()
    {
        await StartBackgroundServicesAsync();
        var page = RenderAgentsPage();
        page.Find(".question textarea").Input("What does AgentTrace record?");
        page.Find("[data-test=run]").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-test=answer-panel]")));

        await DisposeComponentsAsync();

        await Reader.WaitUntilAsync(r => r.OpenWatches == 0, TimeSpan.FromSeconds(10));
        Assert.All(Reader.WatchTokens, token => Assert.True(token.IsCancellationRequested));
    }
}
