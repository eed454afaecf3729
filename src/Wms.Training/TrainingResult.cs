using Wms.Training.Evaluation;

namespace Wms.Training;

/// <summary>
/// What the trainer produced. <see cref="Test"/> is the best weights on the test split (null when
/// cancelled, or when no epoch finished); <see cref="TestPredictions"/> holds the predicted masks
/// of the first test samples, for plots.
/// </summary>
public sealed record TrainingResult(
    IReadOnlyList<EpochMetrics> History,
    int BestEpoch,
    double BestValidationLoss,
    StopReason StopReason,
    EvaluationResult? Test,
    IReadOnlyList<KeyValuePair<string, byte[]>> TestPredictions,
    TimeSpan TrainingTime,
    TimeSpan TestTime)
{
    public bool HasBestWeights => BestEpoch > 0;

    /// <summary>
    /// The first epoch whose learning rate <c>training.time_limit_minutes</c>' clock set, because the
    /// epochs were slower than the configured number fits in the limit; null when the batches alone
    /// set it, the one case where a rerun with the same seed on the same CPU repeats the run.
    /// </summary>
    public int? DecayFollowedClockFrom { get; init; }
}
