namespace Wms.Training.Runs;

/// <summary>One epoch, by the original's metric names (<c>train_loss</c>, <c>val_dice</c>, ...); the <c>val_*</c> are null after an epoch the run did not validate (<c>training.validate_every</c>).</summary>
public sealed record RunEpochRecord(
    int Epoch,
    double TrainLoss, double TrainDice, double TrainIou, double TrainPixelAccuracy,
    double? ValLoss, double? ValDice, double? ValIou, double? ValPixelAccuracy,
    double LearningRate, double Seconds, bool Best);
