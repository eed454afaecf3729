using Microsoft.ML.OnnxRuntime;
using Wms.Core.Models;
using Wms.Training.Model;
using Wms.Training.Onnx;
using Xunit;

namespace Wms.Training.Tests.Onnx;

/// <summary>The exported graph computes what TorchSharp computes, through the real ONNX Runtime.</summary>
public sealed class OnnxParityTests
{
    private const float Tolerance = 1e-4f;

    [Fact]
    public void Export_names_the_depth_of_a_state_dict_it_does_not_build()
    {
        TorchRuntime.Configure(2);
        using var model = new UNet();
        var threeLevels = UNetWeights.From(model).Where(w => !w.Key.StartsWith("enc4.", StringComparison.Ordinal)).ToDictionary();

        var error = Assert.Throws<Wms.Core.WmsException>(() => UNetOnnxExporter.Export(threeLevels));

        Assert.Equal("state_dict has encoder blocks enc1 to enc3: not this U-Net's weights (the depth must be one of 4, 5, not 3)", error.Message);
    }

    [Theory]
    [InlineData(2, 512, 512, 4)]
    [InlineData(1, 250, 333, 4)]
    [InlineData(3, 37, 61, 4)]
    [InlineData(1, 250, 333, 5)]
    [InlineData(1, 64, 96, 5)]
    public void Onnx_logits_match_TorchSharp(int batch, int height, int width, int depth)
    {
        TorchRuntime.Configure(2);
        using var model = TrainedUNet.Create(seed: 11, depth);
        var onnx = UNetOnnxExporter.Export(model);
        var shape = new long[] { batch, 3, height, width };
        var input = RandomInput(batch * 3 * height * width, seed: 5);

        var expected = TrainedUNet.Logits(model, input, shape);
        var (actual, actualShape) = RunOnnx(onnx, input, shape);

        Assert.Equal(new long[] { batch, 1, height, width }, actualShape);
        var maxDiff = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        TestContext.Current.TestOutputHelper?.WriteLine($"{batch}x{height}x{width} {maxDiff:E2} {expected.Min()} {expected.Max()}");
        Assert.True(maxDiff <= Tolerance, $"max |logit_torch - logit_onnx| = {maxDiff:E2} at {batch}x{height}x{width}");
        // Far from a trivial output: the logits vary across the image. Where they sit depends on
        // multi-threaded training steps (not bit-reproducible), so only their spread is checked.
        Assert.True(expected.Max() - expected.Min() > 1f, $"logits span only {expected.Min()}..{expected.Max()}; max diff {maxDiff:E2}");
    }

    internal static float[] RandomInput(int length, int seed)
    {
        var random = new Random(seed);
        var input = new float[length];
        for (var i = 0; i < input.Length; i++) input[i] = random.Next(256) / 255f;
        return input;
    }

    internal static (float[] Values, long[] Shape) RunOnnx(byte[] onnx, float[] input, long[] shape)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 2 };
        using var session = new InferenceSession(onnx, options);
        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var outputs = session.Run(new RunOptions(), [ModelContract.InputName], [value], [ModelContract.OutputName]);
        var output = outputs[0];
        return (output.GetTensorDataAsSpan<float>().ToArray(), output.GetTensorTypeAndShape().Shape);
    }
}
