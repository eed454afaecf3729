using System.Diagnostics;
using TorchSharp;
using Wms.Training.Model;
using static TorchSharp.torch;

namespace Wms.Training.Benchmarks;

/// <summary>
/// The same measurements as <c>torch_reference.py time-train|time-forward</c>, on random input:
/// one BCE + Adam training step, and one forward pass in eval mode without gradients. Run on the
/// calling thread; the thread count is process-wide for libtorch.
/// </summary>
public static class StepBenchmark
{
    public static Timing TrainStep(int size, int batch, int threads, int repeats, int warmup, ComputeOptions compute, int depth = UNet.OriginalDepth,
        int baseFilters = UNet.OriginalBaseFilters)
    {
        using var model = SeededModel(threads, compute, depth, baseFilters);
        model.train();
        using var x = RandomInput(batch, size, compute);
        using var optimizer = new KeptScalarsAdam(model.parameters(), 1e-4, 1e-4);
        using Scalar maskThreshold = 0.9.ToScalar(); // a tenth of the pixels are "counter"; a kept scalar (KeptScalars)
        using var y = rand(batch, 1, size, size).gt(maskThreshold).to(ScalarType.Float32);
        return Time(repeats, warmup, () =>
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.binary_cross_entropy_with_logits(model.call(x), y);
            loss.backward();
            optimizer.step();
        });
    }

    public static Timing Forward(int size, int batch, int threads, int repeats, int warmup, ComputeOptions compute, int depth = UNet.OriginalDepth,
        int baseFilters = UNet.OriginalBaseFilters)
    {
        using var model = SeededModel(threads, compute, depth, baseFilters);
        model.eval();
        using var x = RandomInput(batch, size, compute);
        using var _ = no_grad();
        return Time(repeats, warmup, () =>
        {
            using var scope = NewDisposeScope();
            model.call(x);
        });
    }

    /// <summary>The U-Net both measurements time, drawn from a generator seeded with 0.</summary>
    private static UNet SeededModel(int threads, ComputeOptions compute, int depth, int baseFilters)
    {
        TorchRuntime.Configure(threads);
        manual_seed(0);
        return new UNet(baseFilters: baseFilters, depth: depth) { BFloat16 = compute.BFloat16, ChannelsLast = compute.ChannelsLast };
    }

    /// <summary>A random batch of photos, in the memory layout <paramref name="compute"/> asks for.</summary>
    private static Tensor RandomInput(int batch, int size, ComputeOptions compute)
    {
        using var x = rand(batch, 3, size, size);
        return compute.ChannelsLast ? BatchTensors.ChannelsLast(x) : x.alias();
    }

    private static Timing Time(int repeats, int warmup, Action step)
    {
        for (var i = 0; i < warmup; i++) step();
        var times = new List<double>(repeats);
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            step();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return new Timing(times);
    }
}
