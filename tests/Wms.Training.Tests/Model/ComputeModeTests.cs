using TorchSharp;
using Wms.Training.Model;
using Xunit;
using static TorchSharp.torch;

namespace Wms.Training.Tests.Model;

/// <summary>The faster arithmetic modes compute the same function as the reference float32 path.</summary>
public sealed class ComputeModeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Channels_last_input_gives_the_same_logits_and_gradients(int threads)
    {
        // In float64, so the comparison shows the same function and not float32 rounding: in float32
        // the training-mode BatchNorm over the 3x3 bottleneck amplifies the NHWC kernels' other
        // summation order to about 1 % of the first layer's gradient, more or less with the thread count.
        TorchRuntime.Configure(threads);
        manual_seed(3);
        using var model = new UNet();
        model.to(ScalarType.Float64);
        model.train();
        using var x = rand(2, 3, 48, 48, ScalarType.Float64);
        using var y = rand(2, 1, 48, 48, ScalarType.Float64).gt(KeptScalars.Half).to(ScalarType.Float64);

        var (logits, grad) = Step(model, x, y);
        var (logitsCl, gradCl) = Step(model, BatchTensors.ChannelsLast(x), y);

        Assert.False(BatchTensors.ChannelsLast(x).is_contiguous()); // really NHWC in memory
        Assert.True(logits.allclose(logitsCl, rtol: 0, atol: 1e-9), "logits differ");
        var gradientDiff = (grad - gradCl).abs().max().item<double>();
        var gradientScale = grad.abs().max().item<double>();
        Assert.True(gradientDiff <= 1e-9 * gradientScale, $"gradients differ: max |difference| {gradientDiff} against max |gradient| {gradientScale}");

        // And the float32 kernels training runs: the logits agree to rounding.
        model.to(ScalarType.Float32);
        using var x32 = x.to(ScalarType.Float32);
        var (logits32, _) = Step(model, x32, y.to(ScalarType.Float32));
        var (logits32Cl, _) = Step(model, BatchTensors.ChannelsLast(x32), y.to(ScalarType.Float32));
        Assert.True(logits32.allclose(logits32Cl, rtol: 0, atol: 1e-4), "float32 logits differ");
    }

    [Fact]
    public void BFloat16_convolutions_stay_close_to_float32_and_train_the_float32_weights()
    {
        manual_seed(4);
        using var model = new UNet();
        model.eval();
        using var x = rand(1, 3, 64, 64);
        Tensor reference, mixed;
        using (no_grad())
        {
            reference = model.call(x);
            model.BFloat16 = true;
            mixed = model.call(x);
        }
        Assert.Equal(ScalarType.Float32, mixed.dtype);
        Assert.Equal(reference.shape, mixed.shape);
        // bfloat16 keeps 8 significant bits: logits agree to about 1 % of their spread.
        var tolerance = 0.03 * reference.std().item<float>() + 0.02;
        var diff = (reference - mixed).abs().max().item<float>();
        Assert.True(diff < tolerance, $"max |fp32 - bf16| = {diff} > {tolerance}");

        // Gradients reach the float32 parameters, which stay float32.
        model.train();
        using var y = rand(1, 1, 64, 64).gt(KeptScalars.Half).to(ScalarType.Float32);
        var (_, grad) = Step(model, x, y);
        Assert.True(grad.abs().sum().item<float>() > 0);
        Assert.All(model.parameters(), p => Assert.Equal(ScalarType.Float32, p.dtype));
    }

    /// <summary>Logits and the first convolution's weight gradient of one forward/backward.</summary>
    private static (Tensor Logits, Tensor Gradient) Step(UNet model, Tensor x, Tensor y)
    {
        model.zero_grad();
        var logits = model.call(x);
        nn.functional.binary_cross_entropy_with_logits(logits, y).backward();
        var first = model.parameters().First();
        return (logits.detach().contiguous(), first.grad!.clone());
    }
}
