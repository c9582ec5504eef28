namespace AgentTrace.Tests.Browser;

/// <summary>The browser tests share one app and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
