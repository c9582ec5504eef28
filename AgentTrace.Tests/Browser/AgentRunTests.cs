using AgentTrace.Tests.Support;
using Microsoft.Playwright;

namespace AgentTrace.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AgentRunTests(BrowserFixture browser)
{
    [Fact]
    public async Task Agents_RunDemoAgent_AnswerStreamsAndTraceIsListed()
    {
        var page = await browser.LoggedInPageAsync(ApiFactory.T1Writer, "/agents");

        await page.ClickAsync("[data-test=agent][data-agent=tool-assistant]");
        await page.Locator(".question textarea").FillAsync("what is 17 * 23");
        await page.ClickAsync("[data-test=run]");

        await Assertions.Expect(page.Locator("[data-test=answer]")).ToContainTextAsync("391");
        await Assertions.Expect(page.Locator("[data-test=answer-panel] .status-chip")).ToContainTextAsync("completed");
        await Assertions.Expect(page.Locator("[data-test=timeline-row][data-kind=tool]")).ToHaveCountAsync(1);

        await page.ClickAsync("[data-test=open-trace]");
        await page.WaitForURLAsync("**/traces/*", new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("[data-test=trace-agent]")).ToHaveTextAsync("tool-assistant");

        await page.GotoAsync("/traces");
        await Assertions.Expect(page.Locator("tr.trace-row", new() { HasText = "tool-assistant" }).First).ToBeVisibleAsync();
    }
}
