using Wms.Core.Reporting;
using Xunit;

namespace Wms.Core.Tests.Reporting;

public sealed class NiceScaleTests
{
    [Theory]
    [InlineData(0.13, 0.71, 7, 0.1, 0.8, 0.1)]
    [InlineData(1, 23, 11, 0, 25, 5)]
    [InlineData(0, 1, 7, 0, 1, 0.2)]
    [InlineData(120, 980, 7, 0, 1000, 200)]
    public void Ticks_fall_on_round_numbers_covering_the_data(double min, double max, int ticks, double from, double to, double step)
    {
        var scale = NiceScale.For(min, max, ticks);
        Assert.Equal(from, scale.Min, 9);
        Assert.Equal(to, scale.Max, 9);
        Assert.Equal(step, scale.Step, 9);
        Assert.Equal(from, scale.Ticks().First(), 9);
        Assert.Equal(to, scale.Ticks().Last(), 9);
    }

    [Fact]
    public void Labels_have_the_decimals_the_step_needs()
    {
        Assert.Equal("0.05", NiceScale.For(0, 0.3, 7).Format(0.05));
        Assert.Equal("20", NiceScale.For(0, 100, 6).Format(20));
    }
}
