using System.Diagnostics;
using Wms.Core;
using Wms.Core.Quality;
using Wms.Training.Data;
using Wms.Training.Evaluation;
using Wms.Training.Model;
using static TorchSharp.torch;
using ReduceLROnPlateau = TorchSharp.torch.optim.lr_scheduler.impl.ReduceLROnPlateau;

namespace Wms.Training;

/// <summary>
/// The original's training (REFERENCE.md §2): BCE with logits, Adam with weight decay,
/// ReduceLROnPlateau on the validation loss, early stopping on a strictly lower validation loss,
/// the best weights evaluated on the test split at the end. Options can swap in BCE + Dice (or + Tversky) and a
/// warm-up + cosine schedule, and measure the test split on larger masks than the input.
/// Seeded; runs on the calling thread.
/// </summary>
public sealed class Trainer(TrainingOptions options)
{
    /// <summary>How many test predictions the result keeps for plots.</summary>
    public const int PredictionsKept = 4;

    /// <summary>
    /// Trains on <paramref name="data"/>, saving the best weights (<c>best.pth</c> and <c>best.dat</c>)
    /// into <paramref name="checkpointDirectory"/> whenever the validation loss improves. Cancellation
    /// stops after the current batch and keeps the best weights so far.
    /// </summary>
    /// <param name="initial">The weights of <see cref="TrainingOptions.InitialWeights"/>, already read and checked (<see cref="Runs.TrainingRun"/>), or null to start from the seeded initialisation.</param>
    public TrainingResult Train(TrainingData data, UNet? initial, string checkpointDirectory, ITrainingObserver observer, CancellationToken cancellationToken)
    {
        TorchRuntime.Configure(options.Threads);
        manual_seed(options.Seed);
        using var model = options.CreateModel();
        if (initial is not null) model.load_state_dict(initial.state_dict(), strict: true);
        using var optimizer = new KeptScalarsAdam(model.parameters(), options.LearningRate, options.WeightDecay);
        var scheduler = (ReduceLROnPlateau)optim.lr_scheduler.ReduceLROnPlateau(optimizer, "min",
            factor: options.SchedulerFactor, patience: options.SchedulerPatience, min_lr: [options.MinLearningRate]);
        var producer = new BatchProducer(data.Train, new Augmenter(options.Augmentation), options.BatchSize, options.Seed);
        var cosine = options.Schedule == LearningRateSchedule.Cosine ? new CosineRun(CosineSchedule.For(options, producer.BatchesPerEpoch)) : null;
        using var average = options.WeightAverageDecay is { } decay ? new WeightAverage(model, decay) : null;

        var history = new List<EpochMetrics>();
        var (bestLoss, bestEpoch) = (double.PositiveInfinity, 0);
        var stop = StopReason.MaxEpochs;
        var clock = Stopwatch.StartNew();
        var lastValidation = TimeSpan.Zero;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var epochClock = Stopwatch.StartNew();
            var learningRate = cosine?.Peek((epoch - 1) * producer.BatchesPerEpoch, clock.Elapsed) ?? optimizer.ParamGroups.First().LearningRate;
            var train = TrainEpoch(model, optimizer, producer, average, cosine, epoch, observer, clock, cancellationToken);
            if (train is null)
            {
                stop = StopReason.Cancelled;
                break;
            }
            // Decided before validating, so that the epoch the clock ends the run after is validated too.
            var timeIsUp = epoch < options.Epochs && WouldPassTimeLimit(clock.Elapsed + lastValidation, epoch);

            EvaluationResult? validation = null;
            var isBest = false;
            if (timeIsUp || options.ValidatesAfter(epoch))
            {
                var validationClock = Stopwatch.StartNew();
                // With a weight average, the average is what is validated and saved; training goes on from the live weights.
                average?.Swap();
                validation = Validate(model, data.Validation, cancellationToken);
                isBest = validation is not null && validation.Loss < bestLoss;
                if (isBest)
                {
                    Checkpoints.Save(model, Path.Combine(checkpointDirectory, Checkpoints.NativeFileName));
                    Checkpoints.Save(model, Path.Combine(checkpointDirectory, Checkpoints.PthFileName));
                }
                average?.Swap();
                if (validation is null)
                {
                    stop = StopReason.Cancelled;
                    break;
                }
                lastValidation = validationClock.Elapsed;
                if (cosine is null) scheduler.step(validation.Loss, null);
                if (isBest) (bestLoss, bestEpoch) = (validation.Loss, epoch);
            }
            var metrics = new EpochMetrics(epoch, train, validation is null ? null : Summarise(validation), learningRate, isBest, epochClock.Elapsed);
            history.Add(metrics);
            observer.OnEpochCompleted(metrics);

            if (cancellationToken.IsCancellationRequested)
            {
                stop = StopReason.Cancelled;
                break;
            }
            // Counted in epochs, judged when there is a validation to judge by.
            if (validation is not null && epoch - bestEpoch >= options.EarlyStoppingPatience && epoch < options.Epochs)
            {
                stop = StopReason.EarlyStopping;
                break;
            }
            if (timeIsUp)
            {
                stop = StopReason.TimeLimit;
                break;
            }
        }
        var trainingTime = clock.Elapsed;

        if (stop == StopReason.Cancelled || bestEpoch == 0)
            return new TrainingResult(history, bestEpoch, bestLoss, stop, null, [], trainingTime, TimeSpan.Zero) { DecayFollowedClockFrom = cosine?.FollowedClockFrom };

        var testClock = Stopwatch.StartNew();
        Checkpoints.Load(model, Path.Combine(checkpointDirectory, Checkpoints.NativeFileName));
        var predictions = new List<KeyValuePair<string, byte[]>>();
        var test = Evaluator.Evaluate(model, data.Test, options.BatchSize, hausdorff: true,
            (sample, mask) =>
            {
                if (predictions.Count < PredictionsKept) predictions.Add(new(sample.Stem, mask));
            }, loss: options.Loss, scoreMasks: data.TestMasks, postprocess: options.Postprocess);
        return new TrainingResult(history, bestEpoch, bestLoss, stop, test, predictions, trainingTime, testClock.Elapsed) { DecayFollowedClockFrom = cosine?.FollowedClockFrom };
    }

    /// <summary>One pass over the training batches; null when cancelled before the epoch finished.</summary>
    private SplitMetrics? TrainEpoch(UNet model, optim.Optimizer optimizer, BatchProducer producer, WeightAverage? average, CosineRun? cosine,
        int epoch, ITrainingObserver observer, Stopwatch clock, CancellationToken cancellationToken)
    {
        model.train();
        var (lossSum, count, batchIndex) = (0.0, 0, 0);
        var scores = new List<SampleMetrics>();
        foreach (var batch in producer.Epoch(epoch, CancellationToken.None))
        {
            if (cosine is not null)
            {
                var rate = cosine.Rate((epoch - 1) * producer.BatchesPerEpoch + batchIndex, clock.Elapsed, epoch);
                foreach (var group in optimizer.ParamGroups) group.LearningRate = rate;
            }
            var (loss, predicted, finite) = TrainingStep.Run(model, optimizer, batch, options.Loss);
            if (!finite)
                throw new WmsException(
                    $"training diverged at epoch {epoch}, batch {batchIndex + 1}: the loss ({loss:G4}) or a gradient is not a finite number, " +
                    "so training stops before it spoils the weights; " +
                    $"lower training.learning_rate ({options.LearningRate:G4}){(options.Compute.BFloat16 ? " or train with compute.bf16: false" : "")}");
            average?.Update();
            lossSum += loss * batch.Count;
            count += batch.Count;
            scores.AddRange(Evaluator.Score(predicted, MaskBytes(batch), batch.Size, hausdorff: false));
            observer.OnBatchCompleted(new BatchCompleted(epoch, options.Epochs, ++batchIndex, producer.BatchesPerEpoch, loss, clock.Elapsed));
            // Checked between batches: a step cannot be interrupted, so Ctrl+C takes effect after it.
            if (cancellationToken.IsCancellationRequested) return null;
        }
        var summary = MetricsSummary.Of(scores);
        return new SplitMetrics(lossSum / count, summary.Dice, summary.Iou, summary.PixelAccuracy);
    }

    /// <summary>True when one more epoch, as long as the average so far, would end past the time limit.</summary>
    private bool WouldPassTimeLimit(TimeSpan elapsed, int epochsDone) =>
        options.TimeLimitMinutes is { } minutes && elapsed + elapsed / epochsDone > TimeSpan.FromMinutes(minutes);

    private EvaluationResult? Validate(UNet model, IReadOnlyList<PreparedSample> samples, CancellationToken cancellationToken)
    {
        try
        {
            return Evaluator.Evaluate(model, samples, options.BatchSize, hausdorff: false, cancellationToken: cancellationToken,
                loss: options.Loss, postprocess: options.Postprocess);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static SplitMetrics Summarise(EvaluationResult r) => new(r.Loss, r.Summary.Dice, r.Summary.Iou, r.Summary.PixelAccuracy);

    /// <summary>The batch's true masks as bytes again (the batch holds them as floats for the loss).</summary>
    private static List<byte[]> MaskBytes(SampleBatch batch)
    {
        var plane = batch.Size * batch.Size;
        var masks = new List<byte[]>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var mask = new byte[plane];
            for (var k = 0; k < plane; k++) mask[k] = (byte)batch.Masks[i * plane + k];
            masks.Add(mask);
        }
        return masks;
    }
}
