namespace Wms.Cli.Gate;

/// <summary>One model's numbers in the gate.</summary>
/// <param name="StoredDice">The run's logged <c>final_test_dice</c> (null when it has none).</param>
/// <param name="StoredIou">The run's logged <c>final_test_iou</c>.</param>
/// <param name="Dice">Re-evaluated now on the candidate's test photos (null when not evaluated).</param>
/// <param name="Iou">Re-evaluated IoU.</param>
/// <param name="Hausdorff">Re-evaluated mean Hausdorff distance, in pixels at the mask size.</param>
/// <param name="PixelAccuracy">Re-evaluated pixel accuracy.</param>
public sealed record GateScores(double? StoredDice, double? StoredIou, double? Dice, double? Iou, double? Hausdorff, double? PixelAccuracy);
