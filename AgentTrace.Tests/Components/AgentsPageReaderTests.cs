using Bunit;

namespace AgentTrace.Tests.Components;

public sealed class AgentsPageReaderTests() : DashboardTest("reader")
{
    [Fact]
    public async Task Agents_ReaderKey_CannotRun()
    {
        await StartBackgroundServicesAsync();

        var page = RenderAgentsPage();
        page.Find(".question textarea").Input("what is 1 + 1");

        Assert.True(page.Find("[data-test=run]").HasAttribute("disabled"));
        Assert.Contains("takes a writer or admin key", page.Markup);
    }
}
