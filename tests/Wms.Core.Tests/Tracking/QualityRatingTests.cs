using Wms.Core.Registry;
using Xunit;

namespace Wms.Core.Tests.Tracking;

public sealed class QualityRatingTests
{
    [Theory]
    [InlineData(0.95, "EXCELLENT")]
    [InlineData(0.85, "EXCELLENT")]
    [InlineData(0.8499, "GOOD")]
    [InlineData(0.70, "GOOD")]
    [InlineData(0.6999, "MEDIOCRE")]
    [InlineData(0.50, "MEDIOCRE")]
    [InlineData(0.4999, "POOR")]
    [InlineData(double.NaN, "POOR")]
    public void Dice_is_rated_as_the_original_did(double dice, string expected) =>
        Assert.Equal(expected, QualityRatings.Label(QualityRatings.Rate(dice)));
}
