namespace Wms.Training;

/// <summary>
/// Training-time augmentation (REFERENCE.md §2), in this order: horizontal flip, vertical flip,
/// rotation and zoom (photo bilinear, mask nearest, fill 0), then the preprocessing's stretch and median,
/// then brightness (photo only). Probabilities are in [0, 1].
/// </summary>
public sealed record AugmentationOptions
{
    public double HorizontalFlip { get; init; } = 0.5;
    public double VerticalFlip { get; init; } = 0.3;

    /// <summary>The angle is uniform in [-this, +this] degrees.</summary>
    public double RotationDegrees { get; init; } = 10;
    public double RotationProbability { get; init; } = 0.5;

    /// <summary>
    /// Probability of a further quarter turn (+-90 degrees, either way alike): phones photograph
    /// meters mounted sideways, whose counters run vertically. Not in the original (0 keeps it
    /// off); training photos are square, so a quarter turn loses no pixel.
    /// </summary>
    public double QuarterTurnProbability { get; init; }

    /// <summary>
    /// Probability of zooming the photo about its centre by a factor uniform in
    /// [1 - <see cref="ScaleLimit"/>, 1 + <see cref="ScaleLimit"/>] (the convention of
    /// albumentations' <c>scale_limit</c>), with the rotation: the counters of phone photos come
    /// at every size, from far meters to close-ups running off the photo. A zoom out fills the
    /// border with 0, as a rotation fills its corners. Not in the original (0 keeps it off).
    /// </summary>
    public double ScaleProbability { get; init; }

    public double ScaleLimit { get; init; } = 0.3;

    /// <summary>Probability of multiplying the photo's brightness by U(0.8, 1.2).</summary>
    public double ColorJitterProbability { get; init; } = 0.3;

    /// <summary>
    /// When set, each training photo is cut to a random window of this many pixels square, after
    /// the stretch and median (which therefore see the whole photo, as at prediction). The model
    /// then learns at the full input size's scale for the price of a step at the window's size,
    /// and predicts whole photos at the input size. Not in the original (null keeps it off).
    /// </summary>
    public int? CropSize { get; init; }

    /// <summary>
    /// With a crop, the probability that the window is placed to hold the counter (all of it when
    /// it fits); otherwise anywhere, so the model also sees the rest of the meter.
    /// </summary>
    public double CropOnCounterProbability { get; init; } = 0.7;

    /// <summary>
    /// With a crop, a window placed on a counter longer than <see cref="CounterFitShare"/> of the
    /// window zooms the photo out until the whole counter fits. Off, such a window lies inside the
    /// counter, so the counter's ends (where the red fraction wheels are) almost never appear with
    /// anything around them: one counter in six at 512x512 is longer than a 256x256 window.
    /// </summary>
    public bool CropFitsCounter { get; init; }

    /// <summary>The share of the window a fitted counter's longest side takes: the rest is the context around its ends.</summary>
    public const double CounterFitShare = 0.875;

    /// <summary>No augmentation at all (evaluation, or training that should not augment).</summary>
    public static readonly AugmentationOptions None = new()
    {
        HorizontalFlip = 0, VerticalFlip = 0, RotationDegrees = 0, RotationProbability = 0, ColorJitterProbability = 0, ScaleProbability = 0,
    };
}
