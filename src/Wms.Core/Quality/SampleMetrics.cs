namespace Wms.Core.Quality;

/// <summary>
/// How well one predicted mask matches its true mask (REFERENCE.md §2). <see cref="Hausdorff"/> is
/// in pixels; it is <see cref="double.NaN"/> when it was not asked for (it is the costly one).
/// </summary>
public sealed record SampleMetrics(double Dice, double Iou, double PixelAccuracy, double Hausdorff);
