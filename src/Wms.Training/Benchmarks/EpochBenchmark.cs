using System.Diagnostics;
using Wms.Training.Data;
using Wms.Training.Model;
using static TorchSharp.torch;

namespace Wms.Training.Benchmarks;

/// <summary>Times training epochs with the sample cache against a decode-every-epoch loop (same model, steps and augmentation).</summary>
public static class EpochBenchmark
{
    public static EpochBenchmarkResult Run(IReadOnlyList<SamplePair> pairs, TrainingOptions options, int epochs,
        Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        TorchRuntime.Configure(options.Threads);
        var augmenter = new Augmenter(options.Augmentation);
        var batches = (pairs.Count + options.BatchSize - 1) / options.BatchSize;

        var cacheClock = Stopwatch.StartNew();
        var cache = SampleCache.Load(pairs, options.ImageSize, cancellationToken: cancellationToken);
        var cacheSeconds = cacheClock.Elapsed.TotalSeconds;
        var producer = new BatchProducer(cache, augmenter, options.BatchSize, options.Seed);
        var cached = TimeEpochs("cached", epochs, options, progress, (model, optimizer, epoch) =>
        {
            foreach (var batch in producer.Epoch(epoch, cancellationToken))
                TrainingStep.Run(model, optimizer, batch, options.Compute);
        });

        var decoding = TimeEpochs("decode every epoch", epochs, options, progress, (model, optimizer, epoch) =>
        {
            // What the original's data loader did: read, decode and preprocess each photo when the batch needs it.
            var order = producer.Order(epoch);
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var indices = order.Skip(start).Take(options.BatchSize).ToList();
                var batch = SampleBatch.Allocate(indices.Count, options.ImageSize, indices.Select(i => pairs[i].Stem).ToList());
                for (var k = 0; k < indices.Count; k++)
                {
                    var sample = SampleCache.LoadOne(pairs[indices[k]], options.ImageSize);
                    var augmented = augmenter.Apply(sample, DeterministicRandom.For(options.Seed, epoch, indices[k]));
                    batch.Fill(k, augmented.Chw, augmented.Mask, augmented.Brightness);
                }
                TrainingStep.Run(model, optimizer, batch, options.Compute);
            }
        });
        return new EpochBenchmarkResult(pairs.Count, batches, cacheSeconds, cached, decoding);
    }

    private static List<double> TimeEpochs(string name, int epochs, TrainingOptions options, Action<string>? progress,
        Action<UNet, optim.Optimizer, int> epoch)
    {
        manual_seed(options.Seed);
        using var model = new UNet { BFloat16 = options.Compute.BFloat16 };
        model.train();
        using var optimizer = optim.Adam(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
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
