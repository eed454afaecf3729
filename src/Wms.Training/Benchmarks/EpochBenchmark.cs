using System.Diagnostics;
using Wms.Training.Data;
using Wms.Training.Model;
using static TorchSharp.torch;

namespace Wms.Training.Benchmarks;

/// <summary>
/// Times epochs as <c>wms train</c> runs them (training batches, then the validation pass) with the
/// sample cache, against a loop that decodes every photo every epoch, as the original's data
/// loader did. Same split, model, steps and augmentation; the test split is left out.
/// </summary>
public static class EpochBenchmark
{
    public static EpochBenchmarkResult Run(IReadOnlyList<SamplePair> pairs, TrainingOptions options, int epochs,
        Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        TorchRuntime.Configure(options.Threads);
        var augmenter = new Augmenter(options.Augmentation);
        var split = DatasetSplit.Create(pairs.Select(p => p.Stem), options.Split, options.Seed);
        var byStem = pairs.ToDictionary(p => p.Stem, StringComparer.Ordinal);
        var trainPairs = split.Train.Select(s => byStem[s]).ToList();
        var valPairs = split.Validation.Select(s => byStem[s]).ToList();
        var batches = (trainPairs.Count + options.BatchSize - 1) / options.BatchSize;
        var sampleSize = augmenter.OutputSize(options.ImageSize);

        var cacheClock = Stopwatch.StartNew();
        var cache = SampleCache.Load(trainPairs, options.ImageSize, cancellationToken: cancellationToken);
        var validation = SampleCache.Load(valPairs, options.ImageSize, cancellationToken: cancellationToken).Select(s => s.Prepare()).ToList();
        var cacheSeconds = cacheClock.Elapsed.TotalSeconds;
        var producer = new BatchProducer(cache, augmenter, options.BatchSize, options.Seed);
        var parts = new List<EpochParts>();
        var cached = TimeEpochs("cached", epochs, options, progress, (model, optimizer, epoch) =>
        {
            var (steps, validating) = (new Stopwatch(), new Stopwatch());
            model.train();
            foreach (var batch in producer.Epoch(epoch, cancellationToken))
            {
                steps.Start();
                TrainingStep.Run(model, optimizer, batch);
                steps.Stop();
            }
            validating.Start();
            Evaluation.Evaluator.Evaluate(model, validation, options.BatchSize, hausdorff: false, cancellationToken: cancellationToken);
            validating.Stop();
            parts.Add(new EpochParts(steps.Elapsed.TotalSeconds, validating.Elapsed.TotalSeconds));
        });

        var decoding = TimeEpochs("decode every epoch", epochs, options, progress, (model, optimizer, epoch) =>
        {
            // What the original's data loader did: read, decode and preprocess each photo when the batch needs it.
            model.train();
            var order = producer.Order(epoch);
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var indices = order.Skip(start).Take(options.BatchSize).ToList();
                var batch = SampleBatch.Allocate(indices.Count, sampleSize, indices.Select(i => trainPairs[i].Stem).ToList());
                for (var k = 0; k < indices.Count; k++)
                {
                    var sample = SampleCache.LoadOne(trainPairs[indices[k]], options.ImageSize);
                    var augmented = augmenter.Apply(sample, DeterministicRandom.For(options.Seed, epoch, indices[k]));
                    batch.Fill(k, augmented.Chw, augmented.Mask, augmented.Brightness);
                }
                TrainingStep.Run(model, optimizer, batch);
            }
            var decoded = valPairs.Select(p => SampleCache.LoadOne(p, options.ImageSize).Prepare()).ToList();
            Evaluation.Evaluator.Evaluate(model, decoded, options.BatchSize, hausdorff: false, cancellationToken: cancellationToken);
        });
        return new EpochBenchmarkResult(options.ImageSize, sampleSize, options.BatchSize, trainPairs.Count, valPairs.Count, batches, cacheSeconds, cached, decoding, parts);
    }

    private static List<double> TimeEpochs(string name, int epochs, TrainingOptions options, Action<string>? progress,
        Action<UNet, optim.Optimizer, int> epoch)
    {
        manual_seed(options.Seed);
        using var model = options.CreateModel();
        using var optimizer = new KeptScalarsAdam(model.parameters(), options.LearningRate, options.WeightDecay);
        var seconds = new List<double>();
        for (var e = 1; e <= epochs; e++)
        {
            var clock = Stopwatch.StartNew();
            epoch(model, optimizer, e);
            seconds.Add(clock.Elapsed.TotalSeconds);
            progress?.Invoke($"{name}: epoch {e}/{epochs} took {seconds[^1]:F1} s");
        }
        return seconds;
    }
}
