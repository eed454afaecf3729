namespace Wms.Core.Quality;

/// <summary>
/// The original's per-sample metrics on binary masks (any non-zero byte is foreground), with its
/// 1e-6 smoothing: Dice <c>(2|P∩T| + 1e-6) / (|P| + |T| + 1e-6)</c>, IoU
/// <c>(|P∩T| + 1e-6) / (|P∪T| + 1e-6)</c>, pixel accuracy, and the Hausdorff distance of
/// <see cref="HausdorffDistance"/>. Training, evaluation, the gate and serving all use these.
/// </summary>
public static class SegmentationMetrics
{
    /// <summary>The smoothing term of the original: two empty masks score 1, not 0/0.</summary>
    public const double Smooth = 1e-6;

    /// <summary>All four metrics of one sample; <paramref name="hausdorff"/> false leaves it NaN.</summary>
    public static SampleMetrics Compute(ReadOnlySpan<byte> predicted, ReadOnlySpan<byte> truth, int width, int height, bool hausdorff = true)
    {
        var counts = MaskCounts.Of(predicted, truth);
        if (counts.Total != (long)width * height)
            throw new ArgumentException($"masks have {counts.Total} pixels, not {width}x{height}", nameof(predicted));
        return new SampleMetrics(
            Dice(counts), Iou(counts), PixelAccuracy(counts),
            hausdorff ? HausdorffDistance.Compute(predicted, truth, width, height) : double.NaN);
    }

    public static double Dice(ReadOnlySpan<byte> predicted, ReadOnlySpan<byte> truth) => Dice(MaskCounts.Of(predicted, truth));

    public static double Iou(ReadOnlySpan<byte> predicted, ReadOnlySpan<byte> truth) => Iou(MaskCounts.Of(predicted, truth));

    public static double PixelAccuracy(ReadOnlySpan<byte> predicted, ReadOnlySpan<byte> truth) => PixelAccuracy(MaskCounts.Of(predicted, truth));

    public static double Dice(MaskCounts c) => (2.0 * c.Intersection + Smooth) / (c.Predicted + c.Truth + Smooth);

    public static double Iou(MaskCounts c) => (c.Intersection + Smooth) / (c.Predicted + c.Truth - c.Intersection + Smooth);

    public static double PixelAccuracy(MaskCounts c) => c.Total == 0 ? 1.0 : (double)(c.Total - c.Predicted - c.Truth + 2 * c.Intersection) / c.Total;
}
