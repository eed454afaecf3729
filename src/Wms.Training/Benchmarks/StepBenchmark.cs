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
        using var setup = Setup.Of(size, batch, threads, compute, depth, baseFilters);
        var (model, x) = (setup.Model, setup.Input);
        model.train();
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
        using var setup = Setup.Of(size, batch, threads, compute, depth, baseFilters);
        var (model, x) = (setup.Model, setup.Input);
        model.eval();
        using var _ = no_grad();
        return Time(repeats, warmup, () =>
        {
            using var scope = NewDisposeScope();
            model.call(x);
        });
    }

    /// <summary>A seeded U-Net and a random batch in the memory layout the compute options ask for.</summary>
    private sealed record Setup(UNet Model, Tensor Input) : IDisposable
    {
        public static Setup Of(int size, int batch, int threads, ComputeOptions compute, int depth, int baseFilters)
        {
            TorchRuntime.Configure(threads);
            manual_seed(0);
            var model = new UNet(baseFilters: baseFilters, depth: depth) { BFloat16 = compute.BFloat16 };
            try
            {
                using var x = rand(batch, 3, size, size);
                return new Setup(model, compute.ChannelsLast ? BatchTensors.ChannelsLast(x) : x.alias());
            }
            catch
            {
                model.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            Model.Dispose();
            Input.Dispose();
        }
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
