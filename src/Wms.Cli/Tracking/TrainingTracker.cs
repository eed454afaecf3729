using System.Globalization;
using Wms.Cli.Gate;
using Wms.Core;
using Wms.Core.Models;
using Wms.Core.Registry;
using Wms.Core.Tracking;
using Wms.Core.Tracking.Liveness;
using Wms.Training;
using Wms.Training.Model;
using Wms.Training.Onnx;
using Wms.Training.Runs;

namespace Wms.Cli.Tracking;

/// <summary>
/// Logs a <c>wms train</c> into the tracking store, as an observer the CLI attaches (the trainer
/// does not know it): at start the run (tags with the owning process, git commit, data folder),
/// the params (the original's 13, then ours, the dataset's size and hash); every epoch's metrics
/// at step = epoch; at the end the <c>final_test_*</c> metrics, the log, config, metrics.json,
/// plots and the model as an MLflow model folder under <c>model/</c>, then FINISHED. A cancelled
/// run ends KILLED, a failed one FAILED. Observer calls are synchronous, so this waits on the store.
/// </summary>
public sealed class TrainingTracker(ITrackingStore store, string experimentName, Workspace workspace, TimeProvider time, Action<string> warn)
    : ITrainingObserver
{
    /// <summary>Batches refresh the heartbeat at most this often (an epoch at 512x512 can take minutes).</summary>
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(60);

    private TrackedRun? _run;
    private DateTimeOffset _lastHeartbeat;
    private readonly List<Metric> _unsent = [];

    /// <summary>The tracked run's id once training started; null before (or when it never started).</summary>
    public string? RunId => _run?.RunId;

    /// <summary>Where the run is logged, for messages.</summary>
    public string Location => store.Location;

    public void OnRunStarted(TrainingStarted run)
    {
        var now = time.GetUtcNow();
        var commit = RunProvenance.GitCommit(workspace.Root, run.DataDirectory);
        var tags = new Dictionary<string, string>(RunOwner.Current().Tags(now))
        {
            ["mlflow.source.name"] = "wms train",
            ["mlflow.source.type"] = "LOCAL",
            ["mlflow.user"] = Environment.UserName,
            [RunTestSet.DataDirectoryTag] = run.DataDirectory,
            ["wms.run_directory"] = run.OutputDirectory,
        };
        if (commit is not null) tags["mlflow.source.git.commit"] = commit;

        _run = Wait(TrackedRun.StartAsync(store, experimentName, Path.GetFileName(run.OutputDirectory), tags, time));
        _lastHeartbeat = now;
        var pairs = run.Split.Train.Count + run.Split.Validation.Count + run.Split.Test.Count;
        var parameters = run.Parameters.ToDictionary(p => p.Key, p => p.Value);
        parameters["dataset_size"] = pairs.ToString(CultureInfo.InvariantCulture);
        parameters["dataset_hash"] = RunProvenance.DatasetHash(run.DataDirectory);
        if (commit is not null) parameters["git_commit"] = commit;
        Wait(_run.LogParamsAsync(parameters));
    }

    public void OnBatchCompleted(BatchCompleted batch)
    {
        if (_run is null || time.GetUtcNow() - _lastHeartbeat < HeartbeatInterval) return;
        Heartbeat();
    }

    public void OnEpochCompleted(EpochMetrics epoch)
    {
        if (_run is null) return;
        _unsent.AddRange(TrainingMetricNames.Epoch(epoch, time.GetUtcNow()));
        try
        {
            // A store that stays down through the retries should not throw away hours of training:
            // the metrics wait and go with the final ones.
            Wait(store.LogBatchAsync(_run.RunId, _unsent.ToList()));
            _unsent.Clear();
        }
        catch (WmsException e)
        {
            warn($"tracking: epoch {epoch.Epoch}'s metrics not logged yet, retried at the end ({e.Message})");
        }
        Heartbeat();
    }

    public void OnCompleted(TrainingOutcome outcome)
    {
        if (_run is null) return;
        try
        {
            var now = time.GetUtcNow();
            Wait(store.LogBatchAsync(_run.RunId, [.. _unsent, .. TrainingMetricNames.FinalTest(outcome, now)]));
            _unsent.Clear();
            LogRunFiles(outcome.RunDirectory);
            if (outcome.Status == TrainingStatus.Completed && outcome.Result.HasBestWeights)
                LogModel(outcome);
            if (outcome.Status == TrainingStatus.Cancelled)
                Wait(store.SetTagAsync(_run.RunId, RunOwner.EndReasonTag, "cancelled by the user (Ctrl+C)"));
            Wait(_run.EndAsync(outcome.Status == TrainingStatus.Completed ? RunStatus.Finished : RunStatus.Killed));
        }
        catch (Exception e)
        {
            End(RunStatus.Failed, $"logging the finished run failed: {e.Message}");
            throw;
        }
    }

    public void OnFailed(Exception error) =>
        End(error is OperationCanceledException ? RunStatus.Killed : RunStatus.Failed, error.Message.Split('\n')[0]);

    private void LogRunFiles(string directory)
    {
        foreach (var name in new[] { RunFolder.LogFileName, RunFolder.ConfigFileName, RunFolder.MetricsFileName })
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path)) Wait(store.LogArtifactAsync(_run!.RunId, path));
        }
        foreach (var plot in Directory.EnumerateFiles(directory, "*.png").Order(StringComparer.Ordinal))
            Wait(store.LogArtifactAsync(_run!.RunId, plot, "plots"));
    }

    /// <summary>The best weights as an MLflow model folder (ONNX checked against TorchSharp), uploaded as <c>model/</c>, then recorded as a logged model.</summary>
    private void LogModel(TrainingOutcome outcome)
    {
        var temp = Directory.CreateTempSubdirectory("wms-train-model-").FullName;
        try
        {
            var folder = Path.Combine(temp, RegistryNames.ModelArtifactPath);
            using (var model = Checkpoints.Open(Path.Combine(outcome.RunDirectory, Checkpoints.NativeFileName)))
            {
                ModelFolderExporter.Export(model, folder, new ModelFolderExportOptions
                {
                    ImageSize = outcome.Run.Options.ImageSize,
                    Postprocess = outcome.Run.Options.Postprocess,
                    RunId = _run!.RunId,
                    Time = time,
                });
            }
            Wait(store.LogArtifactsAsync(_run.RunId, folder, RegistryNames.ModelArtifactPath));
            Wait(store.LogModelAsync(_run.RunId, MlModelJson.FromFile(Path.Combine(folder, ModelContract.MlModelFileName))));
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private void Heartbeat()
    {
        var now = time.GetUtcNow();
        _lastHeartbeat = now;
        try
        {
            Wait(store.SetTagAsync(_run!.RunId, RunOwner.HeartbeatTag, RunOwner.Stamp(now)));
        }
        catch (WmsException)
        {
            // A missed heartbeat only matters after half an hour of them; the next one may get through.
        }
    }

    private void End(RunStatus status, string reason)
    {
        if (_run is null) return;
        try
        {
            Wait(store.SetTagAsync(_run.RunId, RunOwner.EndReasonTag, reason));
            Wait(_run.EndAsync(status));
        }
        catch (WmsException e)
        {
            warn($"tracking: could not mark run {_run.RunId} {status.ToString().ToUpperInvariant()} ({e.Message}); the next 'wms train' or 'wms runs list' will");
        }
    }

    private static void Wait(Task task) => task.GetAwaiter().GetResult();

    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
}
