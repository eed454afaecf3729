using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wms.Cli.Tests.Hooks;
using Wms.Core;
using Wms.Core.Dvc;
using Wms.Core.Registry;
using Wms.Core.Tracking;
using Wms.Core.Tracking.Embedded;
using Wms.Core.Tracking.Liveness;
using Wms.Tests.Shared;
using Wms.Training;
using Xunit;

namespace Wms.Cli.Tests.Training;

/// <summary>`wms train` logging into the embedded store, and what the gate and promotion then find there.</summary>
public sealed class TrainTrackingTests
{
    private static readonly string[] OriginalParams =
    [
        "seed", "epochs", "batch_size", "learning_rate", "weight_decay", "early_stopping_patience", "scheduler_factor",
        "scheduler_patience", "hflip", "vflip", "rotation_degrees", "rotation_prob", "color_jitter_prob",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] Tiny(params string[] more) =>
        ["train", "--data", "data", "--image-size", "32", "--batch-size", "4", "--threads", "1", .. more, .. more.Contains("--epochs") ? [] : new[] { "--epochs", "2" }];

    private static SqliteTrackingStore Store(string workspace) => new(Path.Combine(workspace, ".wms"));

    [Fact]
    public async Task A_training_is_logged_as_a_finished_run_that_the_gate_and_promotion_take()
    {
        using var git = new GitSandbox();
        git.Commit("README.md", "meters\n", "first");
        var workspace = git.Work;
        var data = TestImages.CreateDataset(workspace, 12, 48, 40);
        var outputs = Path.Combine(workspace, "github_output");
        var settings = new Dictionary<string, string?> { ["GITHUB_OUTPUT"] = outputs, ["GITHUB_ACTOR"] = "ci" };

        File.WriteAllText(Path.Combine(workspace, "c.yaml"), "model:\n  postprocess: largest_region\ntraining:\n  validate_every: 2\n");

        var result = await CliRunner.RunAsync(workspace, Tiny("--config", "c.yaml", "--out", "runs/first", "--epochs", "3", "--format", "json"), settings, cancellationToken: Ct);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var summary = JsonDocument.Parse(result.Stdout).RootElement;
        var runId = summary.GetProperty("run_id").GetString()!;
        Assert.Equal($"run_id={runId}", File.ReadAllLines(outputs).Single());
        Assert.Contains($"Tracked as run {runId}", result.Stderr);

        using (var store = Store(workspace))
        {
            var run = await store.GetRunAsync(runId, Ct);
            Assert.Equal(RunStatus.Finished, run.Info.Status);
            Assert.Equal("first", run.Info.RunName);
            var experiment = await store.FindExperimentAsync(RegistryNames.ModelName, Ct);
            Assert.Equal(experiment!.ExperimentId, run.Info.ExperimentId);

            Assert.All(OriginalParams, p => Assert.True(run.Params.ContainsKey(p), p));
            Assert.Equal("1E-06", run.Params["min_lr"]);
            Assert.Equal("32", run.Params["image_size"]);
            Assert.Equal("largest_region", run.Params["postprocess"]);
            Assert.Equal("12", run.Params["dataset_size"]);
            Assert.Equal(DirectoryHasher.Hash(data, cancellationToken: Ct).Oid, run.Params["dataset_hash"]);
            Assert.Equal(git.Head, run.Params["git_commit"]);
            Assert.Equal(git.Head, run.Tags["mlflow.source.git.commit"]);
            Assert.Equal(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), run.Tags[RunOwner.PidTag]);

            // Validated after epoch 2 (validate_every) and the last: no val_* at the steps of the others.
            Assert.Equal([2L, 3L], (await store.GetMetricHistoryAsync(runId, "val_dice", Ct)).Select(m => m.Step));
            Assert.Equal([1L, 2L, 3L], (await store.GetMetricHistoryAsync(runId, "train_loss", Ct)).Select(m => m.Step));
            Assert.Equal(summary.GetProperty("final_test_dice").GetDouble(), run.GetMetric(ModelMetrics.Dice));
            Assert.Equal(summary.GetProperty("final_test_iou").GetDouble(), run.GetMetric(ModelMetrics.Iou));
            Assert.NotNull(run.GetMetric(ModelMetrics.Hausdorff));

            var root = (await store.ListArtifactsAsync(runId, null, Ct)).Select(a => a.Path).ToList();
            Assert.Equal(["config.yaml", "metrics.json", "model", "plots", "train.log"], root.Order(StringComparer.Ordinal));
            var model = (await store.ListArtifactsAsync(runId, "model", Ct)).Select(a => a.Path).ToList();
            Assert.Contains("model/MLmodel", model);
            Assert.Contains("model/model.onnx", model);
            Assert.Contains("model/best.pth", model);
            Assert.Contains("model/wms-model.json", model);
            Assert.Contains("plots/loss.png", (await store.ListArtifactsAsync(runId, "plots", Ct)).Select(a => a.Path));
            Assert.Contains("\"artifact_path\":\"model\"", run.Tags["mlflow.log-model.history"].Replace(" ", "", StringComparison.Ordinal));
        }

        var gate = await CliRunner.RunAsync(workspace, ["gate", "--run", runId, "--mask-size", "64"], settings, cancellationToken: Ct);
        Assert.True(gate.ExitCode == ExitCodes.Success, gate.ToString());
        Assert.Contains("gate passed: first model", gate.Stderr);

        var promote = await CliRunner.RunAsync(workspace, ["promote", "--run", runId], settings, cancellationToken: Ct);
        Assert.True(promote.ExitCode == ExitCodes.Success, promote.ToString());
        Assert.Contains("model_version=1", File.ReadAllLines(outputs));

        // The promoted model carries the post-processing it was trained and measured with.
        var eval = await CliRunner.RunAsync(workspace, ["eval", "--model", "production", "--split", "all", "--mask-size", "64", "--format", "json"],
            settings, cancellationToken: Ct);
        Assert.True(eval.ExitCode == ExitCodes.Success, eval.ToString());
        Assert.Equal("largest_region", JsonDocument.Parse(eval.Stdout).RootElement.GetProperty("postprocess").GetString());
    }

    [Fact]
    public async Task No_track_trains_with_the_tracker_down_and_logs_nothing()
    {
        using var temp = new TempDirectory();
        TestImages.CreateDataset(temp.Path, 12, 32, 32);
        // Nothing listens on port 1: a tracked run would fail to start.
        var down = new Dictionary<string, string?> { ["MLFLOW_TRACKING_URI"] = "http://127.0.0.1:1", ["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = "0" };

        var tracked = await CliRunner.RunAsync(temp.Path, Tiny("--out", "tracked", "--epochs", "1"), down, cancellationToken: Ct);
        var result = await CliRunner.RunAsync(temp.Path, Tiny("--out", "untracked", "--epochs", "1", "--no-track", "--format", "json"), down, cancellationToken: Ct);

        Assert.Equal(ExitCodes.DependencyUnavailable, tracked.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "tracked.partial")), "a run that never started leaves nothing behind");
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var summary = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("run_id").ValueKind);
        Assert.True(File.Exists(Path.Combine(temp.Path, "untracked", "metrics.json")));
        Assert.False(Directory.Exists(Path.Combine(temp.Path, ".wms")));
    }

    [Fact]
    public async Task Ctrl_C_ends_the_tracked_run_KILLED()
    {
        using var temp = new TempDirectory();
        TestImages.CreateDataset(temp.Path, 12, 32, 32);
        using var cancel = new CancellationTokenSource();

        var result = await CliRunner.RunAsync(temp.Path, Tiny("--out", "r", "--epochs", "5", "--format", "json"),
            configure: s => s.AddSingleton<ITrainingObserver>(new Observer(onBatch: b => { if (b.Epoch == 2) cancel.Cancel(); })),
            cancellationToken: cancel.Token);

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        var runId = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("run_id").GetString()!;
        using var store = Store(temp.Path);
        var run = await store.GetRunAsync(runId, Ct);
        Assert.Equal(RunStatus.Killed, run.Info.Status);
        Assert.Equal("cancelled by the user (Ctrl+C)", run.Tags[RunOwner.EndReasonTag]);
        Assert.Equal([1L], (await store.GetMetricHistoryAsync(runId, "val_loss", Ct)).Select(m => m.Step));
        Assert.Null(run.GetMetric(ModelMetrics.Dice));
        Assert.DoesNotContain("model", (await store.ListArtifactsAsync(runId, null, Ct)).Select(a => a.Path));
    }

    [Fact]
    public async Task A_training_that_fails_ends_the_tracked_run_FAILED()
    {
        using var temp = new TempDirectory();
        TestImages.CreateDataset(temp.Path, 12, 32, 32);

        var result = await CliRunner.RunAsync(temp.Path, Tiny("--out", "r"),
            configure: s => s.AddSingleton<ITrainingObserver>(new Observer(onEpoch: _ => throw new WmsException("disk full"))),
            cancellationToken: Ct);

        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        using var store = Store(temp.Path);
        var experiment = await store.FindExperimentAsync(RegistryNames.ModelName, Ct);
        var run = Assert.Single(await store.SearchRunsAsync(experiment!.ExperimentId, cancellationToken: Ct));
        Assert.Equal(RunStatus.Failed, run.Info.Status);
        Assert.Equal("disk full", run.Tags[RunOwner.EndReasonTag]);
    }

    [Fact]
    public async Task The_same_out_twice_puts_the_second_run_inside_the_first_folder_under_a_timestamp()
    {
        using var temp = new TempDirectory();
        TestImages.CreateDataset(temp.Path, 8, 32, 32);

        var first = await CliRunner.RunAsync(temp.Path, Tiny("--out", "runs", "--epochs", "1", "--format", "json"), cancellationToken: Ct);
        var second = await CliRunner.RunAsync(temp.Path, Tiny("--out", "runs", "--epochs", "1", "--format", "json"), cancellationToken: Ct);

        Assert.True(second.ExitCode == ExitCodes.Success, second.ToString());
        Assert.Equal(temp.Combine("runs"), JsonDocument.Parse(first.Stdout).RootElement.GetProperty("run_directory").GetString());
        var nested = JsonDocument.Parse(second.Stdout).RootElement.GetProperty("run_directory").GetString()!;
        Assert.Equal(temp.Combine("runs"), Path.GetDirectoryName(nested));
        Assert.Matches(@"^\d{8}-\d{6}$", Path.GetFileName(nested));
        Assert.True(File.Exists(Path.Combine(nested, "metrics.json")));
        Assert.True(File.Exists(temp.Combine("runs", "metrics.json")));
    }

    [Fact]
    public async Task A_training_killed_outright_is_found_RUNNING_and_marked_KILLED_by_the_next_runs_list()
    {
        using var temp = new TempDirectory();
        TestImages.CreateDataset(temp.Path, 12, 32, 32);
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "wms"))
        {
            WorkingDirectory = temp.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in Tiny("--out", "r", "--epochs", "500", "--format", "json")) info.ArgumentList.Add(arg);
        foreach (var variable in new[] { "MLFLOW_TRACKING_URI", "WMS_HOME", "Tracking__Root", "GITHUB_OUTPUT" }) info.Environment.Remove(variable);
        using var training = Process.Start(info)!;
        string runId;
        try
        {
            runId = await WaitForFirstEpochAsync(temp.Path);
        }
        finally
        {
            training.Kill(); // SIGKILL: no handler runs, nothing ends the run
            await training.WaitForExitAsync(Ct);
        }

        using (var store = Store(temp.Path))
            Assert.Equal(RunStatus.Running, (await store.GetRunAsync(runId, Ct)).Info.Status);

        var list = await CliRunner.RunAsync(temp.Path, ["runs", "list", "--format", "json"], cancellationToken: Ct);

        Assert.True(list.ExitCode == ExitCodes.Success, list.ToString());
        Assert.Contains($"run {runId} was left RUNNING by a training that no longer runs; marked KILLED", list.Stderr);
        var listed = JsonDocument.Parse(list.Stdout).RootElement.GetProperty("runs").EnumerateArray().Single();
        Assert.Equal("KILLED", listed.GetProperty("status").GetString());
        using var after = Store(temp.Path);
        Assert.Equal($"process {training.Id} on {Environment.MachineName} ended without ending the run (killed)",
            (await after.GetRunAsync(runId, Ct)).Tags[RunOwner.EndReasonTag]);
    }

    /// <summary>The run id once the child process has logged its first epoch (it is then surely training).</summary>
    private static async Task<string> WaitForFirstEpochAsync(string workspace)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(250, Ct);
            if (!File.Exists(Path.Combine(workspace, ".wms", "tracking.db"))) continue;
            using var store = Store(workspace);
            if (await store.FindExperimentAsync(RegistryNames.ModelName, Ct) is not { } experiment) continue;
            var run = (await store.SearchRunsAsync(experiment.ExperimentId, cancellationToken: Ct)).SingleOrDefault();
            if (run is not null && (await store.GetMetricHistoryAsync(run.Info.RunId, "val_loss", Ct)).Count > 0) return run.Info.RunId;
        }
        throw new TimeoutException("the training process logged no epoch within 90 s");
    }

    private sealed class Observer(Action<BatchCompleted>? onBatch = null, Action<EpochMetrics>? onEpoch = null) : ITrainingObserver
    {
        public void OnBatchCompleted(BatchCompleted batch) => onBatch?.Invoke(batch);

        public void OnEpochCompleted(EpochMetrics epoch) => onEpoch?.Invoke(epoch);
    }
}
