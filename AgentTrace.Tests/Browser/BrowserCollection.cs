namespace AgentTrace.Tests.Browser;

/// <summary>
/// The browser tests share one app and one Chromium, and run after the other tests rather than beside them: a
/// browser, a Blazor circuit and a busy test run on two cores make page loads slow enough to miss timeouts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
