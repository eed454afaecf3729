using Wms.Core;
using Wms.Tests.Shared;
using Wms.Training.Data;
using Wms.Training.Evaluation;
using Wms.Training.Model;
using Wms.Training.Runs;
using Xunit;

namespace Wms.Training.Tests.Runs;

/// <summary>Whole runs on tiny generated data (64x64): seconds each.</summary>
public sealed class TrainingRunTests
{
    private static readonly TrainingOptions Tiny = new()
    {
        ImageSize = 64, Epochs = 6, BatchSize = 4, LearningRate = 1e-3, Seed = 3, Threads = 1, EarlyStoppingPatience = 10,
    };

    [Fact]
    public async Task A_run_trains_tests_and_writes_a_complete_run_folder()
    {
        using var temp = new TempDirectory();
        var data = TestImages.CreateDataset(temp.Path, 30);
        var output = temp.Combine("runs", "r1");
        var observer = new RecordingObserver();

        var outcome = await new TrainingRun().RunAsync(new TrainingRequest(data, output, Tiny, "cfg.yaml"), observer, TestContext.Current.CancellationToken);

        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        Assert.Equal(output, outcome.RunDirectory);
        Assert.False(Directory.Exists(output + ".partial"));
        foreach (var file in new[] { "best.pth", "best.dat", "train.log", "config.yaml", "metrics.json", "loss.png", "dice.png", "iou.png", "test_predictions.png" })
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        Assert.Equal(Array.Empty<string>(), Directory.GetFiles(output, "*.tmp"));
        Assert.Equal(Tiny, Wms.Training.Configuration.TrainingConfigFile.Load(Path.Combine(output, "config.yaml")) with { Seed = 3, Threads = 1 });

        // Events in order: loading, started, 6 batches then an epoch (24 train pairs / 4), ..., completed.
        Assert.Equal(["loading", "started", "batch 1.1/6"], observer.Events.Take(3));
        Assert.Equal(["batch 1.6/6", "epoch 1", "batch 2.1/6"], observer.Events.Skip(7).Take(3));
        Assert.Equal("completed", observer.Events[^1]);
        Assert.Same(outcome, observer.Outcome);

        var metrics = RunMetricsFile.Read(Path.Combine(output, "metrics.json"));
        Assert.Equal("completed", metrics.Status);
        Assert.Equal("max_epochs", metrics.StopReason);
        Assert.Equal("cfg.yaml", metrics.ConfigFile);
        Assert.Equal(("best.pth", "best.dat", "train.log", "config.yaml"), (metrics.Files.WeightsPth, metrics.Files.WeightsNative, metrics.Files.Log, metrics.Files.Config));
        Assert.Equal(["loss.png", "dice.png", "iou.png", "test_predictions.png"], metrics.Files.Plots);
        var grid = Wms.Core.Imaging.ImageDecoder.DecodeRgb(Path.Combine(output, "test_predictions.png"));
        Assert.True(grid.Height > grid.Width, "one row per test photo (3 here) of photo | true mask | predicted mask");
        Assert.Equal(new RunDatasetInfo(30, 24, 3, 3, 64), metrics.Dataset);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"meter_{i:D3}"),
            metrics.Split.Train.Concat(metrics.Split.Val).Concat(metrics.Split.Test).Order(StringComparer.Ordinal));
        Assert.Equal("3", metrics.Params["seed"]);
        Assert.Equal("64", metrics.Params["image_size"]);
        Assert.Equal(13 + 26, metrics.Params.Count);
        Assert.Equal(("4", "16"), (metrics.Params["depth"], metrics.Params["base_filters"]));
        Assert.Equal("none", metrics.Params["weight_average"]);
        Assert.Equal(("0", "0.3"), (metrics.Params["scale_prob"], metrics.Params["scale_limit"]));
        Assert.Equal("none", metrics.Params["crop_size"]);
        Assert.Equal("false", metrics.Params["crop_fit_counter"]);
        Assert.Equal("none", metrics.Params["init_weights"]);
        Assert.Equal("none", metrics.Params["postprocess"]);
        Assert.Equal(6, metrics.Epochs.Count);
        Assert.Equal([1, 2, 3, 4, 5, 6], metrics.Epochs.Select(e => e.Epoch));
        Assert.Equal(metrics.Epochs.Where(e => e.Best).Last().Epoch, metrics.BestEpoch);
        Assert.Equal(metrics.Epochs.Min(e => e.ValLoss), metrics.BestValLoss);

        // It learned: validation and training loss went down.
        Assert.True(metrics.Epochs.Skip(1).Min(e => e.ValLoss) < metrics.Epochs[0].ValLoss, "validation loss never went below epoch 1's");
        Assert.True(metrics.Epochs[^1].TrainLoss < metrics.Epochs[0].TrainLoss, "training loss did not go down");
        Assert.All(metrics.Epochs, e => Assert.InRange(e.TrainDice, 0, 1));

        Assert.NotNull(metrics.FinalTestDice);
        Assert.InRange(metrics.FinalTestDice.Value, 0, 1);
        Assert.InRange(metrics.FinalTestIou!.Value, 0, metrics.FinalTestDice.Value);
        Assert.InRange(metrics.FinalTestPixelAccuracy!.Value, 0, 1);
        Assert.InRange(metrics.FinalTestHausdorff!.Value, 0, Math.Sqrt(2) * 64);
        Assert.Equal(metrics.Split.Test, metrics.TestSamples.Select(s => s.Stem));
        Assert.Equal(metrics.FinalTestDice.Value, metrics.TestSamples.Average(s => s.Dice), 12);

        // The saved best weights give the recorded test metrics again.
        using var model = new UNet();
        Checkpoints.Load(model, Path.Combine(output, "best.pth"));
        var test = SampleCache.Load(DatasetFolder.Scan(data).Where(p => metrics.Split.Test.Contains(p.Stem)).ToList(), 64,
            cancellationToken: TestContext.Current.CancellationToken).Select(s => s.Prepare()).ToList();
        var again = Evaluator.Evaluate(model, test, 4, hausdorff: true, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(metrics.FinalTestDice.Value, again.Summary.Dice, 6);
        Assert.Equal(metrics.FinalTestHausdorff.Value, again.Summary.Hausdorff, 6);

        var log = File.ReadAllText(Path.Combine(output, "train.log"));
        Assert.Contains("Epoch 6/6: train loss", log);
        Assert.Contains("Test (3 pairs, best weights): dice", log);
    }

    [Fact]
    public async Task Cancelling_keeps_the_best_weights_so_far_in_a_partial_folder_marked_cancelled()
    {
        using var temp = new TempDirectory();
        var data = TestImages.CreateDataset(temp.Path, 20, 64, 64);
        var output = temp.Combine("r2");
        using var cancel = new CancellationTokenSource();
        var observer = new RecordingObserver(cancel, cancelAtEpoch: 2, cancelAtBatch: 2);

        var outcome = await new TrainingRun().RunAsync(new TrainingRequest(data, output, Tiny), observer, cancel.Token);

        Assert.Equal(TrainingStatus.Cancelled, outcome.Status);
        Assert.Equal(StopReason.Cancelled, outcome.Result.StopReason);
        Assert.False(Directory.Exists(output), "a cancelled run must not look finished");
        var partial = output + ".partial";
        Assert.Equal(partial, outcome.RunDirectory);
        Assert.Equal("batch 2.2/4", observer.Events[^2]); // stopped right after the batch it was cancelled in
        Assert.True(File.Exists(Path.Combine(partial, "best.pth")));
        Assert.True(File.Exists(Path.Combine(partial, "best.dat")));
        var metrics = RunMetricsFile.Read(Path.Combine(partial, "metrics.json"));
        Assert.Equal("cancelled", metrics.Status);
        Assert.Equal(1, metrics.BestEpoch);
        Assert.Single(metrics.Epochs);
        Assert.Null(metrics.FinalTestDice);
        Assert.Equal(["loss.png", "dice.png", "iou.png"], metrics.Files.Plots);
        Assert.False(File.Exists(Path.Combine(partial, "test_predictions.png")));
        Assert.Contains("Cancelled: the best weights so far (epoch 1)", File.ReadAllText(Path.Combine(partial, "train.log")));
    }

    [Fact]
    public async Task A_run_on_crops_trains_on_windows_and_validates_and_tests_whole_photos()
    {
        using var temp = new TempDirectory();
        var data = TestImages.CreateDataset(temp.Path, 30);
        var cropped = Tiny with { Epochs = 2, Augmentation = new AugmentationOptions { CropSize = 32 } };

        var outcome = await new TrainingRun().RunAsync(new TrainingRequest(data, temp.Combine("crop"), cropped), new RecordingObserver(), TestContext.Current.CancellationToken);

        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        var metrics = RunMetricsFile.Read(Path.Combine(outcome.RunDirectory, "metrics.json"));
        Assert.Equal("32", metrics.Params["crop_size"]);
        Assert.Equal("64", metrics.Params["image_size"]);
        Assert.Equal(64, metrics.Dataset.ImageSize);
        Assert.NotNull(metrics.FinalTestDice);
        var grid = Wms.Core.Imaging.ImageDecoder.DecodeRgb(Path.Combine(outcome.RunDirectory, "test_predictions.png"));
        Assert.True(grid.Width >= 3 * 64, "test predictions are whole 64x64 photos, not crops");
    }

    [Fact]
    public async Task A_run_that_validates_every_third_epoch_validates_those_the_last_and_each_from_the_set_epoch()
    {
        using var temp = new TempDirectory();
        var data = TestImages.CreateDataset(temp.Path, 20, 64, 64);
        var sparse = Tiny with { Epochs = 8, ValidateEvery = 3, ValidateEachEpochFrom = 7 };
        var observer = new RecordingObserver();

        var outcome = await new TrainingRun().RunAsync(new TrainingRequest(data, temp.Combine("sparse"), sparse), observer, TestContext.Current.CancellationToken);

        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        var metrics = RunMetricsFile.Read(Path.Combine(outcome.RunDirectory, "metrics.json"));
        Assert.Equal(8, metrics.Epochs.Count);
        Assert.Equal([3, 6, 7, 8], metrics.Epochs.Where(e => e.ValLoss is not null).Select(e => e.Epoch));
        Assert.All(metrics.Epochs.Where(e => e.ValLoss is null), e => Assert.True(e.ValDice is null && e.ValIou is null && e.ValPixelAccuracy is null && !e.Best));
        Assert.Contains(metrics.BestEpoch, new[] { 3, 6, 7, 8 });
        Assert.Equal(metrics.Epochs.Min(e => e.ValLoss), metrics.BestValLoss);
        Assert.Equal(("3", "7"), (metrics.Params["validate_every"], metrics.Params["validate_each_epoch_from"]));
        Assert.NotNull(metrics.FinalTestDice);
        Assert.Equal(["loss.png", "dice.png", "iou.png", "test_predictions.png"], metrics.Files.Plots);
        var log = File.ReadAllLines(Path.Combine(outcome.RunDirectory, "train.log"));
        Assert.Equal([1, 2, 4, 5], log.Where(l => l.Contains("| not validated |")).Select(l => int.Parse(l.Split("Epoch ")[1].Split('/')[0])));
        Assert.Equal(8, observer.Epochs.Count);
    }

    [Fact]
    public async Task Early_stopping_counts_epochs_and_judges_them_only_where_the_run_validates()
    {
        using var temp = new TempDirectory();
        var data = TestImages.CreateDataset(temp.Path, 20, 64, 64);
        // A patience shorter than the validation interval: the first validation that is not the best stops the run.
        var impatient = Tiny with { Epochs = 40, LearningRate = 1e-2, EarlyStoppingPatience = 2, ValidateEvery = 3 };

        var outcome = await new TrainingRun().RunAsync(new TrainingRequest(data, temp.Combine("impatient"), impatient), new RecordingObserver(), TestContext.Current.CancellationToken);

        var metrics = RunMetricsFile.Read(Path.Combine(outcome.RunDirectory, "metrics.json"));
        Assert.Equal("early_stopping", metrics.StopReason);
        var validated = metrics.Epochs.Where(e => e.ValLoss is not null).Select(e => e.Epoch).ToList();
        Assert.Equal(Enumerable.Range(1, validated.Count).Select(i => 3 * i), validated);
        Assert.Equal(validated[^1], metrics.Epochs[^1].Epoch);
        Assert.Equal(3, metrics.Epochs[^1].Epoch - metrics.BestEpoch);
        Assert.True(metrics.Epochs[^1].ValLoss >= metrics.BestValLoss);
    }

    [Fact]
    public async Task A_run_started_from_weights_begins_where_they_left_off()
    {
        using var temp = new TempDirectory();
        var data = TestImages.CreateDataset(temp.Path, 30);
        var ct = TestContext.Current.CancellationToken;
        var trained = await new TrainingRun().RunAsync(new TrainingRequest(data, temp.Combine("trained"), Tiny), new RecordingObserver(), ct);
        var trainedMetrics = RunMetricsFile.Read(Path.Combine(trained.RunDirectory, "metrics.json"));

        // A learning rate of almost nothing: the weights a run ends with are the ones it started from.
        var still = Tiny with { Epochs = 1, LearningRate = 1e-12, MinLearningRate = 0 };
        var weights = Path.Combine(trained.RunDirectory, "best.pth");
        var started = await new TrainingRun().RunAsync(
            new TrainingRequest(data, temp.Combine("started"), still with { InitialWeights = weights }), new RecordingObserver(), ct);
        var scratch = await new TrainingRun().RunAsync(new TrainingRequest(data, temp.Combine("scratch"), still), new RecordingObserver(), ct);

        var startedMetrics = RunMetricsFile.Read(Path.Combine(started.RunDirectory, "metrics.json"));
        var scratchMetrics = RunMetricsFile.Read(Path.Combine(scratch.RunDirectory, "metrics.json"));
        var best = trainedMetrics.BestValLoss!.Value;
        var gap = trainedMetrics.Epochs[0].ValLoss!.Value - best;
        Assert.True(gap > 0.05, $"the first run did not learn (validation loss {trainedMetrics.Epochs[0].ValLoss} -> {best})");
        Assert.InRange(startedMetrics.Epochs[0].ValLoss!.Value, best - gap / 3, best + gap / 3);
        Assert.True(scratchMetrics.Epochs[0].ValLoss > best + gap / 2, $"from scratch {scratchMetrics.Epochs[0].ValLoss} should be far above the trained {best}");
        Assert.Equal("best.pth", startedMetrics.Params["init_weights"]);
    }

    [Fact]
    public async Task With_a_weight_average_the_average_is_validated_saved_and_tested()
    {
        using var temp = new TempDirectory();
        var data = TestImages.CreateDataset(temp.Path, 30);
        var ct = TestContext.Current.CancellationToken;
        var trained = await new TrainingRun().RunAsync(new TrainingRequest(data, temp.Combine("trained"), Tiny), new RecordingObserver(), ct);
        var weights = Path.Combine(trained.RunDirectory, "best.pth");

        // A large learning rate moves the weights far in one epoch; an average that almost never
        // moves stays at the weights the run started from, and that is what the run reports.
        var moving = Tiny with { Epochs = 1, LearningRate = 0.05, InitialWeights = weights };
        var averaged = await new TrainingRun().RunAsync(
            new TrainingRequest(data, temp.Combine("averaged"), moving with { WeightAverageDecay = 0.999999999 }), new RecordingObserver(), ct);
        var live = await new TrainingRun().RunAsync(new TrainingRequest(data, temp.Combine("live"), moving), new RecordingObserver(), ct);

        var trainedMetrics = RunMetricsFile.Read(Path.Combine(trained.RunDirectory, "metrics.json"));
        var averagedMetrics = RunMetricsFile.Read(Path.Combine(averaged.RunDirectory, "metrics.json"));
        var liveMetrics = RunMetricsFile.Read(Path.Combine(live.RunDirectory, "metrics.json"));
        Assert.Equal("0.999999999", averagedMetrics.Params["weight_average"]);
        Assert.Equal(trainedMetrics.BestValLoss!.Value, averagedMetrics.Epochs[0].ValLoss!.Value, 4);
        Assert.NotEqual(trainedMetrics.BestValLoss!.Value, liveMetrics.Epochs[0].ValLoss!.Value, 2);
        var started = Checksum(weights);
        Assert.Equal(started, Checksum(Path.Combine(averaged.RunDirectory, "best.pth")), 2);
        Assert.NotEqual(started, Checksum(Path.Combine(live.RunDirectory, "best.pth")), 2);
        Assert.Equal(trainedMetrics.FinalTestDice!.Value, averagedMetrics.FinalTestDice!.Value, 4);
    }

    /// <summary>The sum of every floating-point weight in a checkpoint.</summary>
    private static double Checksum(string path)
    {
        using var model = new UNet();
        Checkpoints.Load(model, path);
        return model.state_dict().Values.Where(t => t.is_floating_point()).Sum(t => t.to(TorchSharp.torch.ScalarType.Float64).sum().item<double>());
    }

    [Fact]
    public async Task Starting_weights_that_cannot_load_fail_before_anything_is_written()
    {
        using var temp = new TempDirectory();
        var data = TestImages.CreateDataset(temp.Path, 6, 32, 32);
        var output = temp.Combine("r5");
        var missing = temp.Combine("nowhere.pth");
        var notWeights = temp.Combine("notes.pth");
        File.WriteAllText(notWeights, "not a state_dict");
        var ct = TestContext.Current.CancellationToken;

        var notFound = await Assert.ThrowsAsync<WmsException>(() =>
            new TrainingRun().RunAsync(new TrainingRequest(data, output, Tiny with { InitialWeights = missing }), new RecordingObserver(), ct));
        var invalid = await Assert.ThrowsAsync<WmsException>(() =>
            new TrainingRun().RunAsync(new TrainingRequest(data, output, Tiny with { InitialWeights = notWeights }), new RecordingObserver(), ct));

        Assert.Equal((WmsErrorKind.NotFound, $"{missing}: weights file not found"), (notFound.Kind, notFound.Message));
        Assert.Equal(WmsErrorKind.InvalidInput, invalid.Kind);
        Assert.StartsWith($"{notWeights}: not U-Net weights this program can load", invalid.Message);
        Assert.False(Directory.Exists(output));
        Assert.False(Directory.Exists(output + ".partial"));
    }

    [Fact]
    public async Task A_run_whose_loss_goes_to_nan_stops_at_once_and_says_which_setting_to_lower()
    {
        // Before, a NaN step made every weight NaN and the run went on to its last epoch, a finished
        // run of nothing (the first recipe run on an AMD host: 96 epochs planned, NaN from epoch 1).
        using var temp = new TempDirectory();
        var data = TestImages.CreateDataset(temp.Path, 12, 64, 64);
        var output = temp.Combine("r6");

        var error = await Assert.ThrowsAsync<WmsException>(() => new TrainingRun().RunAsync(
            new TrainingRequest(data, output, Tiny with { LearningRate = 1e30 }), new RecordingObserver(), TestContext.Current.CancellationToken));

        Assert.Equal(WmsErrorKind.InvalidInput, error.Kind);
        Assert.StartsWith("training diverged at epoch 1, batch ", error.Message);
        Assert.Contains("not a finite number", error.Message);
        Assert.EndsWith("lower training.learning_rate (1E+30)", error.Message);
        Assert.False(Directory.Exists(output));
        Assert.False(Directory.Exists(output + ".partial")); // no epoch finished: nothing worth keeping
    }

    [Fact]
    public async Task Bad_data_fails_before_anything_is_written()
    {
        using var temp = new TempDirectory();
        var data = TestImages.CreateDataset(temp.Path, 6, 32, 32);
        File.WriteAllBytes(Path.Combine(data, "images", "meter_004.jpg"), [0xFF, 0xD8, 0xFF]);
        var output = temp.Combine("r3");
        var observer = new RecordingObserver();

        var error = await Assert.ThrowsAsync<WmsException>(() =>
            new TrainingRun().RunAsync(new TrainingRequest(data, output, Tiny), observer, TestContext.Current.CancellationToken));

        Assert.Equal(WmsErrorKind.DataInvalid, error.Kind);
        Assert.Contains("meter_004.jpg", error.Message);
        Assert.False(Directory.Exists(output));
        Assert.False(Directory.Exists(output + ".partial"));
        Assert.DoesNotContain("started", observer.Events);
    }

    [Fact]
    public async Task An_existing_run_folder_is_never_overwritten()
    {
        using var temp = new TempDirectory();
        var data = TestImages.CreateDataset(temp.Path, 6, 32, 32);
        var output = temp.Combine("r4");
        Directory.CreateDirectory(output);
        var error = await Assert.ThrowsAsync<WmsException>(() =>
            new TrainingRun().RunAsync(new TrainingRequest(data, output, Tiny), new RecordingObserver(), TestContext.Current.CancellationToken));
        Assert.Equal(WmsErrorKind.Conflict, error.Kind);
        Assert.Equal($"{output}: already exists; choose another --out", error.Message);

        Directory.Delete(output);
        Directory.CreateDirectory(output + ".partial");
        error = await Assert.ThrowsAsync<WmsException>(() =>
            new TrainingRun().RunAsync(new TrainingRequest(data, output, Tiny), new RecordingObserver(), TestContext.Current.CancellationToken));
        Assert.Contains("left by an interrupted run", error.Message);
    }
}
