using System.Text.Json;
using AgentTrace.Domain.Agents;
using AgentTrace.Domain.Agents.Tools;
using AgentTrace.Tests.Support;
using Microsoft.Extensions.Options;

namespace AgentTrace.Tests.Domain.Agents;

public sealed class ToolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("(12 + 7) * 3", 57)]
    [InlineData("Sqrt(16) + Pow(2, 10)", 1028)]
    [InlineData("7 / 2", 3.5)]
    public async Task Calculator_EvaluatesExpressions(string expression, double expected)
    {
        var result = await new CalculatorTool().InvokeAsync(Args(new { expression }), Ct);

        Assert.Equal(expected, result.GetProperty("result").GetDouble());
        Assert.Equal(expression, result.GetProperty("expression").GetString());
    }

    [Theory]
    [InlineData("""{"expression":"2 +* 3"}""", "is not an expression the calculator can evaluate")]
    [InlineData("""{"expression":"1 / 0"}""", "has no finite value")]
    [InlineData("""{"expression":"foo + 1"}""", "is not an expression the calculator can evaluate")]
    [InlineData("""{}""", "the argument 'expression' (a string) is required")]
    [InlineData("""{"expression":5}""", "the argument 'expression' must be a string")]
    public async Task Calculator_RefusesWhatItCannotEvaluate(string json, string fragment)
    {
        var refused = await Assert.ThrowsAsync<ToolRefusedException>(() => new CalculatorTool().InvokeAsync(JsonDocument.Parse(json).RootElement, Ct));

        Assert.Contains(fragment, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CurrentTime_GivesUtcAndTheNamedZone()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero));

        var result = await new CurrentTimeTool(clock).InvokeAsync(Args(new { timezone = "Europe/Paris" }), Ct);

        Assert.Equal("2026-07-01T10:00:00Z", result.GetProperty("utc").GetString());
        Assert.Equal("2026-07-01T12:00:00+02:00", result.GetProperty("local").GetString());
        await Assert.ThrowsAsync<ToolRefusedException>(() => new CurrentTimeTool(clock).InvokeAsync(Args(new { timezone = "Mars/Olympus" }), Ct));
    }

    [Fact]
    public async Task HttpGet_FetchesFromAnAllowedHostAndRefusesOthers()
    {
        await using var server = await FakeChatServer.StartAsync();
        using var http = new ToolHttp();
        var tool = new HttpGetTool(http, Options.Create(new AgentsOptions { HttpGetAllowedHosts = ["127.0.0.1"] }));

        var page = await tool.InvokeAsync(Args(new { url = server.BaseUrl + "/pages/about" }), Ct);
        var refused = await Assert.ThrowsAsync<ToolRefusedException>(() => tool.InvokeAsync(Args(new { url = "http://localhost:1/x" }), Ct));
        var local = await Assert.ThrowsAsync<ToolRefusedException>(() => tool.InvokeAsync(Args(new { url = "file:///etc/passwd" }), Ct));

        Assert.Equal(200, page.GetProperty("status").GetInt32());
        Assert.Equal("page about", page.GetProperty("body").GetString());
        Assert.Equal("host 'localhost' is not allowed; allowed hosts are 127.0.0.1", refused.Message);
        Assert.Contains("not an absolute http or https URL", local.Message, StringComparison.Ordinal);
    }

    private static JsonElement Args(object value) => JsonSerializer.SerializeToElement(value);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
