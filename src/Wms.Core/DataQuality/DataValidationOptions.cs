namespace Wms.Core.DataQuality;

/// <summary>Limits of the data checks; the defaults are the original's where it had one.</summary>
public sealed record DataValidationOptions
{
    /// <summary>A mask with fewer foreground pixels than this (but some) is near-empty.</summary>
    public int NearEmptyPixels { get; init; } = 100;

    /// <summary>Outliers lie beyond median +- this many (scaled) MADs.</summary>
    public double OutlierMads { get; init; } = 3;

    /// <summary>Below this many valid pairs the outlier checks are skipped (too few to tell).</summary>
    public int MinPairsForOutliers { get; init; } = 10;

    /// <summary>A mask with more than this share of coloured pixels is a colour image, not a mask.</summary>
    public double MaxColouredFraction { get; init; } = 0.01;

    /// <summary>A mask with more than this share of mid-grey pixels is not black-and-white (a photo?).</summary>
    public double MaxMidGreyFraction { get; init; } = 0.05;

    /// <summary>Images above this many pixels are refused (decompression bombs).</summary>
    public long MaxPixels { get; init; } = 100_000_000;

    /// <summary>Files decoded at once; each decode holds a full-size image.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
