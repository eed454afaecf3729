using Wms.Core.Tracking;
using Wms.Training;
using Wms.Training.Runs;

namespace Wms.Cli.Pipeline.Steps;

/// <summary>
/// Trains on the merged data set with <see cref="TrainingRun"/> (as `wms train`) into a run folder
/// of its own, then logs it as a tracking run. A folder left by an attempt that was killed
/// (<c>.partial</c>, or finished but never recorded) is kept as it is; this attempt takes the next free name.
/// </summary>
public sealed class TrainStep(TrainingRun training, IEnumerable<ITrainingObserver> observers, ITrackingStore tracking, TimeProvider time)
{
    public async Task<TrainStepResult> RunAsync(PipelineRequest request, string pipelineId, string experiment, ITrainingObserver? progress,
        CancellationToken cancellationToken)
    {
        var output = FreeRunFolder(request.RunsDirectory, $"pipeline-{pipelineId}");
        var all = new CompositeObserver(progress is null ? observers : [progress, .. observers]);
        var outcome = await training.RunAsync(new TrainingRequest(request.DataDirectory, output, request.Options, request.ConfigFile), all, cancellationToken);
        if (outcome.Status == TrainingStatus.Cancelled)
            throw new OperationCanceledException("training cancelled", cancellationToken);
        var runId = await TrainingRunRecorder.LogAsync(tracking, experiment, outcome.RunDirectory, pipelineId, time, cancellationToken);
        var test = outcome.Test;
        return new TrainStepResult(outcome.RunDirectory, runId, outcome.Result.History.Count, test?.Dice, test?.Iou, test?.Hausdorff);
    }

    private static string FreeRunFolder(string runs, string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            var candidate = Path.Combine(runs, attempt == 1 ? name : $"{name}-{attempt}");
            if (!Directory.Exists(candidate) && !Directory.Exists(RunFolder.PartialOf(candidate)) && !File.Exists(candidate))
                return candidate;
        }
    }
}
