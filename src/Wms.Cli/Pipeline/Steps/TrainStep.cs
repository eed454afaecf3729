using Microsoft.Extensions.Options;
using Wms.Cli.Output;
using Wms.Cli.Tracking;
using Wms.Core;
using Wms.Core.Tracking;
using Wms.Core.Tracking.Liveness;
using Wms.Training;
using Wms.Training.Runs;

namespace Wms.Cli.Pipeline.Steps;

/// <summary>
/// Trains on the merged data set with <see cref="TrainingRun"/>, tracked exactly as `wms train`
/// tracks (<see cref="TrainingTracker"/>: params, dataset hash, epochs, final_test_*, files, the
/// model folder; KILLED on Ctrl+C), into a run folder of its own. A folder left by an attempt that
/// was killed (<c>.partial</c>) is kept as it is; this attempt takes the next free name.
/// </summary>
public sealed class TrainStep(TrainingRun training, IEnumerable<ITrainingObserver> observers, ITrackingStore tracking,
    IOptions<TrackingOptions> trackingOptions, Workspace workspace, IConsoleUi ui, TimeProvider time)
{
    /// <summary>The tag naming the pipeline run that trained a run.</summary>
    public const string PipelineIdTag = "wms.pipeline_id";

    public async Task<TrainStepResult> RunAsync(PipelineRequest request, string pipelineId, ITrainingObserver? progress, CancellationToken cancellationToken)
    {
        var output = FreeRunFolder(request.RunsDirectory, $"pipeline-{pipelineId}");
        await ReconcileStaleRunsAsync(cancellationToken);
        var tracker = new TrainingTracker(tracking, trackingOptions.Value.ExperimentName, workspace, time, ui.Warn);
        var all = new CompositeObserver([.. progress is null ? [] : new[] { progress }, .. observers, tracker]);
        var outcome = await training.RunAsync(new TrainingRequest(request.DataDirectory, output, request.Options, request.ConfigFile), all, cancellationToken);
        if (outcome.Status == TrainingStatus.Cancelled)
            throw new OperationCanceledException("training cancelled", cancellationToken);
        var runId = tracker.RunId ?? throw new WmsException($"{outcome.RunDirectory}: the training was not tracked ({tracking.Location})", WmsErrorKind.DependencyUnavailable);
        await tracking.SetTagAsync(runId, PipelineIdTag, pipelineId, cancellationToken);
        var test = outcome.Test;
        return new TrainStepResult(outcome.RunDirectory, runId, outcome.Result.History.Count, test?.Dice, test?.Iou, test?.Hausdorff);
    }

    /// <summary>A run a killed attempt left RUNNING ends KILLED now (as `wms train` does); the tracker being down does not stop the training.</summary>
    private async Task ReconcileStaleRunsAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await tracking.FindExperimentAsync(trackingOptions.Value.ExperimentName, cancellationToken) is not { } experiment) return;
            foreach (var runId in await new StaleRunReconciler(tracking, time).ReconcileAsync(experiment.ExperimentId, cancellationToken: cancellationToken))
                ui.Warn($"run {runId} was left RUNNING by a training that no longer runs; marked KILLED");
        }
        catch (WmsException e)
        {
            ui.Warn($"tracking: could not check for runs left RUNNING ({e.Message})");
        }
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
