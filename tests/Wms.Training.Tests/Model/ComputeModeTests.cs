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
        // Off: the U-Net computes in the order each input comes in (it turns every input NHWC by default).
        using var model = new UNet { ChannelsLast = false };
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

    [Theory]
    [InlineData(8)]
    [InlineData(24)]
    public void A_U_Net_whose_widths_are_not_multiples_of_16_computes_in_float32_what_it_computes_in_float64(int width)
    {
        // On an AMD EPYC with AVX-512 the NCHW float32 convolutions at these widths gave NaN running
        // statistics or logits off by 0.01, on a different call each time (in 5 of 10 calls at width 8,
        // in every call at width 24); see UNet.ChannelsLast.
        TorchRuntime.Configure(2);
        for (var seed = 0; seed < 5; seed++)
        {
            using var scope = NewDisposeScope();
            manual_seed(seed);
            using var model = new UNet(baseFilters: width);
            using var reference = new UNet(baseFilters: width);
            reference.load_state_dict(model.state_dict());
            reference.to(ScalarType.Float64);
            var x = rand(2, 3, 64, 64);
            model.train();
            reference.train();
            model.call(x);
            reference.call(x.to(ScalarType.Float64));
            var statistics = reference.state_dict();
            foreach (var (name, value) in model.state_dict().Where(e => e.Value.is_floating_point()))
                Assert.True(value.to(ScalarType.Float64).allclose(statistics[name], rtol: 1e-4, atol: 1e-5), $"seed {seed}: {name} differs");

            model.eval();
            reference.eval();
            using var _ = no_grad();
            var difference = (model.call(x).to(ScalarType.Float64) - reference.call(x.to(ScalarType.Float64))).abs().max().item<double>();
            Assert.True(difference < 1e-4, $"seed {seed}: max |float32 - float64 logit| = {difference}");
        }
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
