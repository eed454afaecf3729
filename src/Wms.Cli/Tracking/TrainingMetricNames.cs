using Wms.Core.Registry;
using Wms.Core.Tracking;
using Wms.Training;

namespace Wms.Cli.Tracking;

/// <summary>The metric names a training logs: the original's <c>train_*</c>, <c>val_*</c> and <c>final_test_*</c>.</summary>
internal static class TrainingMetricNames
{
    /// <remarks>An epoch the run did not validate logs no <c>val_*</c> at its step: MLflow draws the curve through the steps it has.</remarks>
    public static IReadOnlyList<Metric> Epoch(EpochMetrics e, DateTimeOffset now) =>
    [
        new("train_loss", e.Train.Loss, e.Epoch, now),
        new("train_dice", e.Train.Dice, e.Epoch, now),
        new("train_iou", e.Train.Iou, e.Epoch, now),
        new("train_pixel_accuracy", e.Train.PixelAccuracy, e.Epoch, now),
        .. e.Validation is { } v
            ?
            [
                new("val_loss", v.Loss, e.Epoch, now),
                new("val_dice", v.Dice, e.Epoch, now),
                new("val_iou", v.Iou, e.Epoch, now),
                new("val_pixel_accuracy", v.PixelAccuracy, e.Epoch, now),
            ]
            : Array.Empty<Metric>(),
        new("learning_rate", e.LearningRate, e.Epoch, now),
        new("epoch_seconds", e.Duration.TotalSeconds, e.Epoch, now),
    ];

    /// <summary>The best weights on the test split, at step 0 as the original logged them.</summary>
    public static IReadOnlyList<Metric> FinalTest(TrainingOutcome outcome, DateTimeOffset now)
    {
        if (outcome.Result.Test is not { } test) return [];
        return
        [
            new(ModelMetrics.Dice, test.Summary.Dice, 0, now),
            new(ModelMetrics.Iou, test.Summary.Iou, 0, now),
            new(ModelMetrics.Hausdorff, test.Summary.Hausdorff, 0, now),
            new("final_test_pixel_accuracy", test.Summary.PixelAccuracy, 0, now),
            new("final_test_loss", test.Loss, 0, now),
            new("best_epoch", outcome.Result.BestEpoch, 0, now),
        ];
    }
}
