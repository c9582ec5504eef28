using Microsoft.Playwright;

namespace AgentTrace.Tests.Browser;

/// <summary>
/// One app on a loopback port and one headless Debian Chromium for all browser tests. Missing Chromium is a failure
/// that says how to install it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public DashboardServer Server { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"the browser tests need Chromium at {ChromiumPath}: apt-get install -y chromium");
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>A fresh browser context (no cookies) with one page, sized like a laptop screen.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Logs in with <paramref name="key"/> and waits until the dashboard is interactive.</summary>
    public async Task<IPage> LoggedInPageAsync(string key, string path = "/")
    {
        var page = await NewPageAsync();
        await page.GotoAsync(path);
        await page.FillAsync("#key", key);
        await page.ClickAsync("[data-test=login]");
        await WaitInteractiveAsync(page);
        return page;
    }

    /// <summary>Waits for the marker the layout shows once the circuit is connected, so clicks are not lost.</summary>
    public static Task WaitInteractiveAsync(IPage page) => page.Locator(".page[data-interactive]").WaitForAsync();
}
