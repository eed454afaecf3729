using Wms.Core.DataQuality;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Core.Tests.DataQuality;

/// <summary>The 640 real pairs in ../shared (skips in a user's clone).</summary>
public sealed class RealDataTests
{
    [Fact]
    public void The_real_water_meter_photos_pass()
    {
        var data = TestEnvironment.RequireWaterMeters();

        var report = DataValidator.Validate(data, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(report.Passed, string.Join("\n", report.Errors));
        Assert.Equal((640, 640, 640), (report.ImageCount, report.MaskCount, report.ValidPairs));
        // Phone photos stored sideways: their masks match only after EXIF orientation.
        Assert.True(report.Statistics.ExifRotatedImages > 100);
        Assert.InRange(report.Statistics.MedianCoveragePercent!.Value, 1.5, 3);
        // What it does find are odd-looking masks worth a look, not errors.
        Assert.All(report.Problems, p => Assert.Contains(p.Check, new[] { "coverage_outlier", "centroid_outlier" }));
    }
}
