using Wms.Cli.Gate;
using Xunit;

namespace Wms.Cli.Tests.Gate;

public sealed class GateRuleTests
{
    [Theory]
    [InlineData(0.80, 0.70, 0.79, 0.69, 0, true)]
    [InlineData(0.80, 0.70, 0.80, 0.69, 0, false)] // equal Dice
    [InlineData(0.80, 0.70, 0.79, 0.70, 0, false)] // equal IoU
    [InlineData(0.80, 0.68, 0.79, 0.69, 0, false)] // better Dice, worse IoU
    [InlineData(0.78, 0.70, 0.79, 0.69, 0, false)] // worse Dice, better IoU
    [InlineData(0.80, 0.70, 0.79, 0.69, 0.01, false)] // better by exactly the margin is not enough
    [InlineData(0.80, 0.70, 0.78, 0.68, 0.01, true)]
    public void Passes_only_when_both_metrics_are_strictly_better_by_more_than_the_margin(
        double dice, double iou, double baselineDice, double baselineIou, double minDelta, bool improved)
    {
        Assert.Equal(improved, GateRule.Compare(dice, iou, baselineDice, baselineIou, minDelta).Improved);
    }
}
