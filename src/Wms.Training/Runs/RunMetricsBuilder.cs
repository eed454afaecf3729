namespace Wms.Training.Runs;

/// <summary>Builds <c>metrics.json</c>'s content from a run.</summary>
internal static class RunMetricsBuilder
{
    public static RunMetrics Build(TrainingStarted run, TrainingResult result, TrainingStatus status, int pairs,
        string? configFile, DateTimeOffset finishedAt, TimeSpan dataLoading, IReadOnlyList<string> plots)
    {
        var test = result.Test;
        var epochs = result.History.Select(e => new RunEpochRecord(e.Epoch,
            e.Train.Loss, e.Train.Dice, e.Train.Iou, e.Train.PixelAccuracy,
            e.Validation?.Loss, e.Validation?.Dice, e.Validation?.Iou, e.Validation?.PixelAccuracy,
            e.LearningRate, e.Duration.TotalSeconds, e.IsBest)).ToList();
        var samples = test?.Samples.Select(s => new RunTestSample(s.Stem, s.Loss, s.Metrics.Dice, s.Metrics.Iou,
            s.Metrics.PixelAccuracy, s.Metrics.Hausdorff)).ToList() ?? [];
        var split = run.Split;
        return new RunMetrics(
            RunMetrics.CurrentFormatVersion,
            status == TrainingStatus.Completed ? "completed" : "cancelled",
            StopReasonNames.Of(result.StopReason),
            run.StartedAt,
            finishedAt,
            run.DataDirectory,
            configFile,
            run.Parameters.ToDictionary(p => p.Key, p => p.Value),
            new RunDatasetInfo(pairs, split.Train.Count, split.Validation.Count, split.Test.Count, run.Options.ImageSize),
            new RunSplitStems(split.Train, split.Validation, split.Test),
            epochs,
            result.BestEpoch,
            result.HasBestWeights ? result.BestValidationLoss : null,
            test?.Summary.Dice,
            test?.Summary.Iou,
            test?.Summary.Hausdorff,
            test?.Summary.PixelAccuracy,
            test?.Loss,
            samples,
            new RunTimings(dataLoading.TotalSeconds, result.TrainingTime.TotalSeconds, result.TestTime.TotalSeconds,
                (finishedAt - run.StartedAt).TotalSeconds + dataLoading.TotalSeconds,
                epochs.Count == 0 ? 0 : epochs.Average(e => e.Seconds)),
            new RunFiles(
                result.HasBestWeights ? Model.Checkpoints.PthFileName : null,
                result.HasBestWeights ? Model.Checkpoints.NativeFileName : null,
                RunFolder.LogFileName, RunFolder.ConfigFileName, plots),
            result.DecayFollowedClockFrom);
    }
}
