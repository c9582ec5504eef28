using AgentTrace.Web.Components.Layout;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace AgentTrace.Tests.Components;

public sealed class MainLayoutTests() : DashboardTest(popovers: false)
{
    [Fact]
    public void Layout_SignedIn_ShowsKeyTenantRoleAndNavigation()
    {
        var layout = RenderLayout();

        Assert.Equal("t1-admin · t1 · admin", layout.Find("[data-test=whoami]").TextContent.Trim());
        Assert.Equal(["Overview", "Traces", "Agents", "Compare"], layout.FindAll(".mud-nav-link").Select(l => l.TextContent.Trim()));
        Assert.Contains("page content", layout.Find(".page").TextContent);
    }

    [Fact]
    public void Layout_ToggleTheme_RemembersTheChoice()
    {
        var layout = RenderLayout();

        layout.Find("[data-test=theme-toggle]").Click();

        var saved = JSInterop.Invocations.Single(i => i.Identifier == "agentTrace.saveTheme");
        Assert.Equal("dark", saved.Arguments[0]);
        layout.Find("[data-test=theme-toggle]").Click();
        Assert.Equal("light", JSInterop.Invocations.Last(i => i.Identifier == "agentTrace.saveTheme").Arguments[0]);
    }

    private IRenderedComponent<MainLayout> RenderLayout()
    {
        SetRendererInfo(new RendererInfo("Server", true));
        return Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "page content"))));
    }
}
