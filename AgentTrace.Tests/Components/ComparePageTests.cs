using AgentTrace.Tests.Support;
using AgentTrace.Web.Components.Pages;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrace.Tests.Components;

public sealed class ComparePageTests : DashboardTest
{
    [Fact]
    public async Task Compare_TwoRuns_AlignsStepsWithTimeAndTokenDifferences()
    {
        var fast = await Store.SaveAsync(Tenant, DemoRuns.ToolAgent(1, rounds: 1), agentId: "math-agent");
        var slow = await Store.SaveAsync(Tenant, DemoRuns.ToolAgent(2, rounds: 2), agentId: "math-agent");
        Services.GetRequiredService<NavigationManager>().NavigateTo($"compare?a={fast}&b={slow}");

        var page = Render<Compare>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-test=compare-step]")));
        var steps = page.FindAll("[data-test=compare-step]");
        var route = steps.First(s => s.TextContent.Contains("Route"));
        Assert.Contains("+350 ms", route.TextContent);
        var secondCall = steps.Where(s => s.TextContent.Contains("gpt-4o") && !s.TextContent.Contains("mini")).ElementAt(1);
        Assert.Contains("only in B", secondCall.TextContent);
        Assert.Contains("444", secondCall.TextContent);
        Assert.Contains("+444", page.Find("[data-test=compare-totals]").TextContent);
    }

    [Fact]
    public async Task Compare_OtherTenantsRun_IsNotFound()
    {
        var mine = await Store.SaveAsync(Tenant, SampleRuns.Rag(), agentId: "support-bot");
        var theirs = await Store.SaveAsync("t2", SampleRuns.Rag(), agentId: "support-bot");
        Services.GetRequiredService<NavigationManager>().NavigateTo($"compare?a={mine}&b={theirs}");

        var page = Render<Compare>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-test=not-found]")));
        Assert.Empty(page.FindAll("[data-test=compare-step]"));
    }

    [Fact]
    public async Task Compare_OnlyRunA_OffersTheNewestOtherRunOfTheAgent()
    {
        var older = await Store.SaveAsync(Tenant, SampleRuns.Rag(), createdAt: DateTimeOffset.UtcNow.AddHours(-2), agentId: "support-bot");
        await Store.SaveAsync(Tenant, SampleRuns.Rag(2), createdAt: DateTimeOffset.UtcNow.AddHours(-1), agentId: "support-bot");
        Services.GetRequiredService<NavigationManager>().NavigateTo($"compare?a={older}");

        var page = Render<Compare>();

        page.WaitForAssertion(() => Assert.Equal(6, page.FindAll("[data-test=compare-step]").Count));
        Assert.Contains("+1.80 s", page.Find("[data-test=compare-totals]").TextContent);
        Assert.IsType<BunitNavigationManager>(Services.GetRequiredService<NavigationManager>());
    }
}
