using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Serialization;

namespace AgentTrace.Tests.Domain.Serialization;

public sealed class Utf8JsonRepairTests
{
    private const string Replacement = "\uFFFD";

    [Theory]
    [InlineData("""{"a":"plain","b":[1,2.5,true,null],"c":{"d":"\u00e9\n"}}""")]
    [InlineData("""{"pair":"\ud83d\ude00","upper":"\uD83D\uDE00"}""")]
    [InlineData("""{"text":"a backslash then u: \\ud800"}""")]
    [InlineData("""{"broken": """)]
    public void TryRepair_NothingToRepair_LeavesTheDocumentAsItIs(string json)
    {
        Assert.False(Utf8JsonRepair.TryRepair(Encoding.UTF8.GetBytes(json), "$", default, out _, out var repaired));
        Assert.Empty(repaired);
    }

    [Fact]
    public void TryRepair_LoneSurrogates_BecomeReplacementsAndTheirPathsAreTold()
    {
        const string json = """{"a":"x\ud800y","list":[1,"ok",{"\udc00k":"v"},"\udbff"],"tail":"\ud800\ud800\udc00","keep":"\n\"\\\t"}""";

        Assert.True(Utf8JsonRepair.TryRepair(Encoding.UTF8.GetBytes(json), "$", default, out var fixedJson, out var repaired));

        Assert.Equal(["$.a", $"$.list[2].{Replacement}k", "$.list[3]", "$.tail"], repaired);
        var root = JsonDocument.Parse(fixedJson).RootElement;
        Assert.Equal($"x{Replacement}y", root.GetProperty("a").GetString());
        Assert.Equal("v", root.GetProperty("list")[2].GetProperty($"{Replacement}k").GetString());
        Assert.Equal(Replacement, root.GetProperty("list")[3].GetString());
        Assert.Equal($"{Replacement}\U00010000", root.GetProperty("tail").GetString());
        Assert.Equal("\n\"\\\t", root.GetProperty("keep").GetString());
        Assert.Equal(1, root.GetProperty("list")[0].GetInt32());
    }

    [Fact]
    public void TryRepair_BytesThatAreNotUtf8_BecomeReplacements()
    {
        byte[] json = [.. "{\"k\":\"a"u8, 0xFF, 0xED, 0xA0, 0x80, .. "b\",\"n\":[\"x"u8, 0xC3, .. "\"]}"u8];

        Assert.True(Utf8JsonRepair.TryRepair(json, "tool.result", default, out var fixedJson, out var repaired));

        Assert.Equal(["tool.result.k", "tool.result.n[0]"], repaired);
        var root = JsonDocument.Parse(fixedJson).RootElement;
        Assert.StartsWith($"a{Replacement}", root.GetProperty("k").GetString());
        Assert.EndsWith($"{Replacement}b", root.GetProperty("k").GetString());
        Assert.Equal($"x{Replacement}", root.GetProperty("n")[0].GetString());
    }

    [Fact]
    public void TryRepair_TopLevelString_IsRepairedAtTheRoot()
    {
        Assert.True(Utf8JsonRepair.TryRepair("\"\\ud800\""u8, "inputs", default, out var fixedJson, out var repaired));

        Assert.Equal(["inputs"], repaired);
        Assert.Equal(Replacement, JsonDocument.Parse(fixedJson).RootElement.GetString());
    }

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData(@"\uD83D\uDE00 pair", @"\uD83D\uDE00 pair")]
    [InlineData(@"a\uD800b", @"a\uFFFDb")]
    [InlineData(@"\uDC00\uD800", @"\uFFFD\uFFFD")]
    [InlineData(@"end\uD83D", @"end\uFFFD")]
    public void WellFormedText_Repair_ReplacesOnlyLoneSurrogates(string escaped, string expectedEscaped)
    {
        // Written escaped: a lone surrogate does not survive the test runner's own serialization of theory data.
        var text = Regex.Unescape(escaped);
        var expected = Regex.Unescape(expectedEscaped);

        var repaired = WellFormedText.Repair(text);

        Assert.Equal(expected, repaired);
        Assert.Equal(text == expected, ReferenceEquals(text, repaired));
    }

    [Theory]
    [InlineData(0L, 0L, 0L)]
    [InlineData(2L, 3L, 5L)]
    [InlineData(Counts.Max, 1L, Counts.Max)]
    [InlineData(long.MaxValue, long.MaxValue, Counts.Max)]
    [InlineData(-5L, 3L, 3L)]
    public void Counts_Add_SaturatesAtTheLargestExactJsonInteger(long a, long b, long expected)
    {
        Assert.Equal(expected, Counts.Add(a, b));
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"-Infinity\"")]
    [InlineData("\"twelve\"")]
    public void FiniteNumberConverter_ValueADoubleCannotHold_IsRefused(string json)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, TraceJsonContext.Wire.Double));

        Assert.Contains(FiniteNumberConverter.Problem, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FiniteNumberConverter_WritesWhatIsNotFiniteAsNull()
    {
        var payload = new LlmPayload { LatencyMs = double.NaN, Temperature = 0.5 };

        Assert.Equal("""{"latency_ms":null,"temperature":0.5}""", JsonSerializer.Serialize(payload, TraceJsonContext.Wire.LlmPayload));
        Assert.Equal(12.5, JsonSerializer.Deserialize("\"12.5\"", TraceJsonContext.Wire.Double));
    }
}
