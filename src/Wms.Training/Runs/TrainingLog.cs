using Microsoft.Extensions.Logging;

namespace Wms.Training.Runs;

/// <summary>The training log's messages (train.log), source-generated.</summary>
internal static partial class TrainingLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Training on {Data}: {Train} train, {Validation} validation, {Test} test pairs at {Size}x{Size}; {Batches} batches per epoch")]
    public static partial void Started(ILogger logger, string data, int train, int validation, int test, int size, int batches);

    [LoggerMessage(Level = LogLevel.Information, Message = "Parameters: {Parameters}")]
    public static partial void Parameters(ILogger logger, string parameters);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Epoch {Epoch}/{Epochs}: train loss {TrainLoss:F4} dice {TrainDice:F4} iou {TrainIou:F4} acc {TrainAccuracy:F4} | val loss {ValLoss:F4} dice {ValDice:F4} iou {ValIou:F4} acc {ValAccuracy:F4} | lr {LearningRate:G3} | {Seconds:F1} s{Best}")]
    public static partial void Epoch(ILogger logger, int epoch, int epochs, double trainLoss, double trainDice, double trainIou, double trainAccuracy,
        double valLoss, double valDice, double valIou, double valAccuracy, double learningRate, double seconds, string best);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Epoch {Epoch}/{Epochs}: train loss {TrainLoss:F4} dice {TrainDice:F4} iou {TrainIou:F4} acc {TrainAccuracy:F4} | not validated | lr {LearningRate:G3} | {Seconds:F1} s")]
    public static partial void EpochNotValidated(ILogger logger, int epoch, int epochs, double trainLoss, double trainDice, double trainIou, double trainAccuracy,
        double learningRate, double seconds);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The learning rate followed the clock from epoch {Epoch}: training.epochs did not fit in training.time_limit_minutes at this machine's speed, so a rerun will not repeat this run exactly (fewer epochs would)")]
    public static partial void DecayFollowedClock(ILogger logger, int epoch);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped ({Reason}) after {Epochs} epochs; best epoch {BestEpoch}, validation loss {BestLoss:F4}")]
    public static partial void Stopped(ILogger logger, string reason, int epochs, int bestEpoch, double bestLoss);

    [LoggerMessage(Level = LogLevel.Information, Message = "Test ({Count} pairs, best weights): dice {Dice:F4} iou {Iou:F4} hausdorff {Hausdorff:F2} acc {Accuracy:F4}")]
    public static partial void Tested(ILogger logger, int count, double dice, double iou, double hausdorff, double accuracy);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cancelled: the best weights so far (epoch {BestEpoch}) are kept in {Directory}")]
    public static partial void Cancelled(ILogger logger, int bestEpoch, string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "Training failed: {Error}")]
    public static partial void Failed(ILogger logger, string error);
}
