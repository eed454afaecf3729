namespace Wms.Training.Runs;

/// <summary>
/// <c>metrics.json</c>: everything a run measured, with the original's metric names
/// (<c>final_test_dice</c>, ...). Written last; <see cref="Status"/> is "completed" or "cancelled".
/// The split's stems are here so a later evaluation (the gate) can use the very same test photos.
/// </summary>
public sealed record RunMetrics(
    int FormatVersion,
    string Status,
    string StopReason,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string DataDirectory,
    string? ConfigFile,
    IReadOnlyDictionary<string, string> Params,
    RunDatasetInfo Dataset,
    RunSplitStems Split,
    IReadOnlyList<RunEpochRecord> Epochs,
    int BestEpoch,
    double? BestValLoss,
    double? FinalTestDice,
    double? FinalTestIou,
    double? FinalTestHausdorff,
    double? FinalTestPixelAccuracy,
    double? FinalTestLoss,
    IReadOnlyList<RunTestSample> TestSamples,
    RunTimings Timings,
    RunFiles Files)
{
    public const int CurrentFormatVersion = 1;
}

/// <summary>How many pairs the data folder had and how they were split.</summary>
public sealed record RunDatasetInfo(int Pairs, int Train, int Val, int Test, int ImageSize);

/// <summary>The stems of each split, sorted.</summary>
public sealed record RunSplitStems(IReadOnlyList<string> Train, IReadOnlyList<string> Val, IReadOnlyList<string> Test);

/// <summary>One epoch, by the original's metric names (<c>train_loss</c>, <c>val_dice</c>, ...).</summary>
public sealed record RunEpochRecord(
    int Epoch,
    double TrainLoss, double TrainDice, double TrainIou, double TrainPixelAccuracy,
    double ValLoss, double ValDice, double ValIou, double ValPixelAccuracy,
    double LearningRate, double Seconds, bool Best);

/// <summary>One test photo's result with the best weights.</summary>
public sealed record RunTestSample(string Stem, double Loss, double Dice, double Iou, double PixelAccuracy, double Hausdorff);

/// <summary>Where the time went, in seconds.</summary>
public sealed record RunTimings(double DataLoadingSeconds, double TrainingSeconds, double TestSeconds, double TotalSeconds, double MeanEpochSeconds);

/// <summary>The run folder's other files, relative to it (null when not written).</summary>
public sealed record RunFiles(string? WeightsPth, string? WeightsNative, string Log, string Config, IReadOnlyList<string> Plots);
