using AgentTrace.Web.Auth;

namespace AgentTrace.Tests.Auth;

public sealed class DashboardAuthenticationTests
{
    [Theory]
    [InlineData("/traces/0123456789abcdef0123456789abcdef", "/traces/0123456789abcdef0123456789abcdef")]
    [InlineData("/compare?a=1&b=2", "/compare?a=1&b=2")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("/login?returnUrl=/", "/")]
    public void SafeReturnUrl_FollowsOnlyLocalPaths(string? returnUrl, string expected) =>
        Assert.Equal(expected, DashboardAuthentication.SafeReturnUrl(returnUrl));
}
