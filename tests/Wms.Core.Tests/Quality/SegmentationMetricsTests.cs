using Wms.Core.Quality;
using Xunit;

namespace Wms.Core.Tests.Quality;

public sealed class SegmentationMetricsTests
{
    // 4x4 masks: the prediction is a 2x2 block, the truth a 2x3 block containing it.
    private static readonly byte[] Predicted =
    [
        1, 1, 0, 0,
        1, 1, 0, 0,
        0, 0, 0, 0,
        0, 0, 0, 0,
    ];
    private static readonly byte[] Truth =
    [
        1, 1, 0, 0,
        1, 1, 0, 0,
        1, 1, 0, 0,
        0, 0, 0, 0,
    ];

    [Fact]
    public void Overlap_metrics_match_hand_computed_values()
    {
        // |P| = 4, |T| = 6, |P∩T| = 4, |P∪T| = 6; 2 of 16 pixels are wrong.
        var m = SegmentationMetrics.Compute(Predicted, Truth, 4, 4);
        Assert.Equal((8 + 1e-6) / (10 + 1e-6), m.Dice, 12);
        Assert.Equal((4 + 1e-6) / (6 + 1e-6), m.Iou, 12);
        Assert.Equal(14.0 / 16, m.PixelAccuracy, 12);
        // The truth's bottom row (2, 0) and (2, 1) are 1 pixel from the prediction.
        Assert.Equal(1.0, m.Hausdorff, 12);
    }

    [Fact]
    public void Any_non_zero_byte_is_foreground()
    {
        var grey = Predicted.Select(v => (byte)(v * 255)).ToArray();
        Assert.Equal(SegmentationMetrics.Compute(Predicted, Truth, 4, 4), SegmentationMetrics.Compute(grey, Truth, 4, 4));
    }

    [Fact]
    public void Two_empty_masks_are_a_perfect_match()
    {
        var empty = new byte[16];
        var m = SegmentationMetrics.Compute(empty, empty, 4, 4);
        Assert.Equal(new SampleMetrics(1, 1, 1, 0), m);
    }

    [Fact]
    public void One_empty_mask_scores_near_zero_and_the_diagonal()
    {
        var empty = new byte[12];
        var full = Enumerable.Repeat((byte)1, 12).ToArray();
        var m = SegmentationMetrics.Compute(empty, full, 4, 3);
        Assert.Equal(1e-6 / (12 + 1e-6), m.Dice, 15);
        Assert.Equal(1e-6 / (12 + 1e-6), m.Iou, 15);
        Assert.Equal(0, m.PixelAccuracy);
        Assert.Equal(5.0, m.Hausdorff); // sqrt(4^2 + 3^2)
    }

    [Fact]
    public void Hausdorff_can_be_left_out()
    {
        Assert.True(double.IsNaN(SegmentationMetrics.Compute(Predicted, Truth, 4, 4, hausdorff: false).Hausdorff));
    }

    [Fact]
    public void Masks_of_different_sizes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => SegmentationMetrics.Compute(new byte[16], new byte[15], 4, 4));
        Assert.Throws<ArgumentException>(() => SegmentationMetrics.Compute(new byte[16], new byte[16], 5, 4));
    }

    [Fact]
    public void Counts_are_right_past_the_vector_width_and_its_255_step_blocks()
    {
        // 70,000 pixels: many SIMD blocks plus a scalar tail, with a known overlap.
        var n = 70_001;
        var p = new byte[n];
        var t = new byte[n];
        for (var i = 0; i < n; i++)
        {
            p[i] = (byte)(i % 3 == 0 ? 200 : 0);
            t[i] = (byte)(i % 2 == 0 ? 1 : 0);
        }
        var c = MaskCounts.Of(p, t);
        Assert.Equal(Enumerable.Range(0, n).Count(i => i % 3 == 0), c.Predicted);
        Assert.Equal(Enumerable.Range(0, n).Count(i => i % 2 == 0), c.Truth);
        Assert.Equal(Enumerable.Range(0, n).Count(i => i % 6 == 0), c.Intersection);
        Assert.Equal(n, c.Total);
    }

    [Fact]
    public void The_summary_is_the_mean_of_each_metric()
    {
        var s = MetricsSummary.Of([new SampleMetrics(1, 0.5, 1, 2), new SampleMetrics(0.5, 0.25, 0.5, 4)]);
        Assert.Equal(new MetricsSummary(2, 0.75, 0.375, 0.75, 3), s);
        Assert.Equal(0, MetricsSummary.Of([]).Count);
    }
}
