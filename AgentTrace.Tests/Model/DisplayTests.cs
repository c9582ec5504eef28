using AgentTrace.Web.Model;

namespace AgentTrace.Tests.Model;

public sealed class DisplayTests
{
    [Theory]
    [InlineData(null, "–")]
    [InlineData(0.0004, "0 ms")]
    [InlineData(0.85, "850 ms")]
    [InlineData(1.254, "1.25 s")]
    [InlineData(125.0, "2 m 05 s")]
    [InlineData(3725.0, "1 h 02 m")]
    public void Duration_ReadsInTheLargestUsefulUnit(double? seconds, string expected) => Assert.Equal(expected, Display.Duration(seconds));

    [Theory]
    [InlineData(0.12, "+120 ms")]
    [InlineData(-1.5, "−1.50 s")]
    [InlineData(0.0, "0")]
    public void DurationDelta_IsSigned(double seconds, string expected) => Assert.Equal(expected, Display.DurationDelta(seconds));

    [Fact]
    public void TimeAxis_Ticks_AreRoundAndCoverTheRun()
    {
        var axis = new TimeAxis(1.81);

        Assert.Equal([0, 0.5, 1, 1.5], axis.Ticks());
        Assert.Equal(50, axis.Percent(0.905), 6);
        Assert.Equal(TimeAxis.MinWidthPercent, axis.WidthPercent(0.5, 0));
    }
}
