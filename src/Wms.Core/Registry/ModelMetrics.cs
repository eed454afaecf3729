namespace Wms.Core.Registry;

/// <summary>The run metrics a model is judged by (logged by training on the test split).</summary>
public static class ModelMetrics
{
    /// <summary>Test Dice of the best weights.</summary>
    public const string Dice = "final_test_dice";

    /// <summary>Test IoU of the best weights.</summary>
    public const string Iou = "final_test_iou";

    /// <summary>Test Hausdorff distance of the best weights.</summary>
    public const string Hausdorff = "final_test_hausdorff";
}
