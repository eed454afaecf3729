namespace Wms.Training.Runs;

/// <summary>One test photo's result with the best weights.</summary>
public sealed record RunTestSample(string Stem, double Loss, double Dice, double Iou, double PixelAccuracy, double Hausdorff);
