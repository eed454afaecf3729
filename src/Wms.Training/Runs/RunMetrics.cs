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
    RunFiles Files,
    int? DecayFollowedClockFromEpoch = null)
{
    public const int CurrentFormatVersion = 1;
}
