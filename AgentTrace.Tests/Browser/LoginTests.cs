using AgentTrace.Tests.Support;
using Microsoft.Playwright;

namespace AgentTrace.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LoginTests(BrowserFixture browser)
{
    [Fact]
    public async Task Login_ValidKey_ShowsDashboardWithTenant()
    {
        var page = await browser.LoggedInPageAsync(ApiFactory.T1Reader);

        await Assertions.Expect(page.Locator("[data-test=whoami]")).ToContainTextAsync("t1");
        await Assertions.Expect(page.Locator("[data-test=whoami]")).ToContainTextAsync("reader");
    }

    [Fact]
    public async Task Login_WrongKey_StaysOnLoginWithError()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/traces");

        await page.FillAsync("#key", "not-a-key-at-all-0000");
        await page.ClickAsync("[data-test=login]");

        await Assertions.Expect(page.Locator("[data-test=login-error]")).ToBeVisibleAsync();
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
        var traces = await page.GotoAsync("/traces");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
        Assert.NotNull(traces);
    }

    [Fact]
    public async Task Logout_ThenPage_AsksForLoginAgain()
    {
        var page = await browser.LoggedInPageAsync(ApiFactory.T1Admin, "/traces");

        await page.ClickAsync("[data-test=logout]");
        await page.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await page.GotoAsync("/traces");

        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
    }
}
