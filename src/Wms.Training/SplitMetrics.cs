namespace Wms.Training;

/// <summary>Mean loss and metrics of one split in one epoch.</summary>
public sealed record SplitMetrics(double Loss, double Dice, double Iou, double PixelAccuracy);
