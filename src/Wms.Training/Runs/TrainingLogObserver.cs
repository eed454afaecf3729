using Microsoft.Extensions.Logging;

namespace Wms.Training.Runs;

/// <summary>Writes a run's progress to its log: the run's settings, every epoch, the outcome.</summary>
internal sealed class TrainingLogObserver(ILogger logger) : ITrainingObserver
{
    private int _epochs;

    public void OnRunStarted(TrainingStarted run)
    {
        _epochs = run.Options.Epochs;
        TrainingLog.Started(logger, run.DataDirectory, run.Split.Train.Count, run.Split.Validation.Count, run.Split.Test.Count,
            run.Options.ImageSize, run.BatchesPerEpoch);
        TrainingLog.Parameters(logger, string.Join(", ", run.Parameters.Select(p => $"{p.Key}={p.Value}")));
    }

    public void OnEpochCompleted(EpochMetrics e)
    {
        if (e.Validation is { } v)
            TrainingLog.Epoch(logger, e.Epoch, _epochs,
                e.Train.Loss, e.Train.Dice, e.Train.Iou, e.Train.PixelAccuracy,
                v.Loss, v.Dice, v.Iou, v.PixelAccuracy,
                e.LearningRate, e.Duration.TotalSeconds, e.IsBest ? " (best)" : "");
        else
            TrainingLog.EpochNotValidated(logger, e.Epoch, _epochs,
                e.Train.Loss, e.Train.Dice, e.Train.Iou, e.Train.PixelAccuracy, e.LearningRate, e.Duration.TotalSeconds);
    }

    /// <summary>Called by the run before it renames the folder, so the log is complete in the final folder.</summary>
    public void OnTrained(TrainingResult result, string directory)
    {
        TrainingLog.Stopped(logger, StopReasonNames.Of(result.StopReason), result.History.Count, result.BestEpoch, result.BestValidationLoss);
        if (result.DecayFollowedClockFrom is { } epoch) TrainingLog.DecayFollowedClock(logger, epoch);
        if (result.Test is { } test)
            TrainingLog.Tested(logger, test.Summary.Count, test.Summary.Dice, test.Summary.Iou, test.Summary.Hausdorff, test.Summary.PixelAccuracy);
        if (result.StopReason == StopReason.Cancelled)
            TrainingLog.Cancelled(logger, result.BestEpoch, directory);
    }

    public void OnFailed(Exception error) => TrainingLog.Failed(logger, error.Message);
}
