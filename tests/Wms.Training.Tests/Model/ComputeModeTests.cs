using Wms.Training.Model;
using Xunit;
using static TorchSharp.torch;

namespace Wms.Training.Tests.Model;

/// <summary>The faster arithmetic modes compute the same function as the reference float32 path.</summary>
public sealed class ComputeModeTests
{
    [Fact]
    public void Channels_last_input_gives_the_same_logits_and_gradients()
    {
        manual_seed(3);
        using var model = new UNet();
        model.train();
        using var x = rand(2, 3, 48, 48);
        using var y = rand(2, 1, 48, 48).gt(0.5).to(ScalarType.Float32);

        var (logits, grad) = Step(model, x, y);
        var (logitsCl, gradCl) = Step(model, BatchTensors.ChannelsLast(x), y);

        Assert.False(BatchTensors.ChannelsLast(x).is_contiguous()); // really NHWC in memory
        Assert.True(logits.allclose(logitsCl, rtol: 0, atol: 1e-4), "logits differ");
        Assert.True(grad.allclose(gradCl, rtol: 1e-3, atol: 1e-5), "gradients differ");
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
        using var y = rand(1, 1, 64, 64).gt(0.5).to(ScalarType.Float32);
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
