using System.Globalization;

namespace Wms.Core.DataQuality;

/// <summary>
/// Masks whose coverage or foreground centre lies beyond median +- k scaled MADs (robust to the
/// outliers themselves, unlike mean +- k sigma). Warnings: an odd mask may be right, but is worth a look.
/// </summary>
internal static class OutlierChecks
{
    public static void Report(IReadOnlyList<(string Stem, MaskAnalysis Mask)> pairs, double mads, ProblemList problems)
    {
        var coverage = Bounds(pairs.Select(p => p.Mask.CoveragePercent).ToList(), mads);
        var x = Bounds(pairs.Select(p => p.Mask.CentroidX).ToList(), mads);
        var y = Bounds(pairs.Select(p => p.Mask.CentroidY).ToList(), mads);
        foreach (var (stem, mask) in pairs)
        {
            if (coverage is { } c && !c.Contains(mask.CoveragePercent))
            {
                problems.Add(DataChecks.CoverageOutlier, string.Create(CultureInfo.InvariantCulture,
                    $"{stem}: coverage {mask.CoveragePercent:F2}% is outside {c.Low:F2}..{c.High:F2}% (median {c.Median:F2}% +- {mads:0.#} MAD)"));
            }
            var outside = new List<string>();
            if (x is { } bx && !bx.Contains(mask.CentroidX))
                outside.Add(string.Create(CultureInfo.InvariantCulture, $"x {mask.CentroidX:F2} not in {bx.Low:F2}..{bx.High:F2}"));
            if (y is { } by && !by.Contains(mask.CentroidY))
                outside.Add(string.Create(CultureInfo.InvariantCulture, $"y {mask.CentroidY:F2} not in {by.Low:F2}..{by.High:F2}"));
            if (outside.Count > 0)
            {
                problems.Add(DataChecks.CentroidOutlier, string.Create(CultureInfo.InvariantCulture,
                    $"{stem}: mask centre (as a share of width and height) is off: {string.Join(", ", outside)} (median +- {mads:0.#} MAD)"));
            }
        }
    }

    /// <summary>median +- k MAD, or null when the MAD is 0 (all alike: no spread to judge by).</summary>
    private static Range? Bounds(List<double> values, double mads)
    {
        var median = RobustStatistics.Median(values);
        var mad = RobustStatistics.ScaledMad(values);
        return mad > 0 ? new Range(median, median - mads * mad, median + mads * mad) : null;
    }

    private readonly record struct Range(double Median, double Low, double High)
    {
        public bool Contains(double value) => value >= Low && value <= High;
    }
}
