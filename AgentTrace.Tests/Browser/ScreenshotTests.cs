using AgentTrace.Tests.Support;
using Microsoft.Playwright;

namespace AgentTrace.Tests.Browser;

/// <summary>
/// Opens every page with a day of demo runs and saves a screenshot of each: into the folder named by
/// <c>AGENTTRACE_SCREENSHOTS</c> (the repository keeps them in <c>docs/screenshots</c>), else beside the tests.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture browser)
{
    private const string Tenant = "t2";

    private static readonly string s_folder = Environment.GetEnvironmentVariable("AGENTTRACE_SCREENSHOTS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task Screenshots_EveryPage_RenderAndAreSaved()
    {
        Directory.CreateDirectory(s_folder);
        var seeded = await DemoTenant.SeedAsync(browser.Server.Store, Tenant, DateTimeOffset.UtcNow);

        var login = await browser.NewPageAsync();
        await login.GotoAsync("/login");
        await SaveAsync(login, "login");

        var page = await browser.LoggedInPageAsync(ApiFactory.T2Admin);
        await page.Locator("[data-test=chart-runs] .main-svg").First.WaitForAsync();
        await page.Locator("[data-test=digest]").First.WaitForAsync();
        await SaveAsync(page, "overview");

        await page.GotoAsync("/traces");
        await BrowserFixture.WaitInteractiveAsync(page);
        await page.Locator("tr.trace-row").Nth(10).WaitForAsync();
        await SaveAsync(page, "traces");

        await page.GotoAsync($"/traces/{seeded.FailedToolRun}");
        await BrowserFixture.WaitInteractiveAsync(page);
        await page.Locator("[data-test=timeline-row][data-kind=llm]").Nth(1).WaitForAsync();
        await SaveAsync(page, "trace-timeline");
        await page.Locator("[data-test=timeline-row][data-kind=llm]").Nth(1).ClickAsync();
        await page.Locator("[data-test=step-drawer]").WaitForAsync();
        await SaveAsync(page, "trace-step");

        await page.ClickAsync("[data-test=step-close]");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Events" }).ClickAsync();
        await page.Locator("tr.event-row").First.WaitForAsync();
        await SaveAsync(page, "trace-events");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Analysis" }).ClickAsync();
        await page.Locator("[data-test=chart-components] .main-svg").First.WaitForAsync();
        await SaveAsync(page, "trace-analysis");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Raw" }).ClickAsync();
        await page.Locator("[data-test=raw-json]").WaitForAsync();
        await SaveAsync(page, "trace-raw");

        await page.GotoAsync($"/compare?a={seeded.FastRag}&b={seeded.SlowRag}");
        await BrowserFixture.WaitInteractiveAsync(page);
        await page.Locator("[data-test=compare-step]").First.WaitForAsync();
        await SaveAsync(page, "compare");

        await page.GotoAsync("/agents");
        await BrowserFixture.WaitInteractiveAsync(page);
        await page.ClickAsync("[data-test=agent][data-agent=doc-qa]");
        await page.Locator(".question textarea").FillAsync("How does AgentTrace keep secrets out of traces?");
        await page.ClickAsync("[data-test=run]");
        await Assertions.Expect(page.Locator("[data-test=answer-panel] .status-chip")).ToContainTextAsync("completed");
        await SaveAsync(page, "agents");

        await page.GotoAsync($"/traces/{seeded.Running}");
        await BrowserFixture.WaitInteractiveAsync(page);
        await page.ClickAsync("[data-test=theme-toggle]");
        await page.Locator("[data-test=timeline-row]").First.WaitForAsync();
        await SaveAsync(page, "trace-running-dark");

        browser.Server.Reader.BreakFeeds(new IOException("the store went away"));
        try
        {
            await page.GotoAsync("/traces");
            await BrowserFixture.WaitInteractiveAsync(page);
            await page.Locator("[data-test=feed-error]").WaitForAsync();
            await page.Locator("tr.trace-row").Nth(10).WaitForAsync();
            await SaveAsync(page, "traces-feed-stopped");
        }
        finally
        {
            browser.Server.Reader.MendFeeds();
        }

        Assert.Equal(12, Directory.GetFiles(s_folder, "*.png").Length);
    }

    private static Task SaveAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(s_folder, name + ".png"), FullPage = true });
}
