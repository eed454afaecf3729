namespace Wms.Core.Synthetic;

/// <summary>How <see cref="SyntheticMeters"/> draws its photos. The defaults make a learnable set.</summary>
public sealed record SyntheticOptions
{
    /// <summary>Smallest longer side of a photo, in pixels (at least 64).</summary>
    public int MinSize { get; init; } = 400;

    /// <summary>Largest longer side of a photo, in pixels. The shorter side is 70-100 % of the longer one.</summary>
    public int MaxSize { get; init; } = 900;

    /// <summary>
    /// How degraded the photos are: 0 clean, 1 the default (mild sensor noise, blur, JPEG loss,
    /// uneven light), 2-3 harsh. Scales noise, blur, lighting and JPEG compression together;
    /// masks stay exact. Use it to make a "worse" data set for pipeline tests.
    /// </summary>
    public double NoiseLevel { get; init; } = 1.0;

    /// <summary>
    /// Share of samples (0..1) whose mask is wrong on purpose: a rectangle of the window's size
    /// somewhere else in the photo (label noise). The photo is unchanged, the mask stays plausible
    /// (binary, non-empty), so data checks pass but training learns less.
    /// </summary>
    public double MislabeledFraction { get; init; }

    /// <summary>Throws a <see cref="WmsException"/> naming the bad field.</summary>
    public void Validate()
    {
        if (MinSize < 64) throw new WmsException($"min-size: {MinSize} is below 64 pixels");
        if (MaxSize > 8192) throw new WmsException($"max-size: {MaxSize} is above 8192 pixels");
        if (MaxSize < MinSize) throw new WmsException($"max-size: {MaxSize} is below min-size {MinSize}");
        if (NoiseLevel is < 0 or > 5 || double.IsNaN(NoiseLevel)) throw new WmsException($"noise: {NoiseLevel} is outside 0..5");
        if (MislabeledFraction is < 0 or > 1 || double.IsNaN(MislabeledFraction))
            throw new WmsException($"mislabeled: {MislabeledFraction} is outside 0..1");
    }
}
