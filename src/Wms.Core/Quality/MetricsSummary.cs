namespace Wms.Core.Quality;

/// <summary>The mean of each metric over a set of samples (what a split reports).</summary>
public sealed record MetricsSummary(int Count, double Dice, double Iou, double PixelAccuracy, double Hausdorff)
{
    /// <summary>Means over <paramref name="samples"/>; all zero for none. Hausdorff stays NaN if it was not computed.</summary>
    public static MetricsSummary Of(IEnumerable<SampleMetrics> samples)
    {
        var list = samples as IReadOnlyCollection<SampleMetrics> ?? samples.ToList();
        if (list.Count == 0) return new MetricsSummary(0, 0, 0, 0, double.NaN);
        return new MetricsSummary(list.Count,
            list.Average(s => s.Dice), list.Average(s => s.Iou),
            list.Average(s => s.PixelAccuracy), list.Average(s => s.Hausdorff));
    }
}
