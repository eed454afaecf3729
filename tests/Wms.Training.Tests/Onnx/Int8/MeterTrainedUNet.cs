using Wms.Core.Imaging;
using Wms.Training.Model;
using Wms.Training.Tests.Inference;
using static TorchSharp.torch;

namespace Wms.Training.Tests.Onnx.Int8;

/// <summary>
/// A U-Net trained for a few seconds to find the bright bar of <see cref="TestImages.Meter"/>: its
/// logits are confident away from the bar's edges, as a trained model's are, so mask agreement
/// measures quantization error rather than the coin flips of an untrained model's near-zero logits.
/// </summary>
internal static class MeterTrainedUNet
{
    public static UNet Create(int size, int steps = 40, int seed = 5)
    {
        manual_seed(seed);
        var model = new UNet();
        model.train();
        using var optimizer = new KeptScalarsAdam(model.parameters(), 3e-3, weightDecay: 0);
        for (var step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            var (x, y) = Batch(size, 4, seed: 1000 + step * 4);
            optimizer.zero_grad();
            nn.functional.binary_cross_entropy_with_logits(model.call(x), y).backward();
            optimizer.step();
        }
        model.eval();
        return model;
    }

    private static (Tensor Input, Tensor Target) Batch(int size, int count, int seed)
    {
        var plane = size * size;
        var input = new float[count * 3 * plane];
        var target = new float[count * plane];
        for (var i = 0; i < count; i++)
        {
            var (width, height) = (160 + (seed + i) % 7 * 20, 120 + (seed + i) % 5 * 20);
            Preprocessing.ToTensor(Preprocessing.Prepare(TestImages.Meter(width, height, seed + i), size), input.AsSpan(i * 3 * plane, 3 * plane));
            for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
            {
                // The bar of TestImages.Meter, in the resized frame.
                var bar = y > size * 2 / 5 && y < size * 3 / 5 && x > size / 5 && x < size * 4 / 5;
                target[i * plane + y * size + x] = bar ? 1 : 0;
            }
        }
        return (tensor(input, [count, 3, size, size]), tensor(target, [count, 1, size, size]));
    }
}
