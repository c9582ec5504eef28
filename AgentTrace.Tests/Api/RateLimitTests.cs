using System.Net;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Api;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Requests_OverPerMinuteLimit_AreTooManyWithRetryAfter_PerKey()
    {
        using var factory = new LimitedFactory();
        var reader = factory.ClientFor(ApiFactory.T1Reader);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetJsonAsync("/api/v1/traces")).Status);
        }

        using var refused = await reader.GetAsync("/api/v1/traces", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("more than 3 requests", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(ApiFactory.T1Admin).GetJsonAsync("/api/v1/traces")).Status);
    }

    private sealed class LimitedFactory() : ApiFactory(new Dictionary<string, string?> { ["AgentTrace:Limits:RequestsPerMinute"] = "3" });
}
