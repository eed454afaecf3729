namespace Wms.Core.DataQuality;

/// <summary>Median, MAD and standard deviation, for the report's statistics and outlier checks.</summary>
public static class RobustStatistics
{
    /// <summary>Scales the median absolute deviation to estimate a normal distribution's sigma.</summary>
    public const double MadToSigma = 1.4826;

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Median absolute deviation from the median, scaled by <see cref="MadToSigma"/>.</summary>
    public static double ScaledMad(IReadOnlyList<double> values)
    {
        var median = Median(values);
        return MadToSigma * Median(values.Select(v => Math.Abs(v - median)).ToList());
    }

    /// <summary>Population standard deviation (numpy's default, as the original computed it).</summary>
    public static double StandardDeviation(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
