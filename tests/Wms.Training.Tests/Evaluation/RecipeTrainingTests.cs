using Wms.Core.Inference;
using Wms.Core.Quality;
using Wms.Tests.Shared;
using Wms.Training.Data;
using Wms.Training.Evaluation;
using Wms.Training.Model;
using Wms.Training.Runs;
using Xunit;

namespace Wms.Training.Tests.Evaluation;

/// <summary>The recipe's options in whole (tiny) runs: BCE + Dice, warm-up + cosine, test masks larger than the input, a time limit.</summary>
public sealed class RecipeTrainingTests
{
    private static readonly TrainingOptions Recipe = new()
    {
        ImageSize = 64, Epochs = 4, BatchSize = 4, LearningRate = 1e-3, MinLearningRate = 1e-5, Seed = 5, Threads = 1,
        EarlyStoppingPatience = 10, Loss = LossKind.BceDice, Schedule = LearningRateSchedule.Cosine, WarmupEpochs = 1,
        EvaluationMaskSize = 128, Postprocess = MaskPostprocess.LargestRegion,
    };

    [Fact]
    public async Task Test_metrics_compare_the_upsampled_prediction_with_the_mask_at_the_evaluation_size()
    {
        using var temp = new TempDirectory();
        var data = TestImages.CreateDataset(temp.Path, 30, 160, 144);
        var output = temp.Combine("run");
        var ct = TestContext.Current.CancellationToken;

        // A time limit the run keeps well inside: the batches alone set the rate.
        var outcome = await new TrainingRun().RunAsync(new TrainingRequest(data, output, Recipe with { TimeLimitMinutes = 600 }), new CompositeObserver([]), ct);

        var metrics = RunMetricsFile.Read(Path.Combine(output, "metrics.json"));
        Assert.Null(metrics.DecayFollowedClockFromEpoch);
        Assert.Equal(("bce_dice", "cosine", "128", "largest_region"),
            (metrics.Params["loss"], metrics.Params["scheduler"], metrics.Params["eval_mask_size"], metrics.Params["postprocess"]));
        // Warm-up: epoch 1 starts at peak / 6 (24 train pairs, 6 batches); the cosine then decays.
        Assert.Equal(1e-3 / 6, metrics.Epochs[0].LearningRate, 12);
        Assert.Equal(1e-3, metrics.Epochs[1].LearningRate, 12);
        Assert.True(metrics.Epochs[3].LearningRate < metrics.Epochs[2].LearningRate);
        Assert.InRange(metrics.FinalTestHausdorff!.Value, 0, Math.Sqrt(2) * 128);

        // The best weights again, scored by hand: probabilities at 64 resized to 128, against masks decoded at 128.
        using var model = new UNet();
        Checkpoints.Load(model, Path.Combine(output, "best.dat"));
        var pairs = DatasetFolder.Scan(data).Where(p => metrics.Split.Test.Contains(p.Stem)).ToList();
        var test = SampleCache.Load(pairs, 64, cancellationToken: ct).Select(s => s.Prepare()).ToList();
        var masks = EvaluationMasks.Load(pairs, metrics.Split.Test, 128, 64)!;
        Assert.All(masks.ByStem.Values, m => Assert.Equal(128 * 128, m.Length));
        var scored = Evaluator.Evaluate(model, test, 4, hausdorff: true, loss: LossKind.BceDice, scoreMasks: masks,
            postprocess: MaskPostprocess.LargestRegion, cancellationToken: ct);
        Assert.Equal(metrics.FinalTestDice!.Value, scored.Summary.Dice, 6);
        Assert.Equal(metrics.FinalTestHausdorff.Value, scored.Summary.Hausdorff, 6);
        Assert.Equal(metrics.FinalTestLoss!.Value, scored.Loss, 6);

        using var probabilities = TorchSharp.torch.no_grad();
        var photo = SampleBatch.FromPrepared([test[0]]);
        var (photos, _) = BatchTensors.Create(photo);
        model.eval();
        var upsampled = BatchTensors.MasksAt(model.call(photos), 128);
        LargestRegion.Keep(upsampled, 128, 128);
        var expected = SegmentationMetrics.Compute(upsampled, masks.ByStem[test[0].Stem], 128, 128, hausdorff: true);
        Assert.Equal(expected.Dice, scored.Samples[0].Metrics.Dice, 12);
        Assert.Equal(TrainingStatus.Completed, outcome.Status);
    }

    [Fact]
    public void Masks_at_the_input_size_need_no_second_decoding()
    {
        Assert.Null(EvaluationMasks.Load([], [], 64, 64));
    }

    [Fact]
    public async Task A_time_limit_stops_after_the_epoch_that_would_let_the_next_one_pass_it()
    {
        using var temp = new TempDirectory();
        var data = TestImages.CreateDataset(temp.Path, 20, 64, 64);
        var options = Recipe with { Epochs = 5, WarmupEpochs = 0, TimeLimitMinutes = 1e-4, EvaluationMaskSize = null };

        var outcome = await new TrainingRun().RunAsync(new TrainingRequest(data, temp.Combine("run"), options), new CompositeObserver([]),
            TestContext.Current.CancellationToken);

        Assert.Equal((TrainingStatus.Completed, StopReason.TimeLimit), (outcome.Status, outcome.Result.StopReason));
        Assert.Single(outcome.Result.History);
        Assert.NotNull(outcome.Test);
        var metrics = RunMetricsFile.Read(outcome.MetricsFile);
        Assert.Equal("time_limit", metrics.StopReason);
        // The limit is far shorter than an epoch: the clock set the rate from the first decaying batch on, and the log says a rerun will differ.
        Assert.Equal(1, metrics.DecayFollowedClockFromEpoch);
        Assert.Contains("The learning rate followed the clock from epoch", File.ReadAllText(Path.Combine(outcome.RunDirectory, "train.log")));
    }
}
